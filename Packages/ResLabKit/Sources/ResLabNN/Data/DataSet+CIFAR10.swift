import Foundation

extension DataSet {
    /// CIFAR-10's classes, in label order, for a folder without `batches.meta.txt`.
    static let cifar10ClassNames = ["airplane", "automobile", "bird", "cat", "deer",
                                    "dog", "frog", "horse", "ship", "truck"]

    /// The bytes of one CIFAR-10 record: a label byte, then 32×32 red, green and blue planes.
    static let cifar10RecordSize = 1 + 3 * 32 * 32

    /// Whether the folder holds CIFAR-10 binary batches by their usual names.
    static func looksLikeCIFAR10Folder(_ folder: URL) -> Bool {
        ["data_batch_1.bin", "test_batch.bin"].contains {
            DataFile.isFile(folder.appendingPathComponent($0))
        }
    }

    /// A data set from CIFAR-10's binary version (`cifar-10-batches-bin`), given the folder or one
    /// of its files.
    ///
    /// Training images come from `data_batch_1.bin` … `data_batch_5.bin` (those present, with no
    /// gap in the numbering), test images from `test_batch.bin`; a missing split is empty. Each
    /// file is a run of 3073-byte records: the label (0-9), then the image as three 1024-byte
    /// planes (red, green, blue, each 32 rows of 32), turned into NHWC `[count, 32, 32, 3]` and
    /// divided by 255. Class names come from `batches.meta.txt` when it is there.
    static func loadCIFAR10(_ url: URL) throws -> DataSet {
        let folder = DataFile.isDirectory(url) ? url : url.deletingLastPathComponent()
        let name = folder.lastPathComponent
        var batches: [URL] = []
        for number in 1 ... 5 {
            let batch = folder.appendingPathComponent("data_batch_\(number).bin")
            guard DataFile.isFile(batch) else { continue }
            guard batches.count == number - 1 else {
                throw DataError.cannotRead(file: name, reason: "data_batch_\(batches.count + 1).bin is missing "
                    + "but data_batch_\(number).bin is there")
            }
            batches.append(batch)
        }
        let testURL = folder.appendingPathComponent("test_batch.bin")
        let trainParts = try batches.map { try cifar10Batch(DataFile.readBytes($0), file: $0.lastPathComponent) }
        let test = DataFile.isFile(testURL)
            ? try cifar10Batch(DataFile.readBytes(testURL), file: testURL.lastPathComponent)
            : try LabelledImages.empty(imageShape: [32, 32, 3])
        let train = try concatenate(trainParts, imageShape: [32, 32, 3], file: name)
        guard train.count + test.count > 0 else {
            throw DataError.cannotRead(file: name, reason: "the folder holds no CIFAR-10 batches "
                + "(data_batch_1.bin … data_batch_5.bin, test_batch.bin)")
        }
        return try DataSet(name: name, train: train, test: test,
                           classNames: try cifar10ClassNames(in: folder))
    }

    /// The records of one CIFAR-10 batch file's content.
    static func cifar10Batch(_ bytes: [UInt8], file: String) throws -> LabelledImages {
        let recordSize = cifar10RecordSize, planeSize = 32 * 32
        guard bytes.count % recordSize == 0 else {
            let complete = bytes.count / recordSize
            throw DataError.truncated(file: file, what: "record \(complete + 1) of 3073 bytes",
                                      needed: (complete + 1) * recordSize, available: bytes.count)
        }
        let count = bytes.count / recordSize
        let shape = [count, 32, 32, 3]
        let total = try DataFile.checkedCount(of: shape, file: file, what: "the images")
        var labels = [Int](repeating: 0, count: count)
        var scalars = [Float](repeating: 0, count: total)
        try bytes.withUnsafeBufferPointer { source in
            try scalars.withUnsafeMutableBufferPointer { pixels in
                for record in 0 ..< count {
                    let start = record &* recordSize
                    let label = Int(source[start])
                    guard label < cifar10ClassNames.count else {
                        throw DataError.mislabelled(file: file, reason: "record \(record) has label \(label); "
                            + "CIFAR-10 labels are 0-9")
                    }
                    labels[record] = label
                    // Planes (channel, row, column) become interleaved (row, column, channel).
                    let image = record &* planeSize &* 3
                    for channel in 0 ..< 3 {
                        let plane = start &+ 1 &+ channel &* planeSize
                        for position in 0 ..< planeSize {
                            pixels[image &+ position &* 3 &+ channel] = Float(source[plane &+ position]) / 255
                        }
                    }
                }
            }
        }
        return LabelledImages(images: try Tensor(shape: shape, scalars: scalars), labels: labels)
    }

    /// The splits one after the other.
    static func concatenate(_ parts: [LabelledImages], imageShape: [Int], file: String) throws -> LabelledImages {
        let count = parts.reduce(0) { $0 + $1.count }
        var scalars: [Float] = []
        scalars.reserveCapacity(try DataFile.checkedCount(of: [count] + imageShape, file: file, what: "the images"))
        for part in parts { scalars += part.images.scalars }
        return LabelledImages(images: try Tensor(shape: [count] + imageShape, scalars: scalars),
                              labels: parts.flatMap(\.labels))
    }

    /// The ten names in `batches.meta.txt` (one a line), or the usual ones without it.
    private static func cifar10ClassNames(in folder: URL) throws -> [String] {
        let meta = folder.appendingPathComponent("batches.meta.txt")
        guard DataFile.isFile(meta) else { return cifar10ClassNames }
        let text = String(decoding: try DataFile.readBytes(meta), as: UTF8.self)
        let names = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard names.count == cifar10ClassNames.count else {
            throw DataError.corrupt(file: "batches.meta.txt", reason: "it names \(names.count) classes; CIFAR-10 has 10")
        }
        return names
    }
}
