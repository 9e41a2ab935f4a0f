/// Stochastic gradient descent, Keras' `SGD`, with momentum, Nesterov momentum and decoupled
/// weight decay (see `Optimizer`).
///
/// Per weight p with gradient g and rate η (Keras' formulas):
/// - no momentum: p ← p − η·g;
/// - momentum m: v ← m·v − η·g, then p ← p + v, or with Nesterov p ← p + m·v − η·g.
public final class SGD: Optimizer {
    public let momentum: Double
    public let nesterov: Bool

    /// Keras' defaults: learning rate 0.01, no momentum.
    public convenience init(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false,
                            weightDecay: Double? = nil) throws {
        try self.init(schedule: .constant(learningRate), momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
    }

    public init(schedule: LearningRateSchedule, momentum: Double = 0, nesterov: Bool = false,
                weightDecay: Double? = nil) throws {
        guard (0...1).contains(momentum) else {
            throw NNError.invalidArgument(op: "SGD(momentum: \(momentum))", message: "momentum must lie between 0 and 1")
        }
        self.momentum = momentum
        self.nesterov = nesterov
        try super.init(learningRate: schedule, weightDecay: weightDecay, op: "SGD")
    }

    public override var stateSlots: Int { momentum > 0 ? 1 : 0 }

    public override func update(_ p: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                state: [UnsafeMutableBufferPointer<Float>], learningRate lr: Float, step: Int) {
        let n = p.count
        guard momentum > 0 else {
            for i in 0..<n { p[i] -= lr * g[i] }
            return
        }
        let m = Float(momentum), v = state[0]
        if nesterov {
            for i in 0..<n {
                v[i] = m * v[i] - lr * g[i]
                p[i] += m * v[i] - lr * g[i]
            }
        } else {
            for i in 0..<n {
                v[i] = m * v[i] - lr * g[i]
                p[i] += v[i]
            }
        }
    }
}
