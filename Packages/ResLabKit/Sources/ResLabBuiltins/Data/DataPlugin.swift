import Foundation
import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// The built-in plugin `data`: data sets (`DataSet.synthetic(…)`, `DataSet.load(path:)`, their
/// images and labels, one-hot labels) and tensors as NumPy files (`Tensor(npy:)`,
/// `x.save(npy:)`). Every path goes through the host's `FileAccessPolicy`; `DataSet.load(path:)`
/// tries the data set readers plugins registered before the built-in formats. Needs the `engine`
/// plugin installed first.
public final class DataPlugin: ResLabPlugin {
    public let name = "data"
    public let version = "1.0.0"
    private let fileAccess: FileAccessPolicy
    private let readers: () -> [DataSetReader]

    /// - Parameters:
    ///   - fileAccess: the gate every path goes through.
    ///   - readers: the data set readers plugins registered (read at each load, so that a plugin
    ///     loaded later counts too).
    public init(fileAccess: FileAccessPolicy = FileAccessPolicy(), readers: @escaping () -> [DataSetReader] = { [] }) {
        self.fileAccess = fileAccess
        self.readers = readers
    }

    public func register(with registrar: PluginRegistrar) throws {
        try registerDataSets(with: registrar)
        try registerNumPyFiles(with: registrar)
    }

    private func registerDataSets(with registrar: PluginRegistrar) throws {
        let fileAccess = self.fileAccess
        let readers = self.readers
        let registry = registrar.registry
        let dataSets = try registrar.defineType(DataSet.self, name: "DataSet",
                                                doc: "Labelled images split into training and test sets (NHWC, pixels in [0, 1]).")
        func tensor(_ value: Tensor) throws -> Value { try TensorBinding.value(value, registry: registry) }
        dataSets
            .staticMethod("synthetic", [.init("imageSize", .int, default: .int(64)), .init("trainPerClass", .int, default: .int(180)),
                                        .init("testPerClass", .int, default: .int(20)), .init("seed", .int, default: .int(0))],
                          doc: "Synthetic hand signs (0–5 raised fingers), like the course's SIGNS set, made in memory from the seed.") { args, _ in
                dataSets.wrap(try DataSet.syntheticHandSigns(imageSize: try args.int(0), trainPerClass: try args.int(1),
                                                             testPerClass: try args.int(2), seed: try args.int(3)))
            }
            .staticMethod("load", [.init("path", .string)],
                          doc: "A data set from a file or folder: SIGNS .h5, Keras-style .npz, MNIST IDX, CIFAR-10 binary, or \"synthetic\".") { args, _ in
                let path = try args.string(0)
                if path == DataSet.syntheticSourceName { return dataSets.wrap(try DataSet.syntheticHandSigns()) }
                let url = try fileAccess.authorize(path, .read)
                if let reader = readers().first(where: { $0.canRead(url) }) { return dataSets.wrap(try reader.read(url)) }
                return dataSets.wrap(try DataSet.load(path: url.path))
            }
            .staticMethod("oneHot", [.init("_", .array(.int), name: "labels"), .init("classCount", .int)], returns: tensorType,
                          doc: "One row per label with 1 in the label's column (Keras' to_categorical).") { args, _ in
                try tensor(try DataSet.oneHot(try args.ints(0), classCount: try args.int(1)))
            }
            .property("name", .string, doc: "Where the data came from.") { .string($0.name) }
            .property("classNames", .array(.string), doc: "The name of each class, by label.") { .array($0.classNames.map(Value.string)) }
            .property("classCount", .int, doc: "The number of classes.") { .int($0.classCount) }
            .property("imageShape", .array(.int), doc: "[height, width, channels] of one image.") { .array($0.imageShape.map(Value.int)) }
            .property("trainImages", tensorType, doc: "The training images, [n, height, width, channels].") { try tensor($0.train.images) }
            .property("trainLabels", .array(.int), doc: "The training labels, class indices.") { .array($0.train.labels.map(Value.int)) }
            .property("testImages", tensorType, doc: "The test images, [n, height, width, channels].") { try tensor($0.test.images) }
            .property("testLabels", .array(.int), doc: "The test labels, class indices.") { .array($0.test.labels.map(Value.int)) }
            .method("trainOneHotLabels", [], returns: tensorType, doc: "The training labels one-hot, [n, classCount].") { dataSet, _, _ in
                try tensor(try dataSet.trainOneHotLabels())
            }
            .method("testOneHotLabels", [], returns: tensorType, doc: "The test labels one-hot, [n, classCount].") { dataSet, _, _ in
                try tensor(try dataSet.testOneHotLabels())
            }
            .display { dataSet in
                "DataSet(\"\(dataSet.name)\": \(dataSet.train.count) training and \(dataSet.test.count) test images of "
                    + "\(dataSet.imageShape), \(dataSet.classCount) classes)"
            }
    }

    private func registerNumPyFiles(with registrar: PluginRegistrar) throws {
        let fileAccess = self.fileAccess
        try registrar.extendType(TensorValue.self, name: TensorBinding.typeName) { tensors in
            tensors
                .initializer([.init("npy", .string, name: "path")], doc: "The array in a NumPy .npy file, as Float32.") { args, _ in
                    let url = try fileAccess.authorize(try args.string(0), .read)
                    return .eager(try NumPyArray.read(contentsOf: url).tensor())
                }
                .method("save", [.init("npy", .string, name: "path")], doc: "Writes the tensor to a NumPy .npy file (<f4).") { tensor, args, _ in
                    let numbers = try TensorArgument.eager(tensor, op: "save(npy:)", parameter: "self")
                    try NumPyArray(numbers).write(to: try fileAccess.authorize(try args.string(0), .write))
                    return .void
                }
        }
    }
}
