import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// `compile(optimizer:loss:metrics:)`, `fit` (with `ImageAugmentation`), `evaluate`, `predict` and
/// `History`, as in Keras.
///
/// `fit` writes one line per epoch to the cell's output (`Epoch 1/3`, then
/// `34/34 - 12s - 350ms/step - loss: 1.7918 - accuracy: 0.1667`) and stops after the current step
/// when the host asks the run to stop (Ctrl-C).
enum ModelTraining {
    static func registerHistory(with registrar: PluginRegistrar) throws {
        let histories = try registrar.defineType(History.self, name: "History",
                                                 doc: "What fit returns: the loss and metrics of each epoch.")
        histories
            .property("loss", .array(.double), doc: "The mean training loss of each epoch.") { .array($0.loss.map(Value.double)) }
            .property("epoch", .array(.int), doc: "The epoch indices, from 0.") { .array($0.epoch.map(Value.int)) }
            .property("history", .dictionary(key: .string, value: .array(.double)),
                      doc: "Every recorded series by name: loss, accuracy, val_loss, val_accuracy.") { history in
                var dictionary = ScriptDictionary()
                for key in orderedKeys(history) {
                    dictionary[.string(key)] = .array((history[key] ?? []).map(Value.double))
                }
                return .dictionary(dictionary)
            }
            .property("keys", .array(.string), doc: "The names of the recorded series.") { .array(orderedKeys($0).map(Value.string)) }
            .subscriptAccess([.init("_", .string, name: "key")], returns: .optional(.array(.double)),
                             doc: "The series recorded under `key` (\"accuracy\", \"val_loss\"), or nil.",
                             get: { history, args, _ in .optional(history[try args.string(0)].map { .array($0.map(Value.double)) }) })
            .display { history in
                let series = orderedKeys(history).map { key in
                    "\(key): [" + (history[key] ?? []).map { String(format: "%.4f", $0) }.joined(separator: ", ") + "]"
                }
                return "History(epochs: \(history.epoch.count)\(series.isEmpty ? "" : ", ")\(series.joined(separator: ", ")))"
            }
    }

    /// What `fit(onStep:)` hands the lesson after every step.
    static func registerStepReport(with registrar: PluginRegistrar) throws {
        try registrar.defineType(StepReport.self, name: "StepReport",
                                 doc: "One training step, as fit(onStep:) reports it: its epoch, batch, loss, metrics and each layer's gradient norm.")
            .property("epoch", .int, doc: "The epoch, from 0.") { .int($0.epoch) }
            .property("batch", .int, doc: "The batch within the epoch, from 0.") { .int($0.batch) }
            .property("iteration", .int, doc: "The optimiser's step count after this step (1 after the first).") { .int($0.iteration) }
            .property("loss", .double, doc: "This batch's loss.") { .double($0.loss) }
            .property("metrics", .dictionary(key: .string, value: .double), doc: "This batch's metrics by name.") { report in
                var dictionary = ScriptDictionary()
                for key in report.metrics.keys.sorted() { dictionary[.string(key)] = .double(report.metrics[key] ?? .nan) }
                return .dictionary(dictionary)
            }
            .property("layers", .array(.string), doc: "The layers with trainable weights, in the model's order.") {
                .array($0.gradientNorms.map { .string($0.layer) })
            }
            .property("gradientNorms", .array(.double),
                      doc: "The L2 norm of each of those layers' gradient (all its trainable weights together).") {
                .array($0.gradientNorms.map { .double($0.norm) })
            }
            .display { "StepReport(epoch: \($0.epoch), batch: \($0.batch), loss: \(String(format: "%.4f", $0.loss)))" }
    }

    /// `ImageAugmentation(shiftPadding:horizontalFlip:seed:)` and `.shiftsAndFlips(seed:)`, what
    /// `fit(augmentation:)` takes: the Swift API's names and defaults.
    static func registerImageAugmentation(with registrar: PluginRegistrar) throws {
        let augmentations = try registrar.defineType(
            ImageAugmentation.self, name: "ImageAugmentation",
            doc: "Random shifts (zero-padded) and horizontal flips that fit(augmentation:) applies to each training image, drawn from a seeded stream of their own.")
        let seed = NativeParameter("seed", .optional(.int), default: .optional(nil))
        func seedValue(_ args: NativeArguments, _ index: Int) throws -> Int? { try args.optional(index).map { try $0.asInt("seed") } }
        augmentations
            .initializer([.init("shiftPadding", .int, default: .int(0)), .init("horizontalFlip", .bool, default: .bool(false)), seed],
                         doc: "Shifts of up to shiftPadding pixels on each axis (the uncovered border black), and, with horizontalFlip, half of the images mirrored left to right. seed: nil follows fit's seed.") { args, _ in
                try ImageAugmentation(shiftPadding: try args.int(0), horizontalFlip: try args.bool(1), seed: try seedValue(args, 2))
            }
            .staticMethod("shiftsAndFlips", [seed], returns: .named("ImageAugmentation"),
                          doc: "He et al.'s CIFAR-10 recipe: shifts of up to 4 pixels and horizontal flips.") { args, _ in
                augmentations.wrap(.shiftsAndFlips(seed: try seedValue(args, 0)))
            }
            .property("shiftPadding", .int, doc: "The most pixels an image moves on each axis.") { .int($0.shiftPadding) }
            .property("horizontalFlip", .bool, doc: "Whether half of the images are mirrored.") { .bool($0.horizontalFlip) }
            .property("seed", .optional(.int), doc: "The seed of the draws; nil follows fit's seed.") { .optional($0.seed.map(Value.int)) }
            .infixOperator("==") { lhs, rhs in
                guard let a = augmentations.unwrap(lhs), let b = augmentations.unwrap(rhs) else { return nil }
                return .bool(a == b)
            }
            .display { augmentation in
                "ImageAugmentation(shiftPadding: \(augmentation.shiftPadding), horizontalFlip: \(augmentation.horizontalFlip), "
                    + "seed: \(augmentation.seed.map(String.init) ?? "nil"))"
            }
    }

    /// `loss`, the metrics, then the validation series, as Keras lists them.
    static func orderedKeys(_ history: History) -> [String] {
        history.history.keys.sorted { a, b in
            func rank(_ key: String) -> Int { key == "loss" ? 0 : key == "val_loss" ? 2 : key.hasPrefix("val_") ? 3 : 1 }
            return (rank(a), a) < (rank(b), b)
        }
    }

    static func addMembers<M: Model>(to builder: NativeTypeBuilder<M>, registry: NativeRegistry) {
        builder
            .method("compile", [.init("optimizer", .named(Optimizers.groupName)), .init("loss", .named("Loss")),
                                .init("metrics", .array(.named("Metric")), default: .array([]))],
                    doc: "Sets how fit trains: the optimiser, the loss, and the metrics to report.") { model, args, _ in
                try model.compile(optimizer: try args.native(0, as: Optimizer.self), loss: try args.native(1, as: Loss.self),
                                  metrics: try args.array(2).map { try $0.asNative(Metric.self, "metrics") })
                return .void
            }
            .method("fit", [.init("x", tensorType), .init("y", tensorType), .init("batchSize", .int, default: .int(32)),
                            .init("epochs", .int, default: .int(1)),
                            .init("validationData", .optional(.tuple([tensorType, tensorType], labels: [nil, nil])), default: .optional(nil)),
                            .init("shuffle", .bool, default: .bool(true)), .init("seed", .optional(.int), default: .optional(nil)),
                            .init("augmentation", .optional(.named("ImageAugmentation")), default: .optional(nil)),
                            .init("verbose", .int, default: .int(1)),
                            .init("onStep", .optional(.function(parameters: [.named("StepReport")], result: .any)), default: .optional(nil))],
                    returns: .named("History"),
                    doc: "Trains for `epochs` passes over x and y in batches; augmentation shifts and flips each training image (ImageAugmentation); one line per epoch (verbose: 0 for none); calls onStep after every step with a StepReport (with gradient norms per layer). Returns the History.") { model, args, context in
                var validation: (x: Tensor, y: Tensor)?
                if case .tuple(let pair)? = try args.optional(4) {
                    validation = (try eager(pair.elements[0], op: "fit", parameter: "validationData.0"),
                                  try eager(pair.elements[1], op: "fit", parameter: "validationData.1"))
                }
                let augmentation = try args.optional(7).map { try $0.asNative(ImageAugmentation.self, "augmentation") }
                let output = try args.int(8) == 0 ? TrainingOutput.silent : TrainingOutput.lines { context.write($0) }
                let hook = try args.optional(9)
                // Without a hook, no gradient norms are computed; the step still checks for Ctrl-C.
                let step: (StepReport) throws -> Void = { report in
                    try context.checkCancellation()
                    if let hook { _ = try context.call(hook, [try registry.wrap(report)]) }
                }
                let history = try model.fit(x: try args.tensor(0, op: "fit"), y: try args.tensor(1, op: "fit"),
                                            batchSize: try args.int(2), epochs: try args.int(3), validationData: validation,
                                            shuffle: try args.bool(5), seed: try args.optional(6).map { try $0.asInt("seed") },
                                            augmentation: augmentation, output: output, onStep: step, reportsGradientNorms: hook != nil)
                return try registry.wrap(history)
            }
            .method("evaluate", [.init("x", tensorType), .init("y", tensorType), .init("batchSize", .int, default: .int(32))],
                    returns: .dictionary(key: .string, value: .double),
                    doc: "The loss and metrics over x and y in inference mode: [\"loss\": …, \"accuracy\": …].") { model, args, _ in
                let values = try model.evaluate(x: try args.tensor(0, op: "evaluate"), y: try args.tensor(1, op: "evaluate"),
                                                batchSize: try args.int(2))
                var dictionary = ScriptDictionary()
                for key in values.keys.sorted(by: { ($0 == "loss" ? 0 : 1, $0) < ($1 == "loss" ? 0 : 1, $1) }) {
                    dictionary[.string(key)] = .double(values[key] ?? .nan)
                }
                return .dictionary(dictionary)
            }
            .method("predict", [.init("x", tensorType), .init("batchSize", .int, default: .int(32))], returns: tensorType,
                    doc: "The model's outputs for x, in inference mode.") { model, args, context in
                try TensorBinding.value(try model.predict(x: try args.tensor(0, op: "predict"), batchSize: try args.int(1)),
                                        registry: context.registry)
            }
            .property("history", .optional(.named("History")), doc: "The History of the last fit, or nil.") { model in
                .optional(try model.history.map { try registry.wrap($0) })
            }
    }

    private static func eager(_ value: Value, op: String, parameter: String) throws -> Tensor {
        guard let tensor = TensorBinding.tensorValue(from: value) else {
            throw NativeError.argument(parameter, expected: "Tensor", got: value)
        }
        return try TensorArgument.eager(tensor, op: op, parameter: parameter)
    }
}
