import ArgumentParser
import Foundation
import ResLab

/// `reslab train`: trains a named model on a data set, prints the progress and ends with the test
/// loss and accuracy; optionally saves the weights.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a ResNet on a data set and report its test loss and accuracy.",
        discussion: """
            Models: resnet50 (the course's), resnet18, resnet34, resnet50-imagenet, resnet101, resnet152 \
            (He et al.'s ImageNet family), resnet20, resnet32, resnet44, resnet56, resnet110 (the CIFAR \
            family), and plain twins such as plain20 or plain18. The model is built for the data's image \
            size, channels and class count.
            Data: synthetic (hand signs made on the fly), a SIGNS .h5 file or folder, a Keras-style .npz, \
            an MNIST IDX folder or a CIFAR-10 binary folder.
            """)

    @Option(help: "The model to train.")
    var model = "resnet50"
    @Option(help: "`synthetic`, or the path of a data set.")
    var data = "synthetic"
    @Option(help: "Passes over the training images.")
    var epochs = 10
    @Option(help: "Images per training step.")
    var batchSize = 32
    @Option(help: "Adam's initial learning rate; it decays to 0 along a cosine over the run.")
    var learningRate = 0.001
    @Option(help: "Seed of the weights and of the shuffling, for runs that repeat exactly.")
    var seed = 0
    @Option(help: "Write the trained weights here (safetensors, named layer/weight).")
    var save: String?

    func run() throws {
        guard epochs >= 0, batchSize > 0, learningRate > 0 else {
            throw ValidationError("--epochs must not be negative, --batch-size and --learning-rate must be positive")
        }
        let dataSet = try DataSet.load(path: data)
        guard dataSet.train.count > 0 else {
            throw ValidationError("\(dataSet.name) has no training images; give a file or folder with a training split")
        }
        setRandomSeed(seed)
        let network = try namedModel(model, inputShape: dataSet.imageShape, classes: dataSet.classCount)
        print("Training \(network.name) (\(network.countParams()) parameters) on \(dataSet.name): "
              + "\(dataSet.train.count) training and \(dataSet.test.count) test images of \(dataSet.imageShape), "
              + "\(dataSet.classCount) classes")
        // A cosine decay over the whole run (Keras' CosineDecay): big steps early, small ones at
        // the end, so that the last epochs settle instead of bouncing around at the initial rate.
        let steps = (dataSet.train.count + batchSize - 1) / batchSize
        let schedule = LearningRateSchedule.cosineDecay(initial: learningRate, decaySteps: max(steps * epochs, 1))
        try network.compile(optimizer: try Adam(schedule: schedule), loss: .categoricalCrossentropy,
                            metrics: [.accuracy])
        try network.fit(x: dataSet.train.images, y: try dataSet.trainOneHotLabels(), batchSize: batchSize,
                        epochs: epochs, seed: seed)
        if dataSet.test.count > 0 {
            let result = try network.evaluate(x: dataSet.test.images, y: try dataSet.testOneHotLabels(), batchSize: batchSize)
            print(String(format: "Test loss: %.4f", result["loss"] ?? .nan))
            print(String(format: "Test accuracy: %.4f", result["accuracy"] ?? .nan))
        }
        if let save {
            let weights = try SafeTensors(tensors: network.weights.map { ($0.path, $0.value) }, metadata: [
                "model": model, "input_shape": dataSet.imageShape.map(String.init).joined(separator: ","),
                "classes": String(dataSet.classCount),
            ])
            try weights.write(to: URL(fileURLWithPath: (save as NSString).expandingTildeInPath))
            print("Saved the weights to \(save)")
        }
    }
}
