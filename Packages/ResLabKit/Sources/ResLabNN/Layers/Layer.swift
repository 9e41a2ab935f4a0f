import ResLabEngine

/// A Keras layer: settings fixed at creation, weights created on the first call (when the input's
/// shape is known), and a computation applied to tensors.
///
/// Called on a concrete `Tensor` a layer computes at once (eagerly, recorded on the engine's tape
/// when gradients are being taken); called on a symbolic `KerasTensor` (from `Input(shape:)`) it
/// records a node of a graph that `Model(inputs:outputs:)` turns into a model. Both go through the
/// same `callAsFunction`, generic over `LayerOperand`, so one Swift function builds a model and
/// computes numbers, as in Keras.
///
/// `training:` has Keras' meaning: nil lets the caller decide (an eager call infers; inside a model
/// `fit` trains while `evaluate` and `predict` infer); an explicit value is kept by the node and
/// wins over the model's mode, as Keras does with `training=` passed at graph construction.
///
/// Subclasses override `outputShape(for:)`, `build(inputShapes:)` (to create weights with
/// `addWeight`) and `forward(_:training:)`.
open class Layer {
    /// Unique within the session unless given: Keras' automatic names (`conv2d_3`). Set once, in
    /// `init` (a `var` only because the automatic name needs the dynamic class name).
    public private(set) var name: String
    /// When false, every weight of the layer counts as non-trainable and no optimiser changes it.
    public var trainable = true
    /// Whether the weights exist (after the first call or an explicit `build`).
    public private(set) var isBuilt = false
    /// The weights in creation order (for Conv2D: kernel, bias; for BatchNormalization: gamma,
    /// beta, moving mean, moving variance).
    public private(set) var variables: [Variable] = []
    /// How many times the layer has been called on symbolic tensors: the node index Keras prints
    /// in the summary's "Connected to" column (`conv2d[0][0]`).
    var nodeCount = 0
    /// The output shape of each symbolic call, for the summary.
    var symbolicOutputShapes: [[Int?]] = []

    public init(name: String? = nil) {
        self.name = name ?? ""
        if name == nil {
            self.name = LayerNames.unique(LayerNames.snakeCase(typeName))
        }
    }

    /// The class name Keras shows in the summary: `Conv2D`, `BatchNormalization`.
    open var typeName: String {
        String(describing: type(of: self))
    }

    /// Whether the layer takes a list of tensors (`Add`) rather than one tensor.
    open var takesList: Bool { false }

    // MARK: - What subclasses define

    /// The shape of the output for inputs of these shapes (nil for an unknown extent, usually the
    /// batch); throws when the layer cannot take such inputs.
    open func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        inputShapes[0]
    }

    /// Creates the weights for inputs of these shapes (called once, before the first computation).
    open func build(inputShapes: [[Int?]]) throws {}

    /// The computation on concrete tensors, with the training mode already decided.
    open func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        inputs[0]
    }

    // MARK: - Weights

    /// Creates a weight of `shape` filled by `initializer`; to be called from `build(inputShapes:)`.
    public func addWeight(name weightName: String, shape: [Int], initializer: Initializer,
                          trainable: Bool = true) throws -> Variable {
        let variable = Variable(name: weightName, layerName: name, value: try initializer(shape: shape),
                                trainable: trainable)
        variables.append(variable)
        return variable
    }

    /// Keras' order: the trainable weights, then the others.
    open var weights: [Variable] { trainableWeights + nonTrainableWeights }

    open var trainableWeights: [Variable] {
        trainable ? variables.filter(\.trainable) : []
    }

    open var nonTrainableWeights: [Variable] {
        trainable ? variables.filter { !$0.trainable } : variables
    }

    /// The number of scalars in all weights (Keras' `count_params`).
    public func countParams() -> Int {
        weights.reduce(0) { $0 + $1.value.count }
    }

    /// Creates the weights for inputs of `inputShape` (batch axis included, as nil or a number)
    /// without computing anything; does nothing when they exist already.
    public func build(inputShape: [Int?]) throws {
        try ensureBuilt([inputShape])
    }

    func ensureBuilt(_ inputShapes: [[Int?]]) throws {
        guard !isBuilt else { return }
        try build(inputShapes: inputShapes)
        isBuilt = true
    }

    // MARK: - Calling

    /// Applies the layer to one tensor, concrete or symbolic.
    public func callAsFunction<Operand: LayerOperand>(_ input: Operand, training: Bool? = nil) throws -> Operand {
        guard !takesList else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "takes a list of tensors, e.g. \(typeName)()([x, shortcut]); it was given one tensor")
        }
        return try Operand.apply(self, to: [input], training: training)
    }

    /// Applies a merging layer (`Add`) to a list of tensors, concrete or symbolic.
    public func callAsFunction<Operand: LayerOperand>(_ inputs: [Operand], training: Bool? = nil) throws -> Operand {
        guard takesList else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "takes one tensor; it was given a list of \(inputs.count)")
        }
        return try Operand.apply(self, to: inputs, training: training)
    }

    /// The eager path: builds on first use, checks the shapes, computes.
    func callEager(_ inputs: [Tensor], training: Bool?) throws -> Tensor {
        let shapes = inputs.map { $0.shape.map(Optional.some) }
        try ensureBuilt(shapes)
        _ = try outputShape(for: shapes)
        return try forward(inputs, training: training ?? false)
    }

    /// The symbolic path: builds on first use, works out the output shape, records a node.
    func callSymbolic(_ inputs: [KerasTensor], training: Bool?) throws -> KerasTensor {
        let shapes = inputs.map(\.shape)
        try ensureBuilt(shapes)
        let shape = try outputShape(for: shapes)
        let node = Node(layer: self, index: nodeCount, inputs: inputs, training: training)
        nodeCount += 1
        symbolicOutputShapes.append(shape)
        return KerasTensor(shape: shape, node: node)
    }
}

extension Layer: CustomStringConvertible {
    /// `name (Type)`, as the summary shows it.
    public var description: String { "\(name) (\(typeName))" }
}
