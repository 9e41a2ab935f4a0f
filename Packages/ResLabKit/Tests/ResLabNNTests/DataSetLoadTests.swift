import Foundation
import Testing
@testable import ResLabNN

/// `DataSet.load(path:)` picks the reader by what the path is, and says what it expected when the
/// path is none of the formats. (Each reader's own results are tested beside the reader.)
@Suite struct DataSetLoadTests {
    @Test func picksTheReaderByContentNotByExtension() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hdf5 = folder.appendingPathComponent("signs.data"), zip = folder.appendingPathComponent("mnist.data")
        try FileManager.default.copyItem(at: Fixtures.url("hdf5/small_signs.h5"), to: hdf5)
        try FileManager.default.copyItem(at: Fixtures.url("npz/keras_stored.npz"), to: zip)
        #expect(try DataSet.load(path: hdf5.path).train.images.shape == [6, 8, 8, 3])
        #expect(try DataSet.load(path: zip.path).train.images.shape == [6, 5, 4, 1])
    }

    @Test func missingUnknownAndSingleArrayPathsAreExplained() throws {
        let missing = #expect(throws: DataError.self) { try DataSet.load(path: "/no/such/place.h5") }
        #expect(missing == .cannotRead(file: "/no/such/place.h5", reason: "no such file or folder"))

        let unknown = #expect(throws: DataError.self) { try DataSet.load(path: Fixtures.url("make_fixtures.py").path) }
        #expect(unknown?.description.hasPrefix("make_fixtures.py: not a data set ResLab reads") == true)

        let single = #expect(throws: DataError.self) { try DataSet.load(path: Fixtures.url("npy/f4_2x3.npy").path) }
        #expect(single?.description.hasPrefix("f4_2x3.npy: a .npy file holds a single array, not a data set") == true)

        let folder = #expect(throws: DataError.self) { try DataSet.load(path: Fixtures.url("npy").path) }
        #expect(folder?.description.hasPrefix("npy: the folder holds no data set ResLab knows") == true)
    }

    @Test func inconsistentSetsAreRefusedByTheModel() throws {
        let images = try Tensor(shape: [2, 1, 1, 1], scalars: [0, 1])
        #expect(throws: DataError.mislabelled(file: "mine", reason: "there are 3 training labels but 2 training images")) {
            try DataSet(name: "mine", train: LabelledImages(images: images, labels: [0, 1, 1]),
                        test: LabelledImages(images: images, labels: [0, 1]), classNames: ["a", "b"])
        }
        #expect(throws: DataError.mislabelled(file: "mine", reason: "test label 2 at index 1 is outside the 2 classes 0..<2")) {
            try DataSet(name: "mine", train: LabelledImages(images: images, labels: [0, 1]),
                        test: LabelledImages(images: images, labels: [0, 2]), classNames: ["a", "b"])
        }
        let wide = try Tensor(shape: [2, 1, 2, 1], scalars: [0, 1, 2, 3])
        #expect(throws: DataError.corrupt(file: "mine", reason: "training images are [1, 1, 1] but test images are [1, 2, 1]")) {
            try DataSet(name: "mine", train: LabelledImages(images: images, labels: [0, 1]),
                        test: LabelledImages(images: wide, labels: [0, 1]), classNames: ["a", "b"])
        }
    }
}
