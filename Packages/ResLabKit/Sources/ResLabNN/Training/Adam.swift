import Foundation
import ResLabEngine

/// Adam (Kingma and Ba), Keras' `Adam` with Keras' update formula.
///
/// At step t, with α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ):
/// m ← m + (g − m)(1 − β₁); v ← v + (g² − v)(1 − β₂); p ← p − α·m / (√v + ε).
/// (ε is added to √v after the bias correction is folded into α, as Keras and TensorFlow do, not
/// to the corrected √v̂ as in the paper.)
public final class Adam: Optimizer {
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double

    /// Keras' defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
    public convenience init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                            epsilon: Double = 1e-7, weightDecay: Double? = nil) throws {
        try self.init(schedule: .constant(learningRate), beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
    }

    public init(schedule: LearningRateSchedule, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7, weightDecay: Double? = nil) throws {
        guard (0..<1).contains(beta1), (0..<1).contains(beta2), epsilon >= 0 else {
            throw NNError.invalidArgument(
                op: "Adam(beta1: \(beta1), beta2: \(beta2), epsilon: \(epsilon))",
                message: "β₁ and β₂ must lie in [0, 1) and ε must not be negative")
        }
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        try super.init(learningRate: schedule, weightDecay: weightDecay, op: "Adam")
    }

    public override var stateSlots: Int { 2 }

    public override func update(_ p: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                state: [UnsafeMutableBufferPointer<Float>], learningRate lr: Float, step: Int) {
        // Keras' arithmetic: β powers in Float, 1 − β computed in Double then rounded to Float.
        let t = Float(step)
        let alpha = lr * (1 - Foundation.pow(Float(beta2), t)).squareRoot() / (1 - Foundation.pow(Float(beta1), t))
        let (keep1, keep2, eps) = (Float(1 - beta1), Float(1 - beta2), Float(epsilon))
        let (m, v) = (state[0], state[1])
        // A square root and a division per weight: large weights are split across the cores
        // (each element's arithmetic is the same, so the result is too), each part vectorised.
        guard let pBase = p.baseAddress, let gBase = g.baseAddress, let mBase = m.baseAddress, let vBase = v.baseAddress else { return }
        Parallelism.forEachChunk(of: p.count) { range in
            let start = range.lowerBound
            OptimizerKernels.adamUpdate(pBase + start, gradient: gBase + start, m: mBase + start, v: vBase + start, count: range.count,
                                        alpha: alpha, keep1: keep1, keep2: keep2, epsilon: eps)
        }
    }
}
