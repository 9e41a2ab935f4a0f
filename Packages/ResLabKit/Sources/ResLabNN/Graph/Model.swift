import ResLabEngine

/// A Keras functional model: the graph of layer calls between symbolic inputs and outputs,
/// runnable on concrete tensors, trainable with `compile` and `fit`.
///
/// ```swift
/// let x = try Input(shape: [64, 64, 3])
/// let y = try Dense(units: 6, activation: .softmax)(Flatten()(x))
/// let model = try Model(inputs: x, outputs: y)
/// ```
///
/// A model is itself a layer: it can be called on a tensor (eagerly) or on a symbolic tensor
/// (nesting it in a larger model). Its weights are its layers' weights; a layer used twice (shared)
/// is counted once.
open class Model: Layer {
    /// The graph, once known: at creation for a functional model, at the first call (or an
    /// explicit `build`) for a `Sequential` without an input shape.
    var network: GraphNetwork?
    /// Set by `compile(optimizer:loss:metrics:)`.
    var compiled: CompiledSetup?
    /// The output of the last `fit`.
    public internal(set) var history: History?

    /// A model from `inputs` (made by `Input(shape:)`) to `outputs` (computed from them).
    ///
    /// Throws when an output depends on a symbolic tensor that is not among `inputs`, or when an
    /// input does not come from `Input(shape:)`.
    public init(inputs: [KerasTensor], outputs: [KerasTensor], name: String? = nil) throws {
        network = try GraphNetwork(inputs: inputs, outputs: outputs)
        super.init(name: name ?? LayerNames.unique("model"))
    }

    /// A model with one input and one output.
    public convenience init(inputs: KerasTensor, outputs: KerasTensor, name: String? = nil) throws {
        try self.init(inputs: [inputs], outputs: [outputs], name: name)
    }

    /// For subclasses that make their graph later (`Sequential`).
    init(deferredNamed name: String) {
        super.init(name: name)
    }

    /// Keras shows functional models as `Functional` in a summary of a larger model.
    open override var typeName: String { "Functional" }

    /// The graph, or an error saying the model has not been built.
    func builtNetwork() throws -> GraphNetwork {
        guard let network else {
            throw NNError.invalidModelState(
                model: name,
                message: "the model has not been built yet: call it on data, pass `inputShape:` when creating it, or call build(inputShape:)")
        }
        return network
    }

    /// The layers in Keras' order (`model.layers`), the input layers included for a functional model.
    public var layers: [Layer] { network?.layers ?? [] }

    /// The symbolic inputs and outputs (empty until built).
    public var inputs: [KerasTensor] { network?.inputs ?? [] }
    public var outputs: [KerasTensor] { network?.outputs ?? [] }

    // MARK: - Weights

    /// Every layer's weights, each once, trainable ones first (Keras' `model.weights`).
    open override var weights: [Variable] { trainableWeights + nonTrainableWeights }

    open override var trainableWeights: [Variable] {
        guard trainable else { return [] }
        return unique(layers.flatMap(\.trainableWeights))
    }

    open override var nonTrainableWeights: [Variable] {
        unique(trainable ? layers.flatMap(\.nonTrainableWeights) : layers.flatMap(\.weights))
    }

    private func unique(_ variables: [Variable]) -> [Variable] {
        var seen = Set<ObjectIdentifier>()
        return variables.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    // MARK: - As a layer

    open override var takesList: Bool { (network?.inputs.count ?? 1) > 1 }

    open override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let network = try builtNetwork()
        try checkInputShapes(inputShapes, network: network)
        var shape = network.outputs[0].shape
        // The batch axis follows the caller's.
        if !shape.isEmpty, shape[0] == nil, let batch = inputShapes.first?.first { shape[0] = batch }
        return shape
    }

    open override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        let network = try builtNetwork()
        guard network.outputs.count == 1 else {
            throw NNError.invalidModelState(
                model: name, message: "has \(network.outputs.count) outputs; call run(_:training:) to get them all")
        }
        return try run(inputs, training: training)[0]
    }

    /// Runs the graph on concrete inputs (one per model input) and returns every output.
    ///
    /// `training` is the mode for layers called without an explicit `training:`; a value given at
    /// graph construction wins, as in Keras.
    public func run(_ inputs: [Tensor], training: Bool = false) throws -> [Tensor] {
        let network = try builtNetwork()
        try checkInputShapes(inputs.map(\.symbolicShape), network: network)
        var values = [Tensor?](repeating: nil, count: network.slotCount)
        for (slot, value) in zip(network.inputSlots, inputs) { values[slot] = value }
        for step in network.steps {
            var arguments: [Tensor] = []
            arguments.reserveCapacity(step.inputSlots.count)
            for slot in step.inputSlots {
                guard let value = values[slot] else {
                    throw NNError.invalidGraph(message: "internal error: layer '\(step.node.layer.name)' ran before its input")
                }
                arguments.append(value)
            }
            values[step.outputSlot] = try step.node.layer.callEager(arguments, training: step.node.training ?? training)
            for slot in step.lastUses { values[slot] = nil }
        }
        return try network.outputSlots.map { slot in
            guard let value = values[slot] else {
                throw NNError.invalidGraph(message: "internal error: an output was not computed")
            }
            return value
        }
    }

    private func checkInputShapes(_ shapes: [[Int?]], network: GraphNetwork) throws {
        guard shapes.count == network.inputs.count else {
            throw NNError.incompatibleInput(
                layer: description, message: "expects \(network.inputs.count) input(s) but was given \(shapes.count)")
        }
        for (shape, input) in zip(shapes, network.inputs) {
            let compatible = shape.count == input.shape.count
                && zip(shape, input.shape).allSatisfy { given, expected in
                    given == nil || expected == nil || given == expected
                }
            guard compatible else {
                throw NNError.incompatibleInput(
                    layer: description,
                    message: "expects input of shape \(formatShape(input.shape)) but was given \(formatShape(shape))")
            }
        }
    }
}
