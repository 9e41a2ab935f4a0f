import CHDF5
import Foundation

/// A read-only HDF5 file opened from bytes in memory through libhdf5, with its failures turned
/// into `DataError`s.
///
/// libhdf5 as Debian builds it is not thread-safe, and it prints its error stack to standard
/// error by default: every call goes through `HDF5File.withLibrary`, which holds one process-wide
/// lock and has switched the printing off (`H5Eset_auto2`). The file is opened from an image in
/// memory (the core driver with `H5Pset_file_image`), so that the same code reads a file on disk
/// and a mutated copy in a test.
///
/// Before libhdf5 sees the bytes, `checkSuperblock` verifies the signature and that the file is
/// as long as its superblock says, which refuses the commonest damage (a file cut short) with a
/// plain message. Damage deeper in the file is left to libhdf5's own checks; the residual risk is
/// that a crafted file reaches a libhdf5 bug (its CVE history is in the object-header and B-tree
/// parsers), which no check made here can exclude.
final class HDF5File {
    private let id: hid_t
    let file: String

    /// Opens the HDF5 file whose content is `bytes`. Call only inside `withLibrary`.
    init(bytes: [UInt8], file: String) throws {
        self.file = file
        try Self.checkSuperblock(bytes, file: file)
        let access = H5Pcreate(H5P_CLS_FILE_ACCESS_ID_g)
        guard access >= 0 else { throw Self.failure(file: file, doing: "creating a file access list") }
        defer { H5Pclose(access) }
        guard H5Pset_fapl_core(access, 1 << 16, false) >= 0,
              bytes.withUnsafeBytes({ H5Pset_file_image(access, UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }) >= 0
        else { throw Self.failure(file: file, doing: "loading the file into memory") }
        let opened = H5Fopen(file, 0 /* H5F_ACC_RDONLY */, access)
        guard opened >= 0 else { throw Self.failure(file: file, doing: "opening the file") }
        id = opened
    }

    deinit { H5Fclose(id) }

    /// Runs `body` holding the lock every libhdf5 call needs, with error printing off.
    static func withLibrary<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if !initialized {
            guard H5open() >= 0 else { throw DataError.cannotRead(file: "libhdf5", reason: "the library failed to start") }
            initialized = true
        }
        // libhdf5 would print every error stack to standard error; ResLab reports them itself.
        // Debian builds it thread-safe, where this setting belongs to the calling thread, so it is
        // made on every entry rather than once.
        H5Eset_auto2(0 /* H5E_DEFAULT */, nil, nil)
        return try body()
    }

    nonisolated(unsafe) private static var initialized = false
    private static let lock = NSLock()

    /// What the file holds under `name`: its dimensions and element type, or nil when there is
    /// no such dataset.
    func datasetInfo(_ name: String) throws -> (shape: [Int], type: ElementType)? {
        guard H5Lexists(id, name, 0) > 0 else {
            H5Eclear2(0)
            return nil
        }
        let dataset = try open(name)
        defer { H5Dclose(dataset) }
        return (try shape(of: dataset, name: name), try elementType(of: dataset, name: name))
    }

    /// The kinds of element ResLab reads.
    enum ElementType: Equatable, CustomStringConvertible {
        case unsignedByte
        /// Any other integer, read as Int64.
        case integer
        case float
        /// Strings, compounds, references and the like.
        case other(String)

        var description: String {
            switch self {
            case .unsignedByte: return "unsigned bytes"
            case .integer: return "integers"
            case .float: return "floats"
            case let .other(kind): return kind
            }
        }
    }

    /// The dataset `name` as unsigned bytes (libhdf5 converts other integer types, clipping).
    func readBytes(_ name: String, count: Int) throws -> [UInt8] {
        var values = [UInt8](repeating: 0, count: count)
        try read(name, into: &values, memoryType: H5T_NATIVE_UINT8_g)
        return values
    }

    /// The dataset `name` as Int64 values.
    func readIntegers(_ name: String, count: Int) throws -> [Int64] {
        var values = [Int64](repeating: 0, count: count)
        try read(name, into: &values, memoryType: H5T_NATIVE_INT64_g)
        return values
    }

    /// The dataset `name` as Float32 values.
    func readFloats(_ name: String, count: Int) throws -> [Float] {
        var values = [Float](repeating: 0, count: count)
        try read(name, into: &values, memoryType: H5T_NATIVE_FLOAT_g)
        return values
    }

    private func read<T>(_ name: String, into values: inout [T], memoryType: hid_t) throws {
        let dataset = try open(name)
        defer { H5Dclose(dataset) }
        // The caller sized `values` from this dataset's shape; check again so that the read can
        // never write past the buffer.
        guard try shape(of: dataset, name: name).reduce(1, *) == values.count else {
            throw DataError.corrupt(file: file, reason: "dataset '\(name)' changed size while reading")
        }
        let status = values.withUnsafeMutableBytes { H5Dread(dataset, memoryType, 0, 0, 0, $0.baseAddress) }
        guard status >= 0 else { throw Self.failure(file: file, doing: "reading dataset '\(name)'") }
    }

    private func open(_ name: String) throws -> hid_t {
        let dataset = H5Dopen2(id, name, 0)
        guard dataset >= 0 else { throw Self.failure(file: file, doing: "opening dataset '\(name)'") }
        return dataset
    }

    private func shape(of dataset: hid_t, name: String) throws -> [Int] {
        let space = H5Dget_space(dataset)
        guard space >= 0 else { throw Self.failure(file: file, doing: "reading the shape of '\(name)'") }
        defer { H5Sclose(space) }
        let rank = H5Sget_simple_extent_ndims(space)
        guard rank >= 0, rank <= 32 else { throw Self.failure(file: file, doing: "reading the rank of '\(name)'") }
        var dimensions = [hsize_t](repeating: 0, count: Int(rank))
        guard H5Sget_simple_extent_dims(space, &dimensions, nil) >= 0 else {
            throw Self.failure(file: file, doing: "reading the dimensions of '\(name)'")
        }
        var shape: [Int] = []
        for extent in dimensions {
            guard extent <= UInt64(Int.max) else {
                throw DataError.corrupt(file: file, reason: "dataset '\(name)' has an impossible dimension \(extent)")
            }
            shape.append(Int(extent))
        }
        return shape
    }

    private func elementType(of dataset: hid_t, name: String) throws -> ElementType {
        let type = H5Dget_type(dataset)
        guard type >= 0 else { throw Self.failure(file: file, doing: "reading the type of '\(name)'") }
        defer { H5Tclose(type) }
        switch H5Tget_class(type) {
        case H5T_INTEGER:
            return H5Tget_size(type) == 1 && H5Tget_sign(type) == H5T_SGN_NONE ? .unsignedByte : .integer
        case H5T_FLOAT: return .float
        case H5T_STRING: return .other("strings")
        case H5T_COMPOUND: return .other("compound records")
        default: return .other("a non-numeric type")
        }
    }

    /// A `DataError` for a failed libhdf5 call, with libhdf5's most specific message.
    private static func failure(file: String, doing what: String) -> DataError {
        var detail: String?
        let walker: H5E_walk2_t = { _, error, clientData in
            guard let error, let clientData, let description = error.pointee.desc else { return 0 }
            let box = clientData.assumingMemoryBound(to: String?.self)
            if box.pointee == nil, description.pointee != 0 { box.pointee = String(cString: description) }
            return 0
        }
        _ = withUnsafeMutablePointer(to: &detail) { H5Ewalk2(0, H5E_WALK_UPWARD, walker, $0) }
        H5Eclear2(0)
        return .corrupt(file: file, reason: "libhdf5 failed \(what)" + (detail.map { ": \($0)" } ?? ""))
    }

    /// Refuses bytes that are not HDF5, or that end before the end-of-file address the superblock
    /// records (a file cut short in a copy). Superblock layouts from the HDF5 file format
    /// specification, versions 0 to 3; a superblock after a user block is not searched for.
    static func checkSuperblock(_ bytes: [UInt8], file: String) throws {
        let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 8, Array(bytes[0 ..< 8]) == signature else {
            throw DataError.corrupt(file: file, reason: "not an HDF5 file: it does not start with the HDF5 signature")
        }
        var reader = ByteReader(bytes, file: file)
        _ = try reader.slice(8, for: "the HDF5 signature")
        let version = try reader.uint8("the superblock version")
        let offsetSize: Int
        switch version {
        case 0, 1:
            _ = try reader.slice(4, for: "the superblock")
            offsetSize = Int(try reader.uint8("the superblock's size of offsets"))
            _ = try reader.slice(1 + 1 + 4 + 4 + (version == 1 ? 4 : 0), for: "the superblock")
        case 2, 3:
            offsetSize = Int(try reader.uint8("the superblock's size of offsets"))
            _ = try reader.slice(2, for: "the superblock")
        default:
            throw DataError.unsupported(file: file, reason: "HDF5 superblock version \(version)")
        }
        guard [2, 4, 8].contains(offsetSize) else {
            throw DataError.corrupt(file: file, reason: "the superblock's size of offsets is \(offsetSize) (2, 4 or 8 expected)")
        }
        func address(_ what: String) throws -> UInt64 {
            let slice = try reader.slice(offsetSize, for: what)
            return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        let base = try address("the superblock's base address")
        _ = try address("the superblock")
        let endOfFile = try address("the superblock's end-of-file address")
        let undefined = offsetSize == 8 ? UInt64.max : (UInt64(1) << (8 * offsetSize)) - 1
        guard endOfFile != undefined, base != undefined else { return }
        let (needed, overflow) = base.addingReportingOverflow(endOfFile)
        if overflow || needed > UInt64(bytes.count) {
            throw DataError.truncated(file: file, what: "the HDF5 file (by its superblock)",
                                      needed: overflow ? Int.max : Int(clamping: needed), available: bytes.count)
        }
    }
}
