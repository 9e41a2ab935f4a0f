import Foundation

/// The learning rate as a function of the optimiser's step count (Keras' `iterations`, starting at
/// 0 for the first update), Keras' `LearningRateSchedule`s.
public enum LearningRateSchedule: Equatable {
    /// The same rate at every step.
    case constant(Double)
    /// `values[i]` while step < `boundaries[i]` (first match), `values.last` after the last
    /// boundary: Keras' `PiecewiseConstantDecay`, e.g. He et al.'s ÷10 at 32k and 48k steps.
    case piecewiseConstant(boundaries: [Int], values: [Double])
    /// `initial · factor^⌊step / every⌋`: a step decay (Keras' `ExponentialDecay` with `staircase`).
    case stepDecay(initial: Double, factor: Double, every: Int)
    /// Keras' `CosineDecay`: `initial · ((1 − alpha) · ½(1 + cos(π · min(step, decaySteps) / decaySteps)) + alpha)`.
    case cosineDecay(initial: Double, decaySteps: Int, alpha: Double = 0)

    /// The rate at `step`.
    public func callAsFunction(_ step: Int) -> Double {
        switch self {
        case let .constant(rate):
            return rate
        case let .piecewiseConstant(boundaries, values):
            for (boundary, value) in zip(boundaries, values) where step < boundary { return value }
            return values.last ?? 0
        case let .stepDecay(initial, factor, every):
            return initial * Foundation.pow(factor, Double(step / max(every, 1)))
        case let .cosineDecay(initial, decaySteps, alpha):
            let progress = Double(min(step, decaySteps)) / Double(max(decaySteps, 1))
            return initial * ((1 - alpha) * 0.5 * (1 + Foundation.cos(Double.pi * progress)) + alpha)
        }
    }

    /// Throws when the schedule cannot work (values not one more than boundaries, a step count
    /// that is not positive).
    func validate(op: String) throws {
        switch self {
        case .constant: return
        case let .piecewiseConstant(boundaries, values):
            guard values.count == boundaries.count + 1, boundaries == boundaries.sorted() else {
                throw NNError.invalidArgument(op: op, message: "piecewiseConstant needs increasing boundaries and one more value than boundaries")
            }
        case let .stepDecay(_, _, every):
            guard every > 0 else { throw NNError.invalidArgument(op: op, message: "stepDecay's `every` must be a positive step count") }
        case let .cosineDecay(_, decaySteps, _):
            guard decaySteps > 0 else { throw NNError.invalidArgument(op: op, message: "cosineDecay's decaySteps must be positive") }
        }
    }
}
