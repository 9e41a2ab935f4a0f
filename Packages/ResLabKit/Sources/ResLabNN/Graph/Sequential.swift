import ResLabEngine

/// A model that is a plain stack of single-input layers, Keras' `Sequential`.
///
/// ```swift
/// let model = try Sequential([Flatten(), Dense(units: 32, activation: .relu), Dense(units: 10)],
///                            inputShape: [28, 28, 1])
/// ```
///
/// Without `inputShape` the model is built on its first call (or by `build(inputShape:)`), from the
/// shape of the data it meets, as in Keras.
public final class Sequential: Model {
    /// The stacked layers, in order (Keras' `model.layers` for a Sequential: no input layer).
    public private(set) var stack: [Layer]

    public init(_ layers: [Layer] = [], inputShape: [Int]? = nil, name: String? = nil) throws {
        stack = layers
        super.init(deferredNamed: name ?? LayerNames.unique("sequential"))
        if let inputShape { try makeNetwork(inputShape: inputShape) }
    }

    public override var typeName: String { "Sequential" }

    public override var layers: [Layer] { stack }

    /// Appends a layer; a built model is rebuilt around it.
    public func add(_ layer: Layer) throws {
        stack.append(layer)
        if let input = network?.inputs.first {
            try makeNetwork(inputShape: input.shape.dropFirst().compactMap { $0 })
        }
    }

    /// Chains the layers from a new input of `inputShape` (batch axis excluded).
    private func makeNetwork(inputShape: [Int]) throws {
        guard !stack.isEmpty else {
            throw NNError.invalidModelState(model: name, message: "has no layers; add some before building it")
        }
        let input = try Input(shape: inputShape, name: "\(stack[0].name)_input")
        var output = input
        for layer in stack { output = try layer(output) }
        network = try GraphNetwork(inputs: [input], outputs: [output])
    }

    /// Builds on first use from the data's shape (without its batch axis).
    override func ensureBuilt(_ inputShapes: [[Int?]]) throws {
        if network == nil, let shape = inputShapes.first {
            let extents = shape.dropFirst().compactMap { $0 }
            guard extents.count == shape.count - 1 else {
                throw NNError.invalidModelState(
                    model: name, message: "cannot be built from input shape \(formatShape(shape)): every extent after the batch must be known")
            }
            try makeNetwork(inputShape: extents)
        }
        try super.ensureBuilt(inputShapes)
    }
}
