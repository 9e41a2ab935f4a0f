import ResLabEngine

/// One weight of a layer: a tensor with a stable name, trainable or not.
///
/// A reference type because the layer, the model, the optimiser and a checkpoint all refer to the
/// same weight. `path` is Keras 3's readable name, `layer/weight` (e.g. `conv2d_3/kernel`,
/// `batch_normalization/moving_mean`); checkpoints use it as the tensor's key.
public final class Variable {
    /// The weight's own name within its layer: `kernel`, `bias`, `gamma`, `beta`, `moving_mean`, …
    public let name: String
    /// `layerName/name`: unique within a model whose layers have unique names.
    public let path: String
    /// Whether an optimiser updates it (batch norm's moving statistics are not trainable; they
    /// change only by their own update rule while training).
    public let trainable: Bool
    /// The current value. Its shape never changes after creation.
    public internal(set) var value: Tensor

    init(name: String, layerName: String, value: Tensor, trainable: Bool) {
        self.name = name
        self.path = "\(layerName)/\(name)"
        self.value = value
        self.trainable = trainable
    }

    public var shape: [Int] { value.shape }

    /// Replaces the value (loading a checkpoint, injecting weights in a test).
    ///
    /// Throws when `newValue` does not have this weight's shape.
    public func assign(_ newValue: Tensor) throws {
        guard newValue.shape == value.shape else {
            throw NNError.invalidArgument(
                op: "\(path).assign",
                message: "the weight has shape \(value.shape) but the new value has shape \(newValue.shape)")
        }
        value = newValue
    }
}
