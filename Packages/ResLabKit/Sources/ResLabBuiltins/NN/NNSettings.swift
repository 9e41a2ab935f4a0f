import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// The settings lesson code writes as implicit members: activations (`.relu`), initialisers
/// (`.glorotUniform(seed: 0)`, `.constant(1)`), losses (`.categoricalCrossentropy`) and metrics
/// (`.accuracy`), under Keras' names spelled the Swift way.
enum NNSettings {
    static func register(with registrar: PluginRegistrar) throws {
        try registrar.defineEnumeration(ActivationFunction.self, name: "ActivationFunction",
                                        doc: "An activation by name: .linear, .relu, .sigmoid, .tanh, .softmax.",
                                        cases: ActivationFunction.allCases.map { ($0.rawValue, $0) })
        try registerInitializers(with: registrar)
        try registerLosses(with: registrar)
        try registerMetrics(with: registrar)
    }

    private static func registerInitializers(with registrar: PluginRegistrar) throws {
        let initializers = try registrar.defineType(
            Initializer.self, name: "Initializer",
            doc: "How a layer fills a new weight (Keras' initialisers): .glorotUniform(seed: 0), .randomUniform(seed: 0), .constant(1), …")
        let seed = NativeParameter("seed", .int)
        let optionalSeed = NativeParameter("seed", .optional(.int), default: .optional(nil))
        func optionalSeedValue(_ args: NativeArguments, _ index: Int) throws -> Int? {
            try args.optional(index).map { try $0.asInt("seed") }
        }
        let seeded: [(String, Initializer, (Int) -> Initializer, String)] = [
            ("glorotUniform", .glorotUniform, { .glorotUniform(seed: $0) }, "Uniform in ±√(6 / (fanIn + fanOut)) (Keras' default for kernels)."),
            ("glorotNormal", .glorotNormal, { .glorotNormal(seed: $0) }, "Truncated normal with variance 2 / (fanIn + fanOut)."),
            ("heNormal", .heNormal, { .heNormal(seed: $0) }, "Truncated normal with variance 2 / fanIn (for ReLU networks)."),
            ("heUniform", .heUniform, { .heUniform(seed: $0) }, "Uniform in ±√(6 / fanIn)."),
        ]
        for (name, unseeded, withSeed, doc) in seeded {
            initializers
                .staticProperty(name, doc: doc + " A fresh seed each time.") { initializers.wrap(unseeded) }
                .staticMethod(name, [seed], doc: doc + " The same values for the same seed and shape.") { args, _ in
                    initializers.wrap(withSeed(try args.int(0)))
                }
        }
        initializers
            .staticProperty("randomUniform", doc: "Uniform in [−0.05, 0.05).") { initializers.wrap(.randomUniform) }
            .staticMethod("randomUniform", [.init("minval", .double, default: .double(-0.05)), .init("maxval", .double, default: .double(0.05)),
                                            optionalSeed],
                          doc: "Uniform in [minval, maxval) (the course's random_uniform).") { args, _ in
                initializers.wrap(.randomUniform(minval: try args.float(0), maxval: try args.float(1), seed: try optionalSeedValue(args, 2)))
            }
            .staticProperty("randomNormal", doc: "Normal with mean 0 and standard deviation 0.05.") { initializers.wrap(.randomNormal) }
            .staticMethod("randomNormal", [.init("mean", .double, default: .double(0)), .init("stddev", .double, default: .double(0.05)),
                                           optionalSeed], doc: "Normal with the given mean and standard deviation.") { args, _ in
                initializers.wrap(.randomNormal(mean: try args.float(0), stddev: try args.float(1), seed: try optionalSeedValue(args, 2)))
            }
            .staticProperty("zeros", doc: "Every element 0.") { initializers.wrap(.zeros) }
            .staticProperty("ones", doc: "Every element 1.") { initializers.wrap(.ones) }
            .staticMethod("constant", [.init("_", .double, name: "value")], doc: "Every element `value`.") { args, _ in
                initializers.wrap(.constant(try args.float(0)))
            }
            .staticMethod("constant", [.init("value", .double)], doc: "Every element `value`.") { args, _ in
                initializers.wrap(.constant(try args.float(0)))
            }
            .callAsFunction([seed], returns: .named("Initializer"),
                            doc: "The same rule with this seed (the course's initializer(seed=0)).") { initializer, args, _ in
                initializers.wrap(initializer(seed: try args.int(0)))
            }
            .infixOperator("==") { lhs, rhs in
                guard let a = initializers.unwrap(lhs), let b = initializers.unwrap(rhs) else { return nil }
                return .bool(a == b)
            }
            .display { "." + $0.description }
    }

    private static func registerLosses(with registrar: PluginRegistrar) throws {
        let losses = try registrar.defineType(Loss.self, name: "Loss",
                                              doc: "What training minimises: .categoricalCrossentropy, .sparseCategoricalCrossentropy, .binaryCrossentropy, .meanSquaredError.")
        let fromLogits = NativeParameter("fromLogits", .bool)
        losses
            .staticProperty("categoricalCrossentropy", doc: "−Σ y log ŷ over one-hot labels, averaged over the batch.") {
                losses.wrap(.categoricalCrossentropy)
            }
            .staticMethod("categoricalCrossentropy", [fromLogits], doc: "fromLogits: the model outputs scores rather than probabilities.") { args, _ in
                losses.wrap(.categoricalCrossentropy(fromLogits: try args.bool(0)))
            }
            .staticProperty("sparseCategoricalCrossentropy", doc: "Categorical cross-entropy with class indices as labels.") {
                losses.wrap(.sparseCategoricalCrossentropy)
            }
            .staticMethod("sparseCategoricalCrossentropy", [fromLogits], doc: "fromLogits: the model outputs scores.") { args, _ in
                losses.wrap(.sparseCategoricalCrossentropy(fromLogits: try args.bool(0)))
            }
            .staticProperty("binaryCrossentropy", doc: "−(y log ŷ + (1 − y) log(1 − ŷ)), averaged.") { losses.wrap(.binaryCrossentropy) }
            .staticMethod("binaryCrossentropy", [fromLogits], doc: "fromLogits: the model outputs scores.") { args, _ in
                losses.wrap(.binaryCrossentropy(fromLogits: try args.bool(0)))
            }
            .staticProperty("meanSquaredError", doc: "The mean of (y − ŷ)².") { losses.wrap(.meanSquaredError) }
            .callAsFunction([.init("_", tensorType, name: "yTrue"), .init("_", tensorType, name: "yPred")], returns: tensorType,
                            doc: "The loss of predictions against labels, as a scalar tensor.") { loss, args, context in
                try TensorBinding.value(try loss(try args.tensor(0, op: "\(loss)"), try args.tensor(1, op: "\(loss)")),
                                        registry: context.registry)
            }
            .infixOperator("==") { lhs, rhs in
                guard let a = losses.unwrap(lhs), let b = losses.unwrap(rhs) else { return nil }
                return .bool(a == b)
            }
            .display { "." + $0.description }
    }

    private static func registerMetrics(with registrar: PluginRegistrar) throws {
        let metrics = try registrar.defineType(Metric.self, name: "Metric",
                                               doc: "What training reports beside the loss: .accuracy and its variants.")
        let named: [(String, Metric, String)] = [
            ("accuracy", .accuracy, "The fraction of samples whose predicted class is the label (Keras picks the variant from the loss)."),
            ("categoricalAccuracy", .categoricalAccuracy, "Accuracy against one-hot labels."),
            ("sparseCategoricalAccuracy", .sparseCategoricalAccuracy, "Accuracy against class indices."),
            ("binaryAccuracy", .binaryAccuracy, "Accuracy of 0/1 predictions thresholded at 0.5."),
        ]
        for (name, metric, doc) in named {
            metrics.staticProperty(name, doc: doc) { metrics.wrap(metric) }
        }
        metrics
            .staticMethod("binaryAccuracy", [.init("threshold", .double)], doc: "Accuracy of predictions thresholded at `threshold`.") { args, _ in
                metrics.wrap(.binaryAccuracy(threshold: try args.float(0)))
            }
            .infixOperator("==") { lhs, rhs in
                guard let a = metrics.unwrap(lhs), let b = metrics.unwrap(rhs) else { return nil }
                return .bool(a == b)
            }
            .display { metric in
                if let name = named.first(where: { $0.1 == metric })?.0 { return "." + name }
                if case .binaryAccuracy(let threshold) = metric.kind { return ".binaryAccuracy(threshold: \(threshold))" }
                return metric.description
            }
    }
}
