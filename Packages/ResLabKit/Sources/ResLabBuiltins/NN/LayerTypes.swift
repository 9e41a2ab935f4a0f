import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// The Keras layers of the lesson language, with Keras' arguments and defaults spelled the Swift
/// way: `Conv2D(filters: 64, kernelSize: 3, strides: 2, padding: .same)`,
/// `BatchNormalization(axis: 3)`, `Activation(.relu)`, `Add()`, `MaxPooling2D(poolSize: 3, strides: 2)`.
/// Window sizes and strides take an Int or an (Int, Int) pair, as Keras takes an int or a tuple.
struct LayerTypes {
    let registrar: PluginRegistrar

    private var registry: NativeRegistry { registrar.registry }

    func register() throws {
        try registerDense()
        try registerConv2D()
        try registerBatchNormalization()
        try registerActivations()
        try registerPooling()
        try registerShapeLayers()
        // What a model may hold beyond the layers lesson code creates (for `model.layers`).
        try LayerBinding.defineLayer(InputLayer.self, name: "InputLayer", doc: "The layer behind Input(shape:).", registrar: registrar)
            .property("inputShape", .array(.optional(.int)), doc: "The input's shape, batch axis (nil) first.") { layer in
                .array(layer.inputShape.map { .optional($0.map(Value.int)) })
            }
        try LayerBinding.defineLayer(ChannelPaddingShortcut.self, name: "ChannelPaddingShortcut",
                                     doc: "He et al.'s shortcut option A: subsampled identity with zero channels added.",
                                     registrar: registrar)
    }

    // MARK: - Shared parameters

    private func initializerDefault(_ initializer: Initializer) throws -> Value { try registry.wrap(initializer) }

    private var name: NativeParameter { .init("name", .optional(.string), default: .optional(nil)) }

    private func nameValue(_ args: NativeArguments) throws -> String? {
        try args.optional("name").map { try $0.asString("name") }
    }

    private func activationParameter(default value: ActivationFunction = .linear) throws -> NativeParameter {
        .init("activation", .named("ActivationFunction"), default: try registry.wrap(value))
    }

    private func paddingParameter() throws -> NativeParameter {
        .init("padding", .named("Padding"), default: try registry.wrap(Padding.valid))
    }

    /// A settable property for one weight of a layer (`kernel`, `bias`, `gamma`…).
    private func weightProperty<L: Layer>(_ builder: NativeTypeBuilder<L>, _ name: String, doc: String,
                                          _ variable: @escaping (L) -> Variable?) {
        let registry = self.registry
        builder.property(name, tensorType, doc: doc + " Assign a tensor of the same shape to change it.", get: { layer in
            try TensorBinding.value(try Self.built(variable(layer), name, of: layer).value, registry: registry)
        }, set: { layer, value in
            try Self.built(variable(layer), name, of: layer).assign(try TensorBinding.tensor(converting: value, parameter: name))
        })
    }

    private static func built(_ variable: Variable?, _ name: String, of layer: Layer) throws -> Variable {
        guard let variable else {
            throw NativeError("\(layer) has no \(name) \(layer.isBuilt ? "(it was created without one)" : "yet")",
                              hint: layer.isBuilt ? nil : "weights are created at the first call: call the layer on a tensor, or build(inputShape:)")
        }
        return variable
    }

    private static func pairValue(_ pair: (Int, Int)) -> Value { .tuple(ScriptTuple([.int(pair.0), .int(pair.1)])) }

    // MARK: - Layers with weights

    private func registerDense() throws {
        let dense = try LayerBinding.defineLayer(Dense.self, name: "Dense", doc: "A fully connected layer: activation(x · kernel + bias).",
                                                 registrar: registrar)
        dense.initializer([.init("units", .int), try activationParameter(), .init("useBias", .bool, default: .bool(true)),
                           .init("kernelInitializer", .named("Initializer"), default: try initializerDefault(.glorotUniform)),
                           .init("biasInitializer", .named("Initializer"), default: try initializerDefault(.zeros)), name]) { args, _ in
            try Dense(units: try args.int(0), activation: try args.native(1, as: ActivationFunction.self), useBias: try args.bool(2),
                      kernelInitializer: try args.native(3, as: Initializer.self), biasInitializer: try args.native(4, as: Initializer.self),
                      name: try nameValue(args))
        }
        let registry = self.registry
        dense
            .property("units", .int, doc: "The number of outputs.") { .int($0.units) }
            .property("activation", .named("ActivationFunction"), doc: "The activation applied to the output.") { try registry.wrap($0.activation) }
        weightProperty(dense, "kernel", doc: "The [inputs, units] weight matrix.") { $0.kernel }
        weightProperty(dense, "bias", doc: "The [units] bias.") { $0.bias }
    }

    private func registerConv2D() throws {
        let conv = try LayerBinding.defineLayer(Conv2D.self, name: "Conv2D",
                                                doc: "A 2-D convolution over NHWC images with an HWIO kernel, plus bias and activation.",
                                                registrar: registrar)
        conv.initializer([.init("filters", .int), .init("kernelSize", .any), .init("strides", .any, default: .int(1)),
                          try paddingParameter(), try activationParameter(), .init("useBias", .bool, default: .bool(true)),
                          .init("kernelInitializer", .named("Initializer"), default: try initializerDefault(.glorotUniform)),
                          .init("biasInitializer", .named("Initializer"), default: try initializerDefault(.zeros)), name],
                         doc: "kernelSize and strides: an Int or (height, width).") { args, _ in
            try Conv2D(filters: try args.int(0), kernelSize: try TensorArgument.pair(args[1], parameter: "kernelSize"),
                       strides: try TensorArgument.pair(args[2], parameter: "strides"), padding: try args.native(3, as: Padding.self),
                       activation: try args.native(4, as: ActivationFunction.self), useBias: try args.bool(5),
                       kernelInitializer: try args.native(6, as: Initializer.self), biasInitializer: try args.native(7, as: Initializer.self),
                       name: try nameValue(args))
        }
        let registry = self.registry
        conv
            .property("filters", .int, doc: "The number of output channels.") { .int($0.filters) }
            .property("kernelSize", .tuple([.int, .int], labels: [nil, nil]), doc: "(height, width) of the window.") { Self.pairValue($0.kernelSize) }
            .property("strides", .tuple([.int, .int], labels: [nil, nil]), doc: "(height, width) steps of the window.") { Self.pairValue($0.strides) }
            .property("padding", .named("Padding"), doc: ".valid or .same.") { try registry.wrap($0.padding) }
        weightProperty(conv, "kernel", doc: "The [height, width, inChannels, filters] kernel.") { $0.kernel }
        weightProperty(conv, "bias", doc: "The [filters] bias.") { $0.bias }
    }

    private func registerBatchNormalization() throws {
        let norm = try LayerBinding.defineLayer(
            BatchNormalization.self, name: "BatchNormalization",
            doc: "Normalises each channel: with the batch's statistics when training, the moving ones otherwise; then γ·x̂ + β.",
            registrar: registrar)
        norm.initializer([.init("axis", .int, default: .int(-1)), .init("momentum", .double, default: .double(0.99)),
                          .init("epsilon", .double, default: .double(0.001)), .init("center", .bool, default: .bool(true)),
                          .init("scale", .bool, default: .bool(true)),
                          .init("betaInitializer", .named("Initializer"), default: try initializerDefault(.zeros)),
                          .init("gammaInitializer", .named("Initializer"), default: try initializerDefault(.ones)),
                          .init("movingMeanInitializer", .named("Initializer"), default: try initializerDefault(.zeros)),
                          .init("movingVarianceInitializer", .named("Initializer"), default: try initializerDefault(.ones)), name]) { args, _ in
            try BatchNormalization(axis: try args.int(0), momentum: try args.double(1), epsilon: try args.double(2),
                                   center: try args.bool(3), scale: try args.bool(4),
                                   betaInitializer: try args.native(5, as: Initializer.self),
                                   gammaInitializer: try args.native(6, as: Initializer.self),
                                   movingMeanInitializer: try args.native(7, as: Initializer.self),
                                   movingVarianceInitializer: try args.native(8, as: Initializer.self), name: try nameValue(args))
        }
        norm
            .property("axis", .int, doc: "The channel axis (3 for NHWC images).") { .int($0.axis) }
            .property("momentum", .double, doc: "How slowly the moving statistics follow the batches.") { .double($0.momentum) }
            .property("epsilon", .double, doc: "Added to the variance before the square root.") { .double($0.epsilon) }
        weightProperty(norm, "gamma", doc: "The per-channel scale γ.") { $0.gamma }
        weightProperty(norm, "beta", doc: "The per-channel offset β.") { $0.beta }
        weightProperty(norm, "movingMean", doc: "The moving mean used in inference.") { $0.movingMean }
        weightProperty(norm, "movingVariance", doc: "The moving variance used in inference.") { $0.movingVariance }
    }

    // MARK: - Layers without weights

    private func registerActivations() throws {
        let registry = self.registry
        try LayerBinding.defineLayer(Activation.self, name: "Activation", doc: "Applies an activation: Activation(.relu).", registrar: registrar)
            .initializer([.init("_", .named("ActivationFunction"), name: "function"), name]) { args, _ in
                Activation(try args.native(0, as: ActivationFunction.self), name: try nameValue(args))
            }
            .property("activation", .named("ActivationFunction"), doc: "The function applied.") { try registry.wrap($0.function) }
        try LayerBinding.defineLayer(ReLU.self, name: "ReLU", doc: "max(0, x), elementwise.", registrar: registrar)
            .initializer([name]) { args, _ in ReLU(name: try nameValue(args)) }
        try LayerBinding.defineLayer(Softmax.self, name: "Softmax", doc: "e^x / Σ e^x over the last axis.", registrar: registrar)
            .initializer([name]) { args, _ in Softmax(name: try nameValue(args)) }
        try LayerBinding.defineLayer(Add.self, name: "Add",
                                     doc: "The elementwise sum of a list of tensors of one shape: Add()([x, shortcut]).", registrar: registrar)
            .initializer([name]) { args, _ in Add(name: try nameValue(args)) }
        try LayerBinding.defineLayer(Dropout.self, name: "Dropout",
                                     doc: "While training, zeroes a fraction `rate` of the inputs and scales the rest by 1 / (1 − rate).",
                                     registrar: registrar)
            .initializer([.init("rate", .double), .init("seed", .optional(.int), default: .optional(nil)), name]) { args, _ in
                try Dropout(rate: try args.double(0), seed: try args.optional(1).map { try $0.asInt("seed") }, name: try nameValue(args))
            }
            .property("rate", .double, doc: "The fraction of inputs dropped while training.") { .double($0.rate) }
    }

    private func registerPooling() throws {
        let registry = self.registry
        let parameters: [NativeParameter] = [
            .init("poolSize", .any, default: .int(2)), .init("strides", .any, default: .optional(nil)), try paddingParameter(), name,
        ]
        func settings(_ args: NativeArguments) throws -> ((Int, Int), (Int, Int)?, Padding) {
            let strides = try args.optional(1).map { try TensorArgument.pair($0, parameter: "strides") }
            return (try TensorArgument.pair(args[0], parameter: "poolSize"), strides, try args.native(2, as: Padding.self))
        }
        func members<P: Pooling2D>(_ builder: NativeTypeBuilder<P>) {
            builder
                .property("poolSize", .tuple([.int, .int], labels: [nil, nil]), doc: "(height, width) of the window.") { Self.pairValue($0.poolSize) }
                .property("strides", .tuple([.int, .int], labels: [nil, nil]), doc: "(height, width) steps of the window.") { Self.pairValue($0.strides) }
                .property("padding", .named("Padding"), doc: ".valid or .same.") { try registry.wrap($0.padding) }
        }
        let max = try LayerBinding.defineLayer(MaxPooling2D.self, name: "MaxPooling2D",
                                               doc: "The largest value in each window (strides default to the window).", registrar: registrar)
        max.initializer(parameters, doc: "poolSize and strides: an Int or (height, width).") { args, _ in
            let (size, strides, padding) = try settings(args)
            return try MaxPooling2D(poolSize: size, strides: strides, padding: padding, name: try nameValue(args))
        }
        members(max)
        let average = try LayerBinding.defineLayer(AveragePooling2D.self, name: "AveragePooling2D",
                                                   doc: "The mean of each window (strides default to the window).", registrar: registrar)
        average.initializer(parameters, doc: "poolSize and strides: an Int or (height, width).") { args, _ in
            let (size, strides, padding) = try settings(args)
            return try AveragePooling2D(poolSize: size, strides: strides, padding: padding, name: try nameValue(args))
        }
        members(average)
        try LayerBinding.defineLayer(GlobalAveragePooling2D.self, name: "GlobalAveragePooling2D",
                                     doc: "The mean over height and width: [N, H, W, C] → [N, C].", registrar: registrar)
            .initializer([name]) { args, _ in GlobalAveragePooling2D(name: try nameValue(args)) }
    }

    private func registerShapeLayers() throws {
        try LayerBinding.defineLayer(Flatten.self, name: "Flatten", doc: "[N, …] → [N, everything else].", registrar: registrar)
            .initializer([name]) { args, _ in Flatten(name: try nameValue(args)) }
        try LayerBinding.defineLayer(ZeroPadding2D.self, name: "ZeroPadding2D",
                                     doc: "Rows and columns of zeros around NHWC images.", registrar: registrar)
            .initializer([.init("padding", .any, default: .int(1)), name],
                         doc: "padding: an Int (all sides), (rows, columns), or ((top, bottom), (left, right)).") { args, _ in
                try ZeroPadding2D(padding: try Self.zeroPadding(args[0]), name: try nameValue(args))
            }
            .property("padding", .tuple([.any, .any], labels: [nil, nil]), doc: "((top, bottom), (left, right)).") { layer in
                .tuple(ScriptTuple([Self.pairValue(layer.padding.0), Self.pairValue(layer.padding.1)]))
            }
    }

    /// `1`, `(3, 3)` or `((1, 2), (3, 4))`.
    static func zeroPadding(_ value: Value) throws -> ((Int, Int), (Int, Int)) {
        if case .tuple(let tuple) = value, tuple.elements.count == 2, case .tuple = tuple.elements[0] {
            return (try TensorArgument.pair(tuple.elements[0], parameter: "padding"),
                    try TensorArgument.pair(tuple.elements[1], parameter: "padding"))
        }
        let (rows, columns) = try TensorArgument.pair(value, parameter: "padding")
        return ((rows, rows), (columns, columns))
    }
}
