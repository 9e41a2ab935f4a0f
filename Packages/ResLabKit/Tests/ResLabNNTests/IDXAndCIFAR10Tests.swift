import Foundation
import Testing
@testable import ResLabNN

/// MNIST IDX and CIFAR-10 binary files, built byte by byte here from the formats' descriptions
/// (IDX: LeCun et al.'s MNIST page; CIFAR-10: Krizhevsky's "binary version" notes).
@Suite struct IDXAndCIFAR10Tests {
    /// An IDX file of unsigned bytes: magic 00 00 08 rank, big-endian dimensions, values.
    static func idx(_ shape: [UInt32], _ values: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for extent in shape { bytes += [UInt8(extent >> 24), UInt8(extent >> 16 & 0xFF), UInt8(extent >> 8 & 0xFF), UInt8(extent & 0xFF)] }
        return bytes + values
    }

    /// A CIFAR-10 record whose red plane is all `red`, green plane counts 0, 1, 2, … (mod 256)
    /// and blue plane is all 255.
    static func cifarRecord(label: UInt8, red: UInt8) -> [UInt8] {
        [label] + [UInt8](repeating: red, count: 1024) + (0 ..< 1024).map { UInt8($0 % 256) } + [UInt8](repeating: 255, count: 1024)
    }

    @Test func idxImagesAndLabelsMakeASplit() throws {
        let images = Self.idx([2, 2, 3], [0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 255])
        let labels = Self.idx([2], [7, 3])
        let split = try DataSet.idxSplit(images: images, imagesFile: "train-images-idx3-ubyte",
                                         labels: labels, labelsFile: "train-labels-idx1-ubyte")
        #expect(split.images.shape == [2, 2, 3, 1])
        #expect(split.images.scalars == [0, 0.2, 0.4, 0.6, 0.8, 1, 1, 0, 0, 0, 0, 1])
        #expect(split.labels == [7, 3])
    }

    @Test func idxCountMismatchWrongTypeAndTruncationAreNamed() throws {
        let images = Self.idx([2, 1, 1], [1, 2])
        let mismatch = #expect(throws: DataError.self) {
            try DataSet.idxSplit(images: images, imagesFile: "img", labels: Self.idx([3], [0, 1, 2]), labelsFile: "lab")
        }
        #expect(mismatch?.description == "lab: 3 labels but img has 2 images")
        var floats = images
        floats[2] = 0x0D
        let type = #expect(throws: DataError.self) { try IDXFile(decoding: floats, file: "f") }
        #expect(type?.description == "f: unsupported: IDX element type float; ResLab reads unsigned-byte IDX files (type 0x08)")
        let cut = #expect(throws: DataError.self) { try IDXFile(decoding: Array(images.dropLast()), file: "c") }
        #expect(cut == .truncated(file: "c", what: "2×1×1 values", needed: 18, available: 17))
    }

    @Test func idxFolderLoadsWithNumberedClasses() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["train-images-idx3-ubyte": Self.idx([3, 1, 2], [0, 255, 255, 0, 51, 51]),
                     "train-labels-idx1-ubyte": Self.idx([3], [0, 9, 4]),
                     "t10k-images-idx3-ubyte": Self.idx([1, 1, 2], [255, 255]),
                     "t10k-labels-idx1-ubyte": Self.idx([1], [1])]
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let set = try DataSet.load(path: folder.path)
        #expect(set.train.images.shape == [3, 1, 2, 1] && set.test.images.shape == [1, 1, 2, 1])
        #expect(set.classNames == (0 ..< 10).map(String.init))
        #expect(set.test.images.scalars == [1, 1])
        // Naming one of the files reads the whole folder.
        #expect(try DataSet.load(path: folder.appendingPathComponent("t10k-labels-idx1-ubyte").path).train.count == 3)
    }

    @Test func gzippedIDXFilesAskForGunzip() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x1F, 0x8B]).write(to: folder.appendingPathComponent("train-images-idx3-ubyte.gz"))
        let error = #expect(throws: DataError.self) { try DataSet.load(path: folder.path) }
        #expect(error?.description == "train-images-idx3-ubyte.gz: unsupported: ResLab reads IDX files uncompressed; "
            + "run gunzip on the .gz files first")
    }

    @Test func cifarPlanesBecomeInterleavedPixels() throws {
        let batch = try DataSet.cifar10Batch(Self.cifarRecord(label: 3, red: 51) + Self.cifarRecord(label: 9, red: 0),
                                             file: "data_batch_1.bin")
        #expect(batch.images.shape == [2, 32, 32, 3] && batch.labels == [3, 9])
        // Pixel (row 0, column 5) of image 0: red 51, green 5 (its position in the plane), blue 255.
        #expect(Array(batch.images.scalars[15 ..< 18]) == [Float(51) / 255, Float(5) / 255, 1])
        // Pixel (row 31, column 31) of image 1: position 1023, green 1023 % 256 = 255.
        let last = 2 * 32 * 32 * 3 - 3
        #expect(Array(batch.images.scalars[last ..< last + 3]) == [0, 1, 1])
    }

    @Test func cifarBadLabelAndTruncationAreNamed() throws {
        let bad = #expect(throws: DataError.self) { try DataSet.cifar10Batch(Self.cifarRecord(label: 10, red: 0), file: "test_batch.bin") }
        #expect(bad?.description == "test_batch.bin: record 0 has label 10; CIFAR-10 labels are 0-9")
        let cut = #expect(throws: DataError.self) {
            try DataSet.cifar10Batch(Array(Self.cifarRecord(label: 1, red: 0).dropLast(100)), file: "data_batch_2.bin")
        }
        #expect(cut == .truncated(file: "data_batch_2.bin", what: "record 1 of 3073 bytes", needed: 3073, available: 2973))
    }

    @Test func cifarFolderLoadsItsBatchesAndNames() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cifarRecord(label: 0, red: 1)).write(to: folder.appendingPathComponent("data_batch_1.bin"))
        try Data(Self.cifarRecord(label: 1, red: 2) + Self.cifarRecord(label: 2, red: 3))
            .write(to: folder.appendingPathComponent("data_batch_2.bin"))
        try Data(Self.cifarRecord(label: 5, red: 4)).write(to: folder.appendingPathComponent("test_batch.bin"))
        let set = try DataSet.load(path: folder.path)
        #expect(set.train.labels == [0, 1, 2] && set.test.labels == [5])
        #expect(set.train.images.scalars[2 * 3072] == Float(3) / 255)
        #expect(set.classNames[5] == "dog")

        try Data(Self.cifarRecord(label: 0, red: 1)).write(to: folder.appendingPathComponent("data_batch_4.bin"))
        let gap = #expect(throws: DataError.self) { try DataSet.load(path: folder.path) }
        #expect(gap?.description.hasSuffix("data_batch_3.bin is missing but data_batch_4.bin is there") == true)
    }
}
