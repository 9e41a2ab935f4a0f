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

extension Layer {
    /// Applies the layer to operands whose kind is known only at run time (the lesson language's
    /// interpreter holds values as `any LayerOperand`): all concrete tensors compute, all symbolic
    /// ones record a node. One operand calls a single-input layer; a merging layer takes a list.
    ///
    /// Throws when concrete and symbolic tensors are mixed, or the count does not suit the layer.
    public func apply(_ inputs: [any LayerOperand], training: Bool? = nil) throws -> any LayerOperand {
        guard takesList || inputs.count == 1 else {
            throw NNError.incompatibleInput(layer: description, message: "takes one tensor; it was given a list of \(inputs.count)")
        }
        let concrete = inputs.compactMap { $0 as? Tensor }
        if concrete.count == inputs.count { return try Tensor.apply(self, to: concrete, training: training) }
        let symbolic = inputs.compactMap { $0 as? KerasTensor }
        if symbolic.count == inputs.count { return try KerasTensor.apply(self, to: symbolic, training: training) }
        throw NNError.incompatibleInput(
            layer: description,
            message: "was given both numbers and symbolic tensors; call it on tensors from Input(shape:) to build a model, or on numbers to compute")
    }
}
