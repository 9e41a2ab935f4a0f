/// The layer behind `Input(shape:)`: a model's entry point, no weights, no computation.
public final class InputLayer: Layer {
    /// The full input shape, batch axis first (nil unless a batch size was given).
    public let inputShape: [Int?]

    init(shape: [Int?], name: String?) {
        inputShape = shape
        super.init(name: name ?? LayerNames.unique("input", zeroBased: false))
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        inputShape
    }
}

/// A symbolic model input of `shape` (without the batch axis), Keras' `Input(shape=…)`:
/// `let x = Input(shape: [64, 64, 3])` has shape `(None, 64, 64, 3)`.
///
/// Throws when an extent is not positive.
public func Input(shape: [Int], batchSize: Int? = nil, name: String? = nil) throws -> KerasTensor {
    guard shape.allSatisfy({ $0 > 0 }), batchSize.map({ $0 > 0 }) ?? true else {
        throw NNError.invalidArgument(
            op: "Input(shape: \(shape))",
            message: "every extent must be a positive number (the batch axis is left out of `shape`)")
    }
    let layer = InputLayer(shape: [batchSize] + shape.map(Optional.some), name: name)
    try layer.ensureBuilt([layer.inputShape])
    let node = Node(layer: layer, index: 0, inputs: [], training: nil)
    layer.nodeCount = 1
    layer.symbolicOutputShapes = [layer.inputShape]
    return KerasTensor(shape: layer.inputShape, node: node)
}
