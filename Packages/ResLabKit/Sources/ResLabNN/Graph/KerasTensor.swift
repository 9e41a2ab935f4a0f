/// A symbolic tensor: the output of `Input(shape:)` or of a layer called on one. It holds no
/// numbers, only a shape (nil for the batch axis) and the node that produced it, so that
/// `Model(inputs:outputs:)` can walk the graph back from the outputs.
///
/// Keras' name for it; it stands wherever a `Tensor` stands in a layer call (see `LayerOperand`).
public final class KerasTensor {
    /// The shape; nil marks an extent fixed only when data arrives (the batch axis).
    public let shape: [Int?]
    let node: Node

    init(shape: [Int?], node: Node) {
        self.shape = shape
        self.node = node
    }

    /// The number of axes, batch included.
    public var rank: Int { shape.count }

    /// The layer that produced this tensor (an `InputLayer` for a model input).
    public var layer: Layer { node.layer }
}

extension KerasTensor: CustomStringConvertible {
    /// `KerasTensor(shape: (None, 64, 64, 3), created by layer 'input_1')`, Keras' wording.
    public var description: String {
        "KerasTensor(shape: \(formatShape(shape)), created by layer '\(node.layer.name)')"
    }
}

/// A shape as Python prints the tuple: `(None, 64, 64, 3)`, `(None, 6)`, `(None,)`.
func formatShape(_ shape: [Int?]) -> String {
    let parts = shape.map { $0.map(String.init) ?? "None" }
    return parts.count == 1 ? "(\(parts[0]),)" : "(\(parts.joined(separator: ", ")))"
}

/// One call of a layer on symbolic inputs: an edge set of the graph.
final class Node {
    let layer: Layer
    /// Which call of `layer` this is (0 for a layer used once; more for a shared layer).
    let index: Int
    let inputs: [KerasTensor]
    /// The `training:` given at the call, kept so that it wins over the model's mode at run time.
    let training: Bool?

    init(layer: Layer, index: Int, inputs: [KerasTensor], training: Bool?) {
        self.layer = layer
        self.index = index
        self.inputs = inputs
        self.training = training
    }

    var isInput: Bool { layer is InputLayer }
}
