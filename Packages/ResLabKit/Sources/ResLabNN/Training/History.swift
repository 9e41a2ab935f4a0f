/// What `fit` returns, Keras' `History`: per epoch, the mean training loss and metrics and, with
/// validation data, `val_loss` and `val_…`.
public struct History: Equatable {
    /// `history["loss"][e]` is epoch e's mean loss over its samples.
    public internal(set) var history: [String: [Double]] = [:]
    /// The epoch indices (0-based, as Keras records them).
    public internal(set) var epoch: [Int] = []

    public init() {}

    /// The training loss per epoch.
    public var loss: [Double] { history["loss"] ?? [] }

    public subscript(key: String) -> [Double]? { history[key] }

    mutating func record(epoch index: Int, _ values: [(String, Double)]) {
        epoch.append(index)
        for (key, value) in values { history[key, default: []].append(value) }
    }
}

/// What the per-step hook of `fit` receives after each training step.
public struct StepReport {
    /// 0-based epoch and batch within it (Keras' callback numbering).
    public let epoch: Int
    public let batch: Int
    /// The optimiser's step count after this step (1 after the first).
    public let iteration: Int
    /// This batch's loss.
    public let loss: Double
    /// This batch's metrics, by name.
    public let metrics: [String: Double]
    /// The L2 norm of each layer's gradient (all its trainable weights together), in the model's
    /// layer order; layers without trainable weights are left out. Lesson 1 plots these to show
    /// gradients vanishing in deep plain networks.
    public let gradientNorms: [(layer: String, norm: Double)]
}
