import Foundation
import Testing
@testable import ResLabNN

/// The course's SIGNS HDF5 files through libhdf5: the real test file from the shared folder, and
/// small files h5py wrote (`Fixtures/make_fixtures.py`).
@Suite struct SignsHDF5Tests {
    @Test func realTestFileLoadsAs120ImagesTwentyPerClass() throws {
        let set = try DataSet.load(path: Fixtures.signsTestFile.path)
        #expect(set.name == "test_signs.h5")
        #expect(set.test.images.shape == [120, 64, 64, 3])
        #expect(set.train.images.shape == [0, 64, 64, 3])
        #expect(set.classNames == ["0", "1", "2", "3", "4", "5"])
        for label in 0 ..< 6 { #expect(set.test.labels.filter { $0 == label }.count == 20) }
        // The first pixel as h5py reads it: [231, 224, 216], divided by 255 as the course does.
        #expect(Array(set.test.images.scalars[0 ..< 3]) == [231, 224, 216].map { Float($0) / 255 })
        #expect(set.test.images.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try set.testOneHotLabels().shape == [120, 6])
    }

    @Test func smallTrainingFileKeepsItsValuesAndLabels() throws {
        let set = try DataSet.load(path: Fixtures.url("hdf5/small_signs.h5").path)
        #expect(set.train.images.shape == [6, 8, 8, 3] && set.test.count == 0)
        // make_fixtures.py stores arange(1152) % 256 as bytes.
        #expect(set.train.images.scalars == (0 ..< 1152).map { Float($0 % 256) / 255 })
        #expect(set.train.labels == [5, 4, 3, 2, 1, 0])
    }

    @Test func partnerFilesInAFolderMakeBothSplits() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixtures.url("hdf5/small_signs.h5"), to: folder.appendingPathComponent("train_signs.h5"))
        try FileManager.default.copyItem(at: Fixtures.signsTestFile, to: folder.appendingPathComponent("test_signs.h5"))
        // The images differ in size (8×8 against 64×64), which the pair must refuse...
        #expect(throws: DataError.self) { try DataSet.load(path: folder.path) }
        // ...while a folder with the test file alone loads it.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("train_signs.h5"))
        #expect(try DataSet.load(path: folder.path).test.count == 120)
    }

    @Test func labelCountMismatchIsNamed() throws {
        let error = #expect(throws: DataError.self) { try DataSet.load(path: Fixtures.url("hdf5/mislabelled_signs.h5").path) }
        #expect(error?.description == "mislabelled_signs.h5: dataset 'test_set_y' has 3 labels but 'test_set_x' has 4 images")
    }

    @Test func labelOutsideTheClassesIsRefused() throws {
        let error = #expect(throws: DataError.self) {
            try DataSet.load(path: Fixtures.url("hdf5/label_out_of_range_signs.h5").path)
        }
        #expect(error?.description == "label_out_of_range_signs.h5: 'test_set_y' label 6 at index 1 "
            + "is outside the 6 classes 0..<6")
    }

    @Test func truncatedFileIsRefusedBeforeLibHDF5ReadsIt() throws {
        let bytes = try DataFile.readBytes(Fixtures.signsTestFile)
        let error = #expect(throws: DataError.self) {
            try DataSet.signsContent(Array(bytes.prefix(1_000_000)), file: "test_signs.h5")
        }
        #expect(error == .truncated(file: "test_signs.h5", what: "the HDF5 file (by its superblock)",
                                    needed: 1_477_712, available: 1_000_000))
    }

    @Test func damageInsideTheFileComesBackAsLibHDF5sMessage() throws {
        var bytes = try Fixtures.bytes("hdf5/small_signs.h5")
        // In this version-0 superblock, bytes 64..<72 hold the root group's object header
        // address (96); point it far past the end of the file.
        for index in 64 ..< 72 { bytes[index] = 0x7F }
        let error = #expect(throws: DataError.self) { try DataSet.signsContent(bytes, file: "small_signs.h5") }
        #expect(error?.description.hasPrefix("small_signs.h5: corrupt: libhdf5 failed opening the file") == true)
    }

    @Test func aFileThatIsNotHDF5IsRefused() throws {
        let error = #expect(throws: DataError.self) { try DataSet.signsContent(Array("not hdf5 at all".utf8), file: "x.h5") }
        #expect(error == .corrupt(file: "x.h5", reason: "not an HDF5 file: it does not start with the HDF5 signature"))
    }
}
