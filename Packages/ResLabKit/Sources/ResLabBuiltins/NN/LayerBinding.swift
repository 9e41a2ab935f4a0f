import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// Layers in the lesson language, for the built-in `nn` plugin and for outside plugins that add
/// a layer of their own.
///
/// Every layer type conforms to the group `Layer` and has the members Keras layers share: it is
/// callable on a `Tensor` (numbers: computes at once; symbolic: adds a node to the model being
/// built) or on a list of them (`Add()([x, shortcut])`), with `training:` where Keras has it;
/// `name`, `trainable`, `weights` (settable), `trainableWeights`, `countParams()`,
/// `build(inputShape:)`.
///
///     let leaky = try LayerBinding.defineLayer(LeakyReLU.self, name: "LeakyReLU", registrar: registrar)
///     leaky.initializer([.init("alpha", .double, default: .double(0.3))]) { args, _ in
///         LeakyReLU(alpha: try args.float(0))
///     }
public enum LayerBinding {
    /// The group every layer type conforms to (`func f(_ layer: Layer)` accepts any of them).
    public static let groupName = "Layer"

    /// Registers a layer class under `name` with the members every layer has; add initialisers
    /// and the class's own members on the returned builder.
    @discardableResult
    public static func defineLayer<L: Layer>(_ layerType: L.Type, name: String, doc: String = "",
                                             registrar: PluginRegistrar) throws -> NativeTypeBuilder<L> {
        let builder = try registrar.defineType(layerType, name: name, doc: doc)
        addLayerMembers(to: builder, registry: registrar.registry)
        return builder
    }

    /// A layer (of any registered class: `model.layers` holds Conv2D, BatchNormalization, …) as a
    /// lesson-language value. Throws when no plugin registered the layer's class.
    public static func value(_ layer: Layer, registry: NativeRegistry) throws -> Value {
        guard let type = registry.type(for: Swift.type(of: layer) as Layer.Type) else {
            throw NativeError("the layer '\(layer.name)' is of class \(Swift.type(of: layer)), which no plugin registered in the lesson language")
        }
        return .native(NativeValue(type: type, payload: layer))
    }

    /// The members every layer has.
    static func addLayerMembers<L: Layer>(to builder: NativeTypeBuilder<L>, registry: NativeRegistry) {
        let training = NativeParameter("training", .optional(.bool), default: .optional(nil))
        builder
            .conforms(to: groupName)
            .callAsFunction([.init("_", tensorType, name: "input"), training], returns: tensorType,
                            doc: "Applies the layer: at once on numbers, or as a node of a model on a symbolic tensor.") { layer, args, context in
                try LayerCall.apply(layer, to: [try args.tensorValue(0)], list: false, training: try trainingFlag(args, 1),
                                    registry: context.registry)
            }
            .callAsFunction([.init("_", .array(tensorType), name: "inputs"), training], returns: tensorType,
                            doc: "Applies a merging layer (Add) to a list of tensors.") { layer, args, context in
                let inputs = try args.array(0).enumerated().map { index, value -> TensorValue in
                    guard let tensor = TensorBinding.tensorValue(from: value) else {
                        throw NativeError.argument("inputs[\(index)]", expected: "Tensor", got: value)
                    }
                    return tensor
                }
                return try LayerCall.apply(layer, to: inputs, list: true, training: try trainingFlag(args, 1),
                                           registry: context.registry)
            }
            .property("name", .string, doc: "The layer's name (unique in the session unless given: conv2d_3).") { .string($0.name) }
            .property("trainable", .bool, doc: "When false, no optimiser changes the layer's weights.",
                      get: { .bool($0.trainable) }, set: { layer, value in layer.trainable = try value.asBool("trainable") })
            .property("isBuilt", .bool, doc: "Whether the weights exist (after the first call or build(inputShape:)).") { .bool($0.isBuilt) }
            .property("weights", .array(tensorType),
                      doc: "The weights' values, trainable first (Conv2D: kernel, bias); assign a list of the same shapes to set them.",
                      get: { layer in try weightValues(layer.weights, registry: registry) },
                      set: { layer, value in try assign(value, to: layer.weights, of: layer) })
            .property("trainableWeights", .array(tensorType), doc: "The values of the weights an optimiser updates.") { layer in
                try weightValues(layer.trainableWeights, registry: registry)
            }
            .property("weightNames", .array(.string), doc: "Each weight's checkpoint name, layer/weight (conv2d/kernel), in weights order.") { layer in
                .array(layer.weights.map { .string($0.path) })
            }
            .method("getWeights", [], returns: .array(tensorType), doc: "The weights' values, as `weights` (Keras' get_weights).") { layer, _, _ in
                try weightValues(layer.weights, registry: registry)
            }
            .method("setWeights", [.init("_", .array(tensorType), name: "weights")],
                    doc: "Replaces every weight, in `weights` order, with tensors of the same shapes (Keras' set_weights); works on a `let`.") { layer, args, _ in
                try assign(args[0], to: layer.weights, of: layer)
                return .void
            }
            .method("countParams", [], returns: .int, doc: "The number of scalars in all weights (Keras' count_params).") { layer, _, _ in
                .int(layer.countParams())
            }
            .method("build", [.init("inputShape", .array(.int))], doc: "Creates the weights for inputs of this shape (batch axis first).") { layer, args, _ in
                try layer.build(inputShape: try args.ints(0).map(Optional.some))
                return .void
            }
            .display { $0.description }
    }

    private static func trainingFlag(_ args: NativeArguments, _ index: Int) throws -> Bool? {
        try args.optional(index).map { try $0.asBool("training") }
    }

    /// The weights' current values as tensors.
    static func weightValues(_ variables: [Variable], registry: NativeRegistry) throws -> Value {
        .array(try variables.map { try TensorBinding.value($0.value, registry: registry) })
    }

    /// Assigns a list of tensors to a layer's weights, one each, with the shapes checked.
    static func assign(_ value: Value, to variables: [Variable], of layer: Layer) throws {
        let elements = try value.asArray("weights")
        guard !variables.isEmpty || elements.isEmpty else {
            throw NativeError("\(layer) has no weights yet", hint: "call it on a tensor first, or build(inputShape:)")
        }
        guard elements.count == variables.count else {
            throw NativeError("\(layer) has \(variables.count) weights (\(variables.map(\.name).joined(separator: ", "))), "
                              + "but \(elements.count) values were given")
        }
        for (variable, element) in zip(variables, elements) {
            try variable.assign(try TensorBinding.tensor(converting: element, parameter: variable.name))
        }
    }
}
