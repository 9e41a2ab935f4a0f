import Foundation
import Testing
@testable import ResLabNN

/// `.npy` and `.npz` against files numpy wrote (`Fixtures/make_fixtures.py`); the expected values
/// are the ones that script stores.
@Suite struct NumPyTests {
    @Test func readsEveryDTypeNumPyWrote() throws {
        let f4 = try NumPyArray.read(contentsOf: Fixtures.url("npy/f4_2x3.npy"))
        #expect(f4.shape == [2, 3])
        #expect(f4.elements == .float32([0, 0.25, 0.5, 0.75, 1, 1.25]))
        #expect(try NumPyArray.read(contentsOf: Fixtures.url("npy/f8_3.npy")).elements == .float64([0.5, -1.25, 1e-3]))
        #expect(try NumPyArray.read(contentsOf: Fixtures.url("npy/u1_2x2.npy")).elements == .uint8([0, 1, 254, 255]))
        #expect(try NumPyArray.read(contentsOf: Fixtures.url("npy/i8_4.npy")).elements == .int64([-3, 0, 7, 1 << 40]))
        let i4 = try NumPyArray.read(contentsOf: Fixtures.url("npy/i4_2x2.npy"))
        #expect(i4.shape == [2, 2] && i4.elements == .int32([-1, 2, 3, -4]))
        let scalar = try NumPyArray.read(contentsOf: Fixtures.url("npy/f4_scalar.npy"))
        #expect(scalar.shape == [] && scalar.elements == .float32([2.5]))
        let empty = try NumPyArray.read(contentsOf: Fixtures.url("npy/f4_empty.npy"))
        #expect(empty.shape == [0, 3] && empty.count == 0)
    }

    @Test func readsVersion2Headers() throws {
        let array = try NumPyArray.read(contentsOf: Fixtures.url("npy/v2_f4.npy"))
        #expect(array.shape == [2] && array.elements == .float32([1.5, 2.5]))
    }

    @Test func refusesFortranOrderBigEndianAndOtherDTypesClearly() throws {
        let fortran = #expect(throws: DataError.self) { try NumPyArray.read(contentsOf: Fixtures.url("npy/fortran_f4.npy")) }
        #expect(fortran?.description == "fortran_f4.npy: unsupported: the array is stored in Fortran order; "
            + "save it with numpy.ascontiguousarray(a) first")
        let bigEndian = #expect(throws: DataError.self) { try NumPyArray.read(contentsOf: Fixtures.url("npy/big_endian_f4.npy")) }
        #expect(bigEndian?.description.hasPrefix("big_endian_f4.npy: unsupported: dtype '>f4'") == true)
        let bool = #expect(throws: DataError.self) { try NumPyArray.read(contentsOf: Fixtures.url("npy/bool.npy")) }
        #expect(bool?.description.hasPrefix("bool.npy: unsupported: dtype '|b1'") == true)
    }

    /// ResLab's `.npy` bytes are numpy's bytes for the same array, header padding included.
    @Test func writesTheBytesNumPyWrites() throws {
        let f4 = try NumPyArray(shape: [2, 3], elements: .float32([0, 0.25, 0.5, 0.75, 1, 1.25]))
        #expect(f4.npyBytes() == (try Fixtures.bytes("npy/f4_2x3.npy")))
        let u1 = try NumPyArray(shape: [2, 2], elements: .uint8([0, 1, 254, 255]))
        #expect(u1.npyBytes() == (try Fixtures.bytes("npy/u1_2x2.npy")))
        let i8 = try NumPyArray(shape: [4], elements: .int64([-3, 0, 7, 1 << 40]))
        #expect(i8.npyBytes() == (try Fixtures.bytes("npy/i8_4.npy")))
        let scalar = try NumPyArray(shape: [], elements: .float32([2.5]))
        #expect(scalar.npyBytes() == (try Fixtures.bytes("npy/f4_scalar.npy")))
    }

    @Test func tensorRoundTripsThroughAFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tensor = try Tensor(shape: [2, 1, 3], scalars: [1, -2, 3.5, .infinity, 0, -0.125])
        let url = folder.appendingPathComponent("t.npy")
        try NumPyArray(tensor).write(to: url)
        let back = try NumPyArray.read(contentsOf: url).tensor()
        #expect(back.shape == [2, 1, 3] && back.scalars == tensor.scalars)
    }

    @Test func refusesATruncatedArrayNamingWhatIsCut() throws {
        var bytes = try Fixtures.bytes("npy/f4_2x3.npy")
        bytes.removeLast(3)
        let error = #expect(throws: DataError.self) { try NumPyArray(npyBytes: bytes[...], file: "cut.npy") }
        #expect(error == .truncated(file: "cut.npy", what: "an array of shape [2, 3] and dtype <f4", needed: 152, available: 149))
    }

    @Test func refusesAHeaderThatIsNotADictionary() throws {
        var bytes = try Fixtures.bytes("npy/f4_2x3.npy")
        bytes[10] = UInt8(ascii: "[")
        let error = #expect(throws: DataError.self) { try NumPyArray(npyBytes: bytes[...], file: "bad.npy") }
        #expect(error?.description.hasPrefix("bad.npy: corrupt: the .npy header is not a valid dictionary at character 0") == true)
    }

    @Test func readsStoredAndDeflatedArchives() throws {
        for name in ["keras_stored.npz", "keras_deflated.npz"] {
            let arrays = try NumPyArchive.read(contentsOf: Fixtures.url("npz/\(name)"))
            #expect(arrays.keys.sorted() == ["x_test", "x_train", "y_test", "y_train"])
            #expect(arrays["x_train"]?.shape == [6, 5, 4])
            #expect(arrays["x_train"]?.elements == .uint8((0 ..< 120).map { UInt8($0) }))
            #expect(arrays["y_test"]?.elements == .uint8([2, 1, 0]))
        }
    }

    @Test func kerasArchiveIsACompleteDataSet() throws {
        for name in ["keras_stored.npz", "keras_deflated.npz"] {
            let set = try DataSet.load(path: Fixtures.url("npz/\(name)").path)
            #expect(set.name == name)
            #expect(set.train.images.shape == [6, 5, 4, 1])
            #expect(set.test.images.shape == [3, 5, 4, 1])
            #expect(set.train.images.scalars == (0 ..< 120).map { Float($0) / 255 })
            #expect(set.test.images.scalars.first == 1 && set.test.images.scalars.last == Float(196) / 255)
            #expect(set.train.labels == [0, 1, 2, 0, 1, 2] && set.test.labels == [2, 1, 0])
            #expect(set.classNames == ["0", "1", "2"])
        }
    }

    @Test func colourFloatArchiveKeepsItsPixelsAndFlattensColumnLabels() throws {
        let set = try DataSet.load(path: Fixtures.url("npz/rgb_float.npz").path)
        #expect(set.imageShape == [3, 2, 3])
        #expect(set.train.images.scalars[5] == Float(5) / 100)
        #expect(set.train.labels == [3, 0, 1] && set.test.labels == [2])
        #expect(set.classCount == 4)
    }

    @Test func archiveWithoutTheTestArraysIsRefused() throws {
        let error = #expect(throws: DataError.self) { try DataSet.load(path: Fixtures.url("npz/no_test.npz").path) }
        #expect(error?.description == "no_test.npz: corrupt: the archive has no x_test, y_test; a data set .npz holds "
            + "x_train, y_train, x_test and y_test (found [\"x_train\", \"y_train\"])")
    }
}
