import ResLabEngine

/// Batch normalisation over the channel axis, Keras' `BatchNormalization`.
///
/// `y = gamma · (x − μ) / √(σ² + epsilon) + beta`, per channel. While training (`training: true`)
/// μ and σ² are the batch's mean and biased variance over every axis but the channel axis, and
/// the moving statistics move towards them:
/// `moving = moving · momentum + batch · (1 − momentum)`, computed as Keras does,
/// `moving − (moving − batch) · (1 − momentum)` with 1 − momentum rounded once to Float, where the batch variance used here is the
/// unbiased one (× n / (n − 1), n the number of values per channel), as Keras' fused kernel does.
/// The channel axis is `axis` (−1, the last, by default; the course writes `axis: 3` for NHWC).
/// Otherwise μ and σ² are the moving statistics. A layer with `trainable = false` always
/// normalises with its moving statistics (Keras' rule for frozen batch norms).
///
/// Weights: gamma and beta (trainable, `[channels]`), moving mean and moving variance
/// (non-trainable state, `[channels]`).
public final class BatchNormalization: Layer {
    public let axis: Int
    public let momentum: Double
    public let epsilon: Double
    public let center: Bool
    public let scale: Bool
    public let betaInitializer: Initializer
    public let gammaInitializer: Initializer
    public let movingMeanInitializer: Initializer
    public let movingVarianceInitializer: Initializer
    public private(set) var gamma: Variable?
    public private(set) var beta: Variable?
    public private(set) var movingMean: Variable?
    public private(set) var movingVariance: Variable?

    /// Keras' defaults: axis −1, momentum 0.99, epsilon 0.001, gamma 1, beta 0, moving mean 0,
    /// moving variance 1.
    public init(axis: Int = -1, momentum: Double = 0.99, epsilon: Double = 0.001, center: Bool = true,
                scale: Bool = true, betaInitializer: Initializer = .zeros, gammaInitializer: Initializer = .ones,
                movingMeanInitializer: Initializer = .zeros, movingVarianceInitializer: Initializer = .ones,
                name: String? = nil) throws {
        let op = "BatchNormalization(axis: \(axis), momentum: \(momentum), epsilon: \(epsilon))"
        guard (0...1).contains(momentum) else {
            throw NNError.invalidArgument(op: op, message: "momentum must lie between 0 and 1")
        }
        guard epsilon > 0 else { throw NNError.invalidArgument(op: op, message: "epsilon must be positive") }
        self.axis = axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.betaInitializer = betaInitializer
        self.gammaInitializer = gammaInitializer
        self.movingMeanInitializer = movingMeanInitializer
        self.movingVarianceInitializer = movingVarianceInitializer
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        let resolvedAxis = try channelAxis(input)
        if let movingMean, let channels = input[resolvedAxis], channels != movingMean.shape[0] {
            throw NNError.incompatibleInput(
                layer: description,
                message: "was built for \(movingMean.shape[0]) channels but was given shape \(formatShape(input))")
        }
        return input
    }

    /// The channel axis for an input of this shape, after checking it exists.
    private func channelAxis(_ input: [Int?]) throws -> Int {
        let resolved = axis < 0 ? input.count + axis : axis
        guard input.count >= 2, (0..<input.count).contains(resolved) else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "axis \(axis) does not exist in an input of shape \(formatShape(input)) (inputs need rank 2 or more)")
        }
        return resolved
    }

    public override func build(inputShapes: [[Int?]]) throws {
        let input = inputShapes[0]
        guard let channels = input[try channelAxis(input)] else {
            throw NNError.incompatibleInput(layer: description, message: "cannot be built on \(formatShape(input)): the channel extent must be known")
        }
        if scale { gamma = try addWeight(name: "gamma", shape: [channels], initializer: gammaInitializer) }
        if center { beta = try addWeight(name: "beta", shape: [channels], initializer: betaInitializer) }
        movingMean = try addWeight(name: "moving_mean", shape: [channels], initializer: movingMeanInitializer,
                                   trainable: false)
        movingVariance = try addWeight(name: "moving_variance", shape: [channels],
                                       initializer: movingVarianceInitializer, trainable: false)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        guard let movingMean, let movingVariance else {
            throw NNError.invalidModelState(model: description, message: "used before being built")
        }
        let x = inputs[0]
        let channels = movingMean.shape[0]
        let gammaValue = try gamma?.value ?? Tensor(ones: [channels])
        let betaValue = try beta?.value ?? Tensor(zeros: [channels])
        guard training && trainable else {
            return try batchNormInference(x, mean: movingMean.value, variance: movingVariance.value,
                                          offset: betaValue, scale: gammaValue, axis: axis, epsilon: Float(epsilon))
        }
        let result = try batchNormTraining(x, offset: betaValue, scale: gammaValue, axis: axis, epsilon: Float(epsilon))
        try updateMovingStatistics(batchMean: result.mean, unbiasedVariance: result.unbiasedVariance)
        return result.output
    }

    /// moving ← moving − (moving − batch) · (1 − momentum), with the unbiased batch variance.
    private func updateMovingStatistics(batchMean: Tensor, unbiasedVariance: Tensor) throws {
        guard let movingMean, let movingVariance else { return }
        let decay = Float(1 - momentum)
        let mean = batchMean.scalars, variance = unbiasedVariance.scalars
        var newMean = movingMean.value.scalars, newVariance = movingVariance.value.scalars
        for c in newMean.indices {
            newMean[c] -= (newMean[c] - mean[c]) * decay
            newVariance[c] -= (newVariance[c] - variance[c]) * decay
        }
        try movingMean.assign(Tensor(shape: movingMean.shape, scalars: newMean))
        try movingVariance.assign(Tensor(shape: movingVariance.shape, scalars: newVariance))
    }
}
