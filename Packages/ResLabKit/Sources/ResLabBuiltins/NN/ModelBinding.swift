import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// `Input(shape:)`, `Model(inputs:outputs:)`, `Sequential([…])` and what every model has: its
/// layers, `summary()`, training (`ModelTraining`) and checkpoints (`ModelCheckpoints`).
struct ModelBinding {
    let registrar: PluginRegistrar
    let fileAccess: FileAccessPolicy

    private var registry: NativeRegistry { registrar.registry }

    func register() throws {
        try registrar.function("Input", [.init("shape", .array(.int)), .init("batchSize", .optional(.int), default: .optional(nil)),
                                         .init("name", .optional(.string), default: .optional(nil))],
                               returns: tensorType,
                               doc: "A symbolic model input of `shape` (without the batch axis): Input(shape: [64, 64, 3]) has shape (None, 64, 64, 3).") { args, context in
            let input = try ResLabNN.Input(shape: try args.ints(0), batchSize: try args.optional(1).map { try $0.asInt("batchSize") },
                                           name: try args.optional(2).map { try $0.asString("name") })
            return try TensorBinding.value(.symbolic(input), registry: context.registry)
        }

        let models = try LayerBinding.defineLayer(Model.self, name: "Model",
                                                  doc: "A Keras functional model: the layers between Input(shape:) and an output.",
                                                  registrar: registrar)
        models
            .initializer([.init("inputs", tensorType), .init("outputs", tensorType), .init("name", .optional(.string), default: .optional(nil))],
                         doc: "The model from a symbolic input to an output computed from it.") { args, _ in
                try Model(inputs: try Self.symbolic(args, 0), outputs: try Self.symbolic(args, 1),
                          name: try args.optional(2).map { try $0.asString("name") })
            }
            .initializer([.init("inputs", .array(tensorType)), .init("outputs", .array(tensorType)),
                          .init("name", .optional(.string), default: .optional(nil))],
                         doc: "A model with several inputs or outputs.") { args, _ in
                try Model(inputs: try Self.symbolicList(args, 0), outputs: try Self.symbolicList(args, 1),
                          name: try args.optional(2).map { try $0.asString("name") })
            }
        try addModelMembers(models)

        let sequential = try LayerBinding.defineLayer(Sequential.self, name: "Sequential",
                                                      doc: "A model that is a plain stack of layers.", registrar: registrar)
        sequential
            .conforms(to: "Model")
            .initializer([.init("_", .array(.named(LayerBinding.groupName)), name: "layers"),
                          .init("inputShape", .optional(.array(.int)), default: .optional(nil)),
                          .init("name", .optional(.string), default: .optional(nil))],
                         doc: "The layers in order; without inputShape the model is built at its first call.") { args, _ in
                let layers = try args.array(0).map { try $0.asNative(Layer.self, "layers") }
                return try Sequential(layers, inputShape: try args.optional(1).map { try $0.asInts("inputShape") },
                                      name: try args.optional(2).map { try $0.asString("name") })
            }
            .method("add", [.init("_", .named(LayerBinding.groupName), name: "layer")], doc: "Appends a layer.") { model, args, _ in
                try model.add(try args.native(0, as: Layer.self))
                return .void
            }
        try addModelMembers(sequential)
        try ModelCheckpoints.registerLoadModel(registrar: registrar, fileAccess: fileAccess)
    }

    private func addModelMembers<M: Model>(_ builder: NativeTypeBuilder<M>) throws {
        let registry = self.registry
        builder
            .property("layers", .array(.named(LayerBinding.groupName)), doc: "The layers in order (a functional model's input layers included).") { model in
                .array(try model.layers.map { try LayerBinding.value($0, registry: registry) })
            }
            .property("inputs", .array(tensorType), doc: "The symbolic inputs.") { model in
                .array(try model.inputs.map { try TensorBinding.value(.symbolic($0), registry: registry) })
            }
            .property("outputs", .array(tensorType), doc: "The symbolic outputs.") { model in
                .array(try model.outputs.map { try TensorBinding.value(.symbolic($0), registry: registry) })
            }
            .method("layer", [.init("named", .string, name: "name")], returns: .named(LayerBinding.groupName),
                    doc: "The layer with this name (Keras' get_layer).") { model, args, context in
                let name = try args.string(0)
                guard let layer = model.layers.first(where: { $0.name == name }) else {
                    throw NativeError("\(model.name) has no layer named '\(name)'",
                                      hint: "its layers: " + model.layers.prefix(12).map(\.name).joined(separator: ", ")
                                          + (model.layers.count > 12 ? ", …" : ""))
                }
                return try LayerBinding.value(layer, registry: context.registry)
            }
            .method("summary", [], doc: "Prints Keras' table of layers, output shapes and parameter counts.") { model, _, context in
                context.write(try model.summary())
                return .void
            }
        ModelTraining.addMembers(to: builder, registry: registry)
        ModelCheckpoints.addMembers(to: builder, fileAccess: fileAccess)
    }

    private static func symbolic(_ args: NativeArguments, _ index: Int) throws -> KerasTensor {
        try symbolicTensor(try args.tensorValue(index), parameter: args.parameterName(index))
    }

    private static func symbolicList(_ args: NativeArguments, _ index: Int) throws -> [KerasTensor] {
        try args.array(index).enumerated().map { position, value in
            guard let tensor = TensorBinding.tensorValue(from: value) else {
                throw NativeError.argument("\(args.parameterName(index))[\(position)]", expected: "Tensor", got: value)
            }
            return try symbolicTensor(tensor, parameter: "\(args.parameterName(index))[\(position)]")
        }
    }

    private static func symbolicTensor(_ value: TensorValue, parameter: String) throws -> KerasTensor {
        guard case .symbolic(let tensor) = value else {
            throw NativeError("Model(inputs:outputs:) needs symbolic tensors, but '\(parameter)' holds numbers",
                              hint: "start from let input = Input(shape: […]) and compute the outputs from it with layers")
        }
        return tensor
    }
}
