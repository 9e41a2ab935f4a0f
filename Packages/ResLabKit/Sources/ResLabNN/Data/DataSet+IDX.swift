import Foundation

extension DataSet {
    /// The file name prefixes of an MNIST-style IDX folder: training images and labels, test
    /// images and labels (`train-images-idx3-ubyte`, `train-images.idx3-ubyte` both match).
    static let idxPrefixes = ["train-images", "train-labels", "t10k-images", "t10k-labels"]

    /// Whether the folder holds IDX files by their usual names, compressed or not.
    static func looksLikeIDXFolder(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains { name in idxPrefixes.contains { name.hasPrefix($0) } }
    }

    /// A data set from an MNIST-style folder of IDX files (or one of them: its folder is read).
    ///
    /// The training split comes from `train-images…` and `train-labels…`, the test split from
    /// `t10k-images…` and `t10k-labels…`; a split whose two files are both absent is empty.
    /// Images are `[count, rows, columns]` unsigned bytes (given one channel) or `[count, rows,
    /// columns, channels]`, divided by 255; labels are `[count]` unsigned bytes. The class count
    /// is the largest label plus one (10 for MNIST), the classes named by their numbers.
    static func loadIDX(_ url: URL) throws -> DataSet {
        let folder = DataFile.isDirectory(url) ? url : url.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func find(_ prefix: String) throws -> URL? {
            let matches = names.filter { $0.hasPrefix(prefix) }.sorted()
            if let plain = matches.first(where: { !$0.hasSuffix(".gz") }) { return folder.appendingPathComponent(plain) }
            if let compressed = matches.first {
                throw DataError.unsupported(file: compressed, reason: "ResLab reads IDX files uncompressed; "
                    + "run gunzip on the .gz files first")
            }
            return nil
        }
        let files = try idxPrefixes.map(find)
        func split(_ images: URL?, _ labels: URL?, _ role: String) throws -> LabelledImages? {
            switch (images, labels) {
            case (nil, nil): return nil
            case let (images?, labels?):
                return try idxSplit(images: DataFile.readBytes(images), imagesFile: images.lastPathComponent,
                                    labels: DataFile.readBytes(labels), labelsFile: labels.lastPathComponent)
            case let (images?, nil):
                throw DataError.cannotRead(file: folder.lastPathComponent, reason: "the \(role) images "
                    + "\(images.lastPathComponent) have no labels file beside them")
            case let (nil, labels?):
                throw DataError.cannotRead(file: folder.lastPathComponent, reason: "the \(role) labels "
                    + "\(labels.lastPathComponent) have no images file beside them")
            }
        }
        let train = try split(files[0], files[1], "training"), test = try split(files[2], files[3], "test")
        return try idxDataSet(train: train, test: test, name: folder.lastPathComponent)
    }

    /// One split from the content of an images file and a labels file.
    static func idxSplit(images: [UInt8], imagesFile: String, labels: [UInt8], labelsFile: String) throws -> LabelledImages {
        let imageFile = try IDXFile(decoding: images, file: imagesFile)
        let labelFile = try IDXFile(decoding: labels, file: labelsFile)
        let shape: [Int]
        switch imageFile.shape.count {
        case 3: shape = imageFile.shape + [1]
        case 4: shape = imageFile.shape
        default:
            throw DataError.corrupt(file: imagesFile, reason: "the images have dimensions \(imageFile.shape); "
                + "expected [count, rows, columns] or [count, rows, columns, channels]")
        }
        guard labelFile.shape.count == 1 else {
            throw DataError.mislabelled(file: labelsFile, reason: "the labels have dimensions \(labelFile.shape); expected [count]")
        }
        guard labelFile.shape[0] == shape[0] else {
            throw DataError.mislabelled(file: labelsFile, reason: "\(labelFile.shape[0]) labels but "
                + "\(imagesFile) has \(shape[0]) images")
        }
        return LabelledImages(images: try Pixels.unitTensor(imageFile.values, shape: shape, file: imagesFile),
                              labels: labelFile.values.map { Int($0) })
    }

    /// The data set of up to two IDX splits, with numbered classes.
    static func idxDataSet(train: LabelledImages?, test: LabelledImages?, name: String) throws -> DataSet {
        guard let shapeSource = train ?? test else {
            throw DataError.cannotRead(file: name, reason: "the folder holds no IDX files "
                + "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)")
        }
        let empty = try LabelledImages.empty(imageShape: Array(shapeSource.images.shape.dropFirst()))
        let trainSplit = train ?? empty, testSplit = test ?? empty
        let classCount = try numberedClassCount(trainSplit.labels + testSplit.labels, file: name)
        return try DataSet(name: name, train: trainSplit, test: testSplit, classNames: (0 ..< classCount).map(String.init))
    }
}
