/// What `compile` fixed: the optimiser, the loss and the metrics (resolved for the model's output).
struct CompiledSetup {
    let optimizer: Optimizer
    let loss: Loss
    /// The name shown and recorded, and the resolved rule.
    let metrics: [(name: String, kind: Metric.Kind)]
}

extension Model {
    /// Prepares the model for `fit` and `evaluate`, Keras' `model.compile(optimizer:loss:metrics:)`:
    /// `model.compile(optimizer: try Adam(), loss: .categoricalCrossentropy, metrics: [.accuracy])`.
    ///
    /// `.accuracy` becomes categorical, sparse or binary accuracy as Keras decides (from the loss
    /// and the output's last extent); it is still reported as `accuracy`.
    public func compile(optimizer: Optimizer, loss: Loss, metrics: [Metric] = []) throws {
        let network = try builtNetwork()
        guard network.outputs.count == 1 else {
            throw NNError.invalidModelState(model: name, message: "training supports models with one output; this one has \(network.outputs.count)")
        }
        let units = network.outputs[0].shape.last ?? nil
        compiled = CompiledSetup(
            optimizer: optimizer, loss: loss,
            metrics: metrics.map { (name: $0.description, kind: $0.resolved(for: loss, outputUnits: units)) })
    }

    /// The optimiser given to `compile`, or nil before it.
    public var optimizer: Optimizer? { compiled?.optimizer }
}

extension Loss {
    /// A loss by Keras' string name: `"categorical_crossentropy"`, `"sparse_categorical_crossentropy"`,
    /// `"binary_crossentropy"`, `"mse"` / `"mean_squared_error"` (for bindings that take Keras' strings).
    public init(kerasName name: String) throws {
        switch name.lowercased() {
        case "categorical_crossentropy": self = .categoricalCrossentropy
        case "sparse_categorical_crossentropy": self = .sparseCategoricalCrossentropy
        case "binary_crossentropy": self = .binaryCrossentropy
        case "mse", "mean_squared_error": self = .meanSquaredError
        default:
            throw NNError.invalidArgument(
                op: "loss \"\(name)\"",
                message: "unknown loss; use categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy or mean_squared_error")
        }
    }
}

extension Metric {
    /// A metric by Keras' string name: `"accuracy"` / `"acc"`, `"categorical_accuracy"`,
    /// `"sparse_categorical_accuracy"`, `"binary_accuracy"`.
    public init(kerasName name: String) throws {
        switch name.lowercased() {
        case "accuracy", "acc": self = .accuracy
        case "categorical_accuracy": self = .categoricalAccuracy
        case "sparse_categorical_accuracy": self = .sparseCategoricalAccuracy
        case "binary_accuracy": self = .binaryAccuracy
        default:
            throw NNError.invalidArgument(op: "metric \"\(name)\"", message: "unknown metric; use accuracy")
        }
    }
}

extension Optimizer {
    /// An optimiser with Keras' defaults by Keras' string name: `"adam"`, `"sgd"`, `"rmsprop"`.
    public static func named(_ name: String) throws -> Optimizer {
        switch name.lowercased() {
        case "adam": return try Adam()
        case "sgd": return try SGD()
        case "rmsprop": return try RMSprop()
        default:
            throw NNError.invalidArgument(op: "optimizer \"\(name)\"", message: "unknown optimizer; use adam, sgd or rmsprop")
        }
    }
}
