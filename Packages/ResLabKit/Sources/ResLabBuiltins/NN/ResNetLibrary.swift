import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// The library's residual blocks and ResNets under the namespace `ResNet`, so that they never
/// collide with the functions the course has learners write (`identityBlock`,
/// `convolutionalBlock`, `ResNet50`): a learner's `func identityBlock` shadows nothing, and
/// `ResNet.identityBlock(x, f: 3, filters: [64, 64, 256])` is the reference to compare with.
///
/// Blocks take a `Tensor` of numbers (computed at once) or a symbolic one (building a model).
enum ResNetLibrary {
    static func register(with registrar: PluginRegistrar) throws {
        try registrar.defineEnumeration(ShortcutKind.self, name: "ShortcutKind",
                                        doc: "How a basic block's shortcut changes shape: .zeroPadding (option A) or .projection (option B).",
                                        cases: [("zeroPadding", .zeroPadding), ("projection", .projection)])
        let namespace = try registrar.defineType(ResNetLibrary.self, name: "ResNet",
                                                 doc: "The library's ResNets and residual blocks: ResNet.resnet50(), ResNet.cifar(depth: 20), ResNet.identityBlock(…).")
        try registerModels(namespace, registry: registrar.registry)
        try registerBlocks(namespace, registry: registrar.registry)
    }

    private static func registerModels(_ namespace: NativeTypeBuilder<ResNetLibrary>, registry: NativeRegistry) throws {
        let model = ScriptType.named("Model")
        namespace
            .staticMethod("resnet50", [.init("inputShape", .array(.int), default: .array([64, 64, 3].map(Value.int))),
                                       .init("classes", .int, default: .int(6)),
                                       .init("training", .optional(.bool), default: .optional(.bool(true)))],
                          returns: model,
                          doc: "The course's ResNet-50 (23,600,006 parameters on 64×64×3 with 6 classes); training: nil lets batch norm follow the model's mode.") { args, _ in
                try registry.wrap(try ResNet50(inputShape: try args.ints(0), classes: try args.int(1),
                                               training: try args.optional(2).map { try $0.asBool("training") }) as Model)
            }
            .staticMethod("imageNet", [.init("depth", .int), .init("inputShape", .array(.int), default: .array([224, 224, 3].map(Value.int))),
                                       .init("classes", .int, default: .int(1000)), .init("plain", .bool, default: .bool(false))],
                          returns: model,
                          doc: "He et al.'s ImageNet ResNet of depth 18, 34, 50, 101 or 152; plain: true removes every shortcut.") { args, _ in
                try registry.wrap(try ResNet(depth: try args.int(0), inputShape: try args.ints(1), classes: try args.int(2),
                                             plain: try args.bool(3)))
            }
            .staticMethod("cifar", [.init("depth", .int), .init("inputShape", .array(.int), default: .array([32, 32, 3].map(Value.int))),
                                    .init("classes", .int, default: .int(10)), .init("plain", .bool, default: .bool(false)),
                                    .init("shortcut", .named("ShortcutKind"), default: try registry.wrap(ShortcutKind.zeroPadding))],
                          returns: model,
                          doc: "He et al.'s CIFAR-10 ResNet of depth 6n + 2 (20, 32, 44, 56, 110); plain: true removes every shortcut.") { args, _ in
                try registry.wrap(try CIFARResNet(depth: try args.int(0), inputShape: try args.ints(1), classes: try args.int(2),
                                                  plain: try args.bool(3), shortcut: try args.native(4, as: ShortcutKind.self)))
            }
            .staticMethod("named", [.init("_", .string, name: "name"), .init("inputShape", .array(.int)), .init("classes", .int)],
                          returns: model,
                          doc: "A model by the name reslab train takes: resnet50, resnet18, resnet20, plain20, …") { args, _ in
                try registry.wrap(try namedModel(try args.string(0), inputShape: try args.ints(1), classes: try args.int(2)))
            }
    }

    private static func registerBlocks(_ namespace: NativeTypeBuilder<ResNetLibrary>, registry: NativeRegistry) throws {
        let input = NativeParameter("_", tensorType, name: "x")
        let training = NativeParameter("training", .optional(.bool), default: .optional(.bool(true)))
        func trainingValue(_ args: NativeArguments, _ index: Int) throws -> Bool? {
            try args.optional(index).map { try $0.asBool("training") }
        }
        let bottlenecks: [(String, Bool, Bool, Initializer, String)] = [
            ("identityBlock", false, false, .randomUniform, "The course's identity block: 1×1 → f×f → 1×1 convolutions with batch norm, plus the input."),
            ("convolutionalBlock", true, false, .glorotUniform, "The course's convolutional block: the main path strided by s, plus a 1×1 convolution shortcut."),
            ("plainIdentityBlock", false, true, .randomUniform, "The identity block without its shortcut."),
            ("plainConvolutionalBlock", true, true, .glorotUniform, "The convolutional block without its shortcut."),
        ]
        for (name, strided, plain, initializer, doc) in bottlenecks {
            var parameters = [input, .init("f", .int), .init("filters", .array(.int))]
            if strided { parameters.append(.init("s", .int, default: .int(2))) }
            parameters += [training, .init("initializer", .named("Initializer"), default: try registry.wrap(initializer))]
            namespace.staticMethod(name, parameters, returns: tensorType, doc: doc + " Kernels use initializer(seed: 0).") { args, context in
                let f = try args.int(1), filters = try args.ints(2)
                let s = strided ? try args.int(3) : 1
                let offset = strided ? 4 : 3
                let flag = try trainingValue(args, offset)
                let rule = try args.native(offset + 1, as: Initializer.self)
                func run<T: LayerOperand>(_ x: T) throws -> T {
                    switch (strided, plain) {
                    case (false, false): return try identityBlock(x, f: f, filters: filters, training: flag, initializer: rule)
                    case (true, false): return try convolutionalBlock(x, f: f, filters: filters, s: s, training: flag, initializer: rule)
                    case (false, true): return try plainIdentityBlock(x, f: f, filters: filters, training: flag, initializer: rule)
                    case (true, true): return try plainConvolutionalBlock(x, f: f, filters: filters, s: s, training: flag, initializer: rule)
                    }
                }
                return try TensorBinding.value(try dispatch(try args.tensorValue(0), run, run), registry: context.registry)
            }
        }
        let shortcut = NativeParameter("shortcut", .named("ShortcutKind"), default: try registry.wrap(ShortcutKind.projection))
        namespace
            .staticMethod("basicBlock", [input, .init("filters", .int), .init("strides", .int, default: .int(1)), shortcut,
                                         .init("training", .optional(.bool), default: .optional(nil))],
                          returns: tensorType,
                          doc: "The two-convolution block of ResNet-18/34 and the CIFAR ResNets, with a shortcut.") { args, context in
                let filters = try args.int(1), strides = try args.int(2)
                let kind = try args.native(3, as: ShortcutKind.self)
                let flag = try trainingValue(args, 4)
                func run<T: LayerOperand>(_ x: T) throws -> T {
                    try basicBlock(x, filters: filters, strides: strides, shortcut: kind, training: flag)
                }
                return try TensorBinding.value(try dispatch(try args.tensorValue(0), run, run), registry: context.registry)
            }
            .staticMethod("plainBasicBlock", [input, .init("filters", .int), .init("strides", .int, default: .int(1)),
                                              .init("training", .optional(.bool), default: .optional(nil))],
                          returns: tensorType, doc: "The basic block without its shortcut.") { args, context in
                let filters = try args.int(1), strides = try args.int(2)
                let flag = try trainingValue(args, 3)
                func run<T: LayerOperand>(_ x: T) throws -> T {
                    try plainBasicBlock(x, filters: filters, strides: strides, training: flag)
                }
                return try TensorBinding.value(try dispatch(try args.tensorValue(0), run, run), registry: context.registry)
            }
    }

    /// Runs a block on numbers or on a symbolic tensor.
    private static func dispatch(_ value: TensorValue, _ eager: (Tensor) throws -> Tensor,
                                 _ symbolic: (KerasTensor) throws -> KerasTensor) throws -> TensorValue {
        switch value {
        case .eager(let tensor): return .eager(try eager(tensor))
        case .symbolic(let tensor): return .symbolic(try symbolic(tensor))
        }
    }
}
