import ResLabEngine

/// What a layer can be called on: a concrete `Tensor` (computes at once) or a symbolic
/// `KerasTensor` (records a node of a model's graph).
///
/// This is how one Swift function serves both numbers and model building, as a Python function
/// does in Keras: write it generic, `func block<T: LayerOperand>(_ x: T) throws -> T`, and every
/// layer call inside it computes or records depending on what it was given. `identityBlock` and
/// `convolutionalBlock` are written this way.
public protocol LayerOperand {
    /// Applies `layer` to `inputs` (one tensor, or several for a merging layer).
    static func apply(_ layer: Layer, to inputs: [Self], training: Bool?) throws -> Self
    /// The shape, with nil for an extent not known yet (a symbolic tensor's batch axis).
    var symbolicShape: [Int?] { get }
}

extension Tensor: LayerOperand {
    public static func apply(_ layer: Layer, to inputs: [Tensor], training: Bool?) throws -> Tensor {
        try layer.callEager(inputs, training: training)
    }

    public var symbolicShape: [Int?] { shape.map(Optional.some) }
}

extension KerasTensor: LayerOperand {
    public static func apply(_ layer: Layer, to inputs: [KerasTensor], training: Bool?) throws -> KerasTensor {
        try layer.callSymbolic(inputs, training: training)
    }

    public var symbolicShape: [Int?] { shape }
}
