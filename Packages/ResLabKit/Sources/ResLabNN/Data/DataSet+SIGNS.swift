import Foundation

extension DataSet {
    /// The file names of the course's SIGNS data set.
    static let signsFileNames = ["train_signs.h5", "test_signs.h5"]

    /// What one SIGNS HDF5 file holds: either split or both, and the class list if present.
    struct SignsContent {
        var train: LabelledImages?
        var test: LabelledImages?
        var classes: [Int64]?
    }

    /// A data set from the course's SIGNS HDF5 files, given one file, or a folder holding
    /// `train_signs.h5` and/or `test_signs.h5`.
    ///
    /// Given `train_signs.h5` or `test_signs.h5`, the other is read too when it sits beside it.
    /// A file holds `train_set_x` and `train_set_y`, or `test_set_x` and `test_set_y` (or all
    /// four), and may hold `list_classes`. Images are `[count, height, width, channels]` unsigned
    /// bytes, divided by 255 (float images are taken as they are); labels are `[count]` integers
    /// (`[count, 1]` and `[1, count]` too), each an index into `list_classes`, whose values name the
    /// classes. Without `list_classes` the classes are numbered up to the largest label.
    static func loadSIGNS(_ url: URL) throws -> DataSet {
        var files: [URL]
        if DataFile.isDirectory(url) {
            files = signsFileNames.map { url.appendingPathComponent($0) }.filter(DataFile.isFile)
            guard !files.isEmpty else {
                throw DataError.cannotRead(file: url.lastPathComponent, reason: "the folder holds neither "
                    + "train_signs.h5 nor test_signs.h5")
            }
        } else {
            files = [url]
            if let index = signsFileNames.firstIndex(of: url.lastPathComponent) {
                let partner = url.deletingLastPathComponent().appendingPathComponent(signsFileNames[1 - index])
                if DataFile.isFile(partner) { files.append(partner) }
            }
        }
        let contents = try files.map { try signsContent(DataFile.readBytes($0), file: $0.lastPathComponent) }
        let name = files.count == 1 ? files[0].lastPathComponent : "SIGNS (\(files.map(\.lastPathComponent).joined(separator: ", ")))"
        return try signsDataSet(contents, files: files.map(\.lastPathComponent), name: name)
    }

    /// Combines the content of one or two SIGNS files into a data set.
    static func signsDataSet(_ contents: [SignsContent], files: [String], name: String) throws -> DataSet {
        var train: LabelledImages?, test: LabelledImages?, classes: [Int64]?
        for (content, file) in zip(contents, files) {
            if let part = content.train {
                guard train == nil else { throw DataError.corrupt(file: file, reason: "the training set appears in two files") }
                train = part
            }
            if let part = content.test {
                guard test == nil else { throw DataError.corrupt(file: file, reason: "the test set appears in two files") }
                test = part
            }
            if let list = content.classes {
                guard classes == nil || classes == list else {
                    throw DataError.mislabelled(file: file, reason: "'list_classes' \(list) differs from \(classes ?? []) "
                        + "in \(files[0])")
                }
                classes = list
            }
        }
        guard let shapeSource = train ?? test else {
            throw DataError.corrupt(file: name, reason: "no dataset 'train_set_x' or 'test_set_x' in the file; "
                + "is this a SIGNS file?")
        }
        let empty = try LabelledImages.empty(imageShape: Array(shapeSource.images.shape.dropFirst()))
        let trainSplit = train ?? empty, testSplit = test ?? empty
        let classNames: [String]
        if let classes, !classes.isEmpty {
            classNames = classes.map { String($0) }
        } else {
            classNames = (0 ..< (try numberedClassCount(trainSplit.labels + testSplit.labels, file: name))).map(String.init)
        }
        return try DataSet(name: name, train: trainSplit, test: testSplit, classNames: classNames)
    }

    /// Reads the SIGNS datasets from an HDF5 file's content.
    static func signsContent(_ bytes: [UInt8], file: String) throws -> SignsContent {
        try HDF5File.withLibrary {
            let hdf5 = try HDF5File(bytes: bytes, file: file)
            var content = SignsContent()
            content.train = try signsSplit(hdf5, prefix: "train_set")
            content.test = try signsSplit(hdf5, prefix: "test_set")
            if let (shape, type) = try hdf5.datasetInfo("list_classes") {
                guard shape.count == 1, type == .unsignedByte || type == .integer else {
                    throw DataError.unsupported(file: file, reason: "'list_classes' has shape \(shape) and type \(type); "
                        + "expected a list of integers")
                }
                let count = try DataFile.checkedCount(of: shape, file: file, what: "'list_classes'")
                guard count <= maximumInferredClassCount else {
                    throw DataError.mislabelled(file: file, reason: "'list_classes' lists \(count) classes; the file is probably corrupt")
                }
                content.classes = try hdf5.readIntegers("list_classes", count: count)
            }
            if let classes = content.classes {
                for (part, dataset) in [(content.train, "train_set_y"), (content.test, "test_set_y")] {
                    if let part {
                        try checkLabels(part.labels, classCount: classes.count, file: file,
                                        what: "'\(dataset)' label")
                    }
                }
            }
            return content
        }
    }

    /// `prefix_x` and `prefix_y` as a split, nil when the file has neither.
    private static func signsSplit(_ hdf5: HDF5File, prefix: String) throws -> LabelledImages? {
        let file = hdf5.file, xName = "\(prefix)_x", yName = "\(prefix)_y"
        let xInfo = try hdf5.datasetInfo(xName), yInfo = try hdf5.datasetInfo(yName)
        guard let (xShape, xType) = xInfo else {
            if yInfo != nil { throw DataError.mislabelled(file: file, reason: "'\(yName)' has no images '\(xName)' beside it") }
            return nil
        }
        guard let (yShape, yType) = yInfo else {
            throw DataError.mislabelled(file: file, reason: "'\(xName)' has no labels '\(yName)' beside it")
        }
        guard xShape.count == 4 else {
            throw DataError.corrupt(file: file, reason: "dataset '\(xName)' has shape \(xShape); "
                + "expected [count, height, width, channels]")
        }
        let count = try DataFile.checkedCount(of: xShape, file: file, what: "dataset '\(xName)'")
        let images: Tensor
        switch xType {
        case .unsignedByte:
            images = try Pixels.unitTensor(hdf5.readBytes(xName, count: count)[...], shape: xShape, file: file)
        case .float:
            images = try Tensor(shape: xShape, scalars: hdf5.readFloats(xName, count: count))
        case .integer, .other:
            throw DataError.unsupported(file: file, reason: "dataset '\(xName)' holds \(xType); "
                + "SIGNS images are unsigned bytes")
        }
        let labelCount = yShape.reduce(1, *)
        guard yShape.count == 1 || (yShape.count == 2 && (yShape[0] == 1 || yShape[1] == 1)),
              yType == .integer || yType == .unsignedByte else {
            throw DataError.mislabelled(file: file, reason: "dataset '\(yName)' has shape \(yShape) and type \(yType); "
                + "expected a list of integer labels")
        }
        guard labelCount == xShape[0] else {
            throw DataError.mislabelled(file: file, reason: "dataset '\(yName)' has \(labelCount) labels "
                + "but '\(xName)' has \(xShape[0]) images")
        }
        let raw = try hdf5.readIntegers(yName, count: labelCount)
        if let index = raw.firstIndex(where: { $0 < 0 || $0 >= Int64(maximumInferredClassCount) }) {
            throw DataError.mislabelled(file: file, reason: "dataset '\(yName)' holds label \(raw[index]) at index \(index), "
                + "outside the classes")
        }
        return LabelledImages(images: images, labels: raw.map { Int($0) })
    }
}
