import ResLabEngine

/// The base of every optimiser: a learning-rate schedule, a step counter, per-weight state,
/// decoupled weight decay, and the loop that applies a subclass's update rule to each trainable
/// weight in place.
///
/// Weight decay λ, when given, acts before the rule as in Keras 3: p ← p − η·λ·p (every trainable
/// weight, biases and batch-norm scales included, as Keras does by default).
///
/// As in mlx-swift's optimisers, a subclass defines only `update(_:gradient:state:learningRate:)`
/// for one weight. State (momentum, Adam's moments) is created lazily per weight and kept by
/// identity of the `Variable`.
open class Optimizer {
    public let learningRate: LearningRateSchedule
    public let weightDecay: Double?
    /// How many updates have been applied (Keras' `optimizer.iterations`).
    public private(set) var iterations = 0
    private var states: [ObjectIdentifier: OptimizerState] = [:]

    /// For subclasses: `op` names the optimiser in error messages.
    public init(learningRate: LearningRateSchedule, weightDecay: Double?, op: String) throws {
        try learningRate.validate(op: op)
        if let weightDecay, weightDecay < 0 {
            throw NNError.invalidArgument(op: op, message: "weightDecay must not be negative, got \(weightDecay)")
        }
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    /// The rate the next update uses.
    public var currentLearningRate: Double { learningRate(iterations) }

    /// How many state arrays (each the weight's size, starting at zero) the rule keeps per weight.
    open var stateSlots: Int { 0 }

    /// Updates one weight in place; `state` holds `stateSlots` buffers of the weight's size, kept
    /// from one step to the next. `step` is the 1-based number of this update.
    ///
    /// The rule must treat each element on its own: a large weight is updated in parts, one per
    /// core, each call receiving the matching parts of the parameter, gradient and state.
    open func update(_ parameter: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                     state: [UnsafeMutableBufferPointer<Float>], learningRate: Float, step: Int) {}

    /// Applies one update to each of `variables` with its gradient, then counts the step.
    ///
    /// Throws when a gradient's shape differs from its weight's. The weight's storage is updated in
    /// place when nothing else holds it (the tape of the step must be released first).
    public func apply(_ gradients: [Tensor], to variables: [Variable]) throws {
        guard gradients.count == variables.count else {
            throw NNError.invalidArgument(op: "\(type(of: self)).apply", message: "\(gradients.count) gradients for \(variables.count) weights")
        }
        let rate = Float(currentLearningRate)
        let step = iterations + 1
        for (variable, gradient) in zip(variables, gradients) {
            guard gradient.shape == variable.shape else {
                throw NNError.invalidArgument(
                    op: "\(type(of: self)).apply",
                    message: "the gradient of \(variable.path) has shape \(gradient.shape), the weight \(variable.shape)")
            }
            let id = ObjectIdentifier(variable)
            let state = states[id] ?? OptimizerState(slots: stateSlots, count: variable.value.count)
            states[id] = state
            // Moving the scalars out of the variable leaves them uniquely referenced, so the update
            // writes in place instead of copying the weight.
            let shape = variable.shape
            var scalars = variable.value.withoutDerivative().scalars
            variable.value = Tensor(Float(0))
            let decay = rate * Float(weightDecay ?? 0)
            scalars.withUnsafeMutableBufferPointer { parameter in
                gradient.scalars.withUnsafeBufferPointer { g in
                    forEachPart(of: parameter.count) { range in
                        let part = UnsafeMutableBufferPointer(rebasing: parameter[range])
                        if decay != 0 {
                            for i in 0..<part.count { part[i] -= part[i] * decay }
                        }
                        update(part, gradient: UnsafeBufferPointer(rebasing: g[range]),
                               state: state.buffers.map { UnsafeMutableBufferPointer(rebasing: $0[range]) },
                               learningRate: rate, step: step)
                    }
                }
            }
            variable.value = try Tensor(shape: shape, scalars: scalars)
        }
        iterations += 1
    }
}

/// Runs `body` on disjoint parts of `0..<count`, one per core when there is enough work to share.
private func forEachPart(of count: Int, _ body: (Range<Int>) -> Void) {
    let parts = min(Parallelism.workers, max(1, count / (1 << 16)))
    guard parts > 1 else { return body(0..<count) }
    Parallelism.run(iterations: parts) { part in
        body(count * part / parts ..< count * (part + 1) / parts)
    }
}

/// An optimiser's per-weight buffers (momentum, moments), zeroed at creation and freed with it.
final class OptimizerState {
    let buffers: [UnsafeMutableBufferPointer<Float>]

    init(slots: Int, count: Int) {
        buffers = (0..<slots).map { _ in
            let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
            buffer.initialize(repeating: 0)
            return buffer
        }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
