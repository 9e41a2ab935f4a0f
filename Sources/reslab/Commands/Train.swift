import ArgumentParser
import Foundation
import ResLab

/// `reslab train`: trains a named model (or a saved one) on a data set, prints the progress and
/// ends with the test loss and accuracy; optionally saves the model (architecture and weights).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a ResNet on a data set and report its test loss and accuracy.",
        discussion: """
            Models: resnet50 (the course's), resnet18, resnet34, resnet50-imagenet, resnet101, resnet152 \
            (He et al.'s ImageNet family), resnet20, resnet32, resnet44, resnet56, resnet110 (the CIFAR \
            family), and plain twins such as plain20 or plain18. The model is built for the data's image \
            size, channels and class count; --from continues training a model saved with --save instead.
            Data: synthetic (hand signs made on the fly, 64×64, or 32×32 for the CIFAR family), a SIGNS \
            .h5 file or folder, a Keras-style .npz, an MNIST IDX folder or a CIFAR-10 binary folder.
            Defaults: the CIFAR family trains 40 epochs at learning rate 0.002 with augmentation (random \
            shifts of up to 4 pixels and horizontal flips, as He et al. do on CIFAR-10); the other models \
            10 epochs at 0.001 without augmentation. Adam, batch 32, the learning rate decaying to 0 \
            along a cosine over the run.
            """)

    @Option(help: "The model to train (default resnet50); not needed with --from.")
    var model: String?
    @Option(help: ArgumentHelp("Start from a model saved with --save (its architecture and weights).",
                               valueName: "path"))
    var from: String?
    @Option(help: "`synthetic`, or the path of a data set.")
    var data = "synthetic"
    @Option(help: ArgumentHelp("Image size: of the synthetic images (default 64, 32 for the CIFAR family), "
                               + "or a smaller size to shrink a data set's square images to (by a whole factor).",
                               valueName: "n"))
    var imageSize: Int?
    @Option(help: "Passes over the training images (default 40 for the CIFAR family, 10 otherwise).")
    var epochs: Int?
    @Option(help: "Images per training step.")
    var batchSize = 32
    @Option(help: "Adam's initial learning rate (default 0.002 for the CIFAR family, 0.001 otherwise); it decays to 0 along a cosine over the run.")
    var learningRate: Double?
    @Flag(inversion: .prefixedNo,
          help: "Shift training images by up to 4 pixels and flip half of them left to right, each batch anew (default on for the CIFAR family, off otherwise).")
    var augment: Bool?
    @Option(help: "Seed of the weights, the shuffling and the augmentation, for runs that repeat exactly.")
    var seed = 0
    @Option(help: ArgumentHelp("Write the trained model here: one safetensors file with the weights "
                               + "(named layer/weight) and the architecture (JSON, in its metadata).",
                               valueName: "path"))
    var save: String?

    func validate() throws {
        if model != nil, from != nil {
            throw ValidationError("give --model or --from, not both: a saved model brings its own architecture")
        }
        if let epochs, epochs < 0 { throw ValidationError("--epochs must not be negative") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        if let learningRate, !(learningRate > 0) { throw ValidationError("--learning-rate must be positive") }
        if let imageSize, imageSize <= 0 { throw ValidationError("--image-size must be positive") }
    }

    func run() throws {
        setRandomSeed(seed)
        let saved = try from.map { try Model.load(from: URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath)) }
        let modelName = saved?.name ?? model ?? "resnet50"
        let family = NamedModelFamily(modelName: modelName)
        let cifar = family?.isCIFAR ?? false
        guard saved != nil || family != nil else { throw NamedModelFamily.unknownModelError(modelName) }

        let dataSet = try loadData(cifar: cifar, savedInput: saved.map(\.inputs))
        guard dataSet.train.count > 0 else {
            throw ValidationError("\(dataSet.name) has no training images; give a file or folder with a training split")
        }
        let network = try saved ?? namedModel(modelName, inputShape: dataSet.imageShape, classes: dataSet.classCount)
        if saved != nil { try checkFits(network, dataSet) }

        let epochs = self.epochs ?? (cifar ? 40 : 10)
        let learningRate = self.learningRate ?? (cifar ? 0.002 : 0.001)
        let augmentation = (augment ?? cifar) ? ImageAugmentation.shiftsAndFlips() : nil
        print("Training \(network.name) (\(network.countParams()) parameters\(saved != nil ? ", from \(from ?? "")" : "")) "
              + "on \(dataSet.name): \(dataSet.train.count) training and \(dataSet.test.count) test images of "
              + "\(dataSet.imageShape), \(dataSet.classCount) classes")
        print("\(epochs) epoch\(epochs == 1 ? "" : "s"), batch \(batchSize), Adam at learning rate \(learningRate) with cosine decay, "
              + (augmentation == nil ? "no augmentation" : "augmentation: shifts of up to 4 pixels and horizontal flips"))
        // A cosine decay over the whole run (Keras' CosineDecay): big steps early, small ones at
        // the end, so that the last epochs settle instead of bouncing around at the initial rate.
        let steps = (dataSet.train.count + batchSize - 1) / batchSize
        let schedule = LearningRateSchedule.cosineDecay(initial: learningRate, decaySteps: max(steps * epochs, 1))
        try network.compile(optimizer: try Adam(schedule: schedule), loss: .categoricalCrossentropy,
                            metrics: [.accuracy])
        try network.fit(x: dataSet.train.images, y: try dataSet.trainOneHotLabels(), batchSize: batchSize,
                        epochs: epochs, seed: seed, augmentation: augmentation)
        if let save {
            try network.save(to: URL(fileURLWithPath: (save as NSString).expandingTildeInPath))
            print("Saved the model to \(save)")
        }
        if dataSet.test.count > 0 {
            let result = try network.evaluate(x: dataSet.test.images, y: try dataSet.testOneHotLabels(), batchSize: batchSize)
            print(String(format: "Test loss: %.4f", result["loss"] ?? .nan))
            print(String(format: "Test accuracy: %.4f", result["accuracy"] ?? .nan))
        }
    }

    /// The data set: synthetic images of `--image-size` (by default the saved model's input size,
    /// else 32 for the CIFAR family and 64 otherwise), or the one at `--data`, shrunk only when
    /// `--image-size` asks.
    private func loadData(cifar: Bool, savedInput: [KerasTensor]?) throws -> DataSet {
        if data == DataSet.syntheticSourceName {
            let savedSize = savedInput?.first.flatMap { $0.shape.count == 4 ? $0.shape[1] : nil }
            return try DataSet.syntheticHandSigns(imageSize: imageSize ?? savedSize ?? (cifar ? 32 : 64))
        }
        let loaded = try DataSet.load(path: data)
        return try imageSize.map { try loaded.resized(imageSize: $0) } ?? loaded
    }

    /// Refuses data a saved model cannot take, saying what would fit.
    private func checkFits(_ network: Model, _ dataSet: DataSet) throws {
        let expected = network.inputs.first?.shape.dropFirst().map { $0 ?? 0 } ?? []
        guard expected == dataSet.imageShape else {
            throw ValidationError("\(from ?? "the saved model") takes images of \(expected) but \(dataSet.name) has "
                                  + "\(dataSet.imageShape); give data of that shape (or --image-size \(expected.first ?? 0))")
        }
        let classes = network.outputs.first?.shape.last.flatMap { $0 } ?? 0
        guard classes == dataSet.classCount else {
            throw ValidationError("\(from ?? "the saved model") predicts \(classes) classes but \(dataSet.name) has "
                                  + "\(dataSet.classCount)")
        }
    }
}
