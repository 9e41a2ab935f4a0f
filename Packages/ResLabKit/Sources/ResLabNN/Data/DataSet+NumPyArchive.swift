import Foundation

extension DataSet {
    private static let kerasArrayNames = ["x_train", "y_train", "x_test", "y_test"]

    /// A data set from an `.npz` in the layout of Keras' `mnist.npz`: `x_train`, `y_train`,
    /// `x_test`, `y_test` (other members are ignored).
    ///
    /// Images are `[count, height, width]` (given one channel) or `[count, height, width,
    /// channels]`, any size. Integer pixels must lie in 0...255 and are divided by 255; float
    /// pixels are taken as they are. Labels are `[count]` or `[count, 1]` integers (or floats
    /// holding whole numbers), 0 or more; the class count is the largest label plus one and the
    /// classes are named by their numbers.
    static func loadKerasArchive(_ url: URL) throws -> DataSet {
        let file = DataFile.displayName(url)
        return try kerasDataSet(from: NumPyArchive.read(contentsOf: url), file: file)
    }

    static func kerasDataSet(from arrays: [String: NumPyArray], file: String) throws -> DataSet {
        guard let xTrain = arrays["x_train"], let yTrain = arrays["y_train"],
              let xTest = arrays["x_test"], let yTest = arrays["y_test"] else {
            let missing = kerasArrayNames.filter { arrays[$0] == nil }
            throw DataError.corrupt(file: file, reason: "the archive has no \(missing.joined(separator: ", ")); "
                + "a data set .npz holds x_train, y_train, x_test and y_test (found \(arrays.keys.sorted()))")
        }
        func split(_ x: NumPyArray, _ y: NumPyArray, _ suffix: String) throws -> LabelledImages {
            let images = try imageTensor(x, file: file, name: "x_\(suffix)")
            let labels = try labelValues(y, file: file, name: "y_\(suffix)")
            guard labels.count == images.shape[0] else {
                throw DataError.mislabelled(file: file, reason: "'y_\(suffix)' has \(labels.count) labels "
                    + "but 'x_\(suffix)' has \(images.shape[0]) images")
            }
            return LabelledImages(images: images, labels: labels)
        }
        let train = try split(xTrain, yTrain, "train"), test = try split(xTest, yTest, "test")
        let classCount = try numberedClassCount(train.labels + test.labels, file: file)
        return try DataSet(name: file, train: train, test: test, classNames: (0 ..< classCount).map(String.init))
    }

    /// `array` as NHWC images in [0, 1] (see `loadKerasArchive`).
    private static func imageTensor(_ array: NumPyArray, file: String, name: String) throws -> Tensor {
        let shape: [Int]
        switch array.shape.count {
        case 3: shape = array.shape + [1]
        case 4: shape = array.shape
        default:
            throw DataError.corrupt(file: file, reason: "'\(name)' has shape \(array.shape); images must be "
                + "[count, height, width] or [count, height, width, channels]")
        }
        _ = try DataFile.checkedCount(of: shape, file: file, what: "'\(name)'")
        let scalars: [Float]
        switch array.elements {
        case let .uint8(values):
            return try Pixels.unitTensor(values[...], shape: shape, file: file)
        case let .float32(values): scalars = values
        case let .float64(values): scalars = values.map { Float($0) }
        case .int32, .int64:
            // `integers()` never fails for integer dtypes.
            let values = array.integers() ?? []
            if let index = values.firstIndex(where: { $0 < 0 || $0 > 255 }) {
                throw DataError.corrupt(file: file, reason: "'\(name)' holds integer pixel \(values[index]) at "
                    + "index \(index); integer pixels must lie in 0...255")
            }
            scalars = values.map { Float($0) / 255 }
        }
        return try Tensor(shape: shape, scalars: scalars)
    }

    /// `array` as a list of labels (see `loadKerasArchive`).
    private static func labelValues(_ array: NumPyArray, file: String, name: String) throws -> [Int] {
        guard array.shape.count == 1 || (array.shape.count == 2 && array.shape[1] == 1) else {
            throw DataError.mislabelled(file: file, reason: "'\(name)' has shape \(array.shape); labels must be "
                + "[count] or [count, 1] class numbers (not one-hot rows)")
        }
        guard let labels = array.integers() else {
            throw DataError.mislabelled(file: file, reason: "'\(name)' holds values that are not whole numbers")
        }
        if let index = labels.firstIndex(where: { $0 < 0 }) {
            throw DataError.mislabelled(file: file, reason: "'\(name)' holds label \(labels[index]) at index \(index); "
                + "labels must be 0 or more")
        }
        return labels
    }
}
