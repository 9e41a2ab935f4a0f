/// RMSprop (Hinton), Keras' `RMSprop` with Keras 3's update formula.
///
/// s ← ρ·s + (1 − ρ)·g²; step = η·g / √(s + ε); without momentum p ← p − step, with momentum μ
/// b ← μ·b + step, p ← p − b.
public final class RMSprop: Optimizer {
    public let rho: Double
    public let momentum: Double
    public let epsilon: Double

    /// Keras' defaults: learning rate 0.001, ρ 0.9, no momentum, ε 1e-7.
    public convenience init(learningRate: Double = 0.001, rho: Double = 0.9, momentum: Double = 0,
                            epsilon: Double = 1e-7, weightDecay: Double? = nil) throws {
        try self.init(schedule: .constant(learningRate), rho: rho, momentum: momentum, epsilon: epsilon, weightDecay: weightDecay)
    }

    public init(schedule: LearningRateSchedule, rho: Double = 0.9, momentum: Double = 0, epsilon: Double = 1e-7, weightDecay: Double? = nil) throws {
        guard (0..<1).contains(rho), (0...1).contains(momentum), epsilon >= 0 else {
            throw NNError.invalidArgument(
                op: "RMSprop(rho: \(rho), momentum: \(momentum), epsilon: \(epsilon))",
                message: "ρ must lie in [0, 1), momentum in [0, 1], and ε must not be negative")
        }
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        try super.init(learningRate: schedule, weightDecay: weightDecay, op: "RMSprop")
    }

    public override var stateSlots: Int { momentum > 0 ? 2 : 1 }

    public override func update(_ p: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                state: [UnsafeMutableBufferPointer<Float>], learningRate lr: Float, step: Int) {
        let (r, keep, eps, mu) = (Float(rho), Float(1 - rho), Float(epsilon), Float(momentum))
        let s = state[0]
        for i in 0..<p.count {
            let gi = g[i]
            s[i] = r * s[i] + keep * gi * gi
        }
        guard mu > 0 else {
            for i in 0..<p.count { p[i] -= lr * g[i] / (s[i] + eps).squareRoot() }
            return
        }
        let b = state[1]
        for i in 0..<p.count {
            b[i] = mu * b[i] + lr * g[i] / (s[i] + eps).squareRoot()
            p[i] -= b[i]
        }
    }
}
