import Foundation

/// The `.npy` format, as `numpy.lib.format` defines it:
///
///     offset 0   6 bytes   magic "\x93NUMPY"
///     offset 6   1 byte    major version (1, 2 or 3), then 1 byte minor version (0)
///     offset 8   2 bytes   header length (version 1), or 4 bytes (versions 2 and 3), little-endian
///     then       the header: a Python dict literal (see `NumPyHeader`), padded with spaces and
///                ended by '\n' so that the data starts at a multiple of 64 bytes
///     then       the elements in C order, `count * itemsize` bytes
///
/// ResLab reads versions 1.0, 2.0 and 3.0 and the dtypes `<f4`, `<f8`, `|u1`, `<i4` and `<i8` in C
/// order; it writes version 1.0 (2.0 when the header would not fit in 65535 bytes).
extension NumPyArray {
    static let npyMagic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// Decodes the content of a `.npy` file; `file` names it in errors.
    public init(npy data: Data, file: String = "array.npy") throws {
        try self.init(npyBytes: [UInt8](data)[...], file: file)
    }

    /// Reads the `.npy` file at `url`.
    public static func read(contentsOf url: URL) throws -> NumPyArray {
        try NumPyArray(npyBytes: DataFile.readBytes(url)[...], file: DataFile.displayName(url))
    }

    /// The array encoded as a `.npy` file.
    public func npyData() -> Data {
        Data(npyBytes())
    }

    /// Writes the array as a `.npy` file at `url`, atomically (see `AtomicFile`).
    public func write(to url: URL) throws {
        try AtomicFile.write(npyBytes(), to: url)
    }

    init(npyBytes bytes: ArraySlice<UInt8>, file: String) throws {
        var reader = ByteReader(Array(bytes), file: file)
        guard bytes.count >= 6, Array(bytes.prefix(6)) == Self.npyMagic else {
            throw DataError.corrupt(file: file, reason: "not a .npy file: it does not start with \\x93NUMPY")
        }
        _ = try reader.slice(6, for: "the magic")
        let major = try reader.uint8("the format version")
        let minor = try reader.uint8("the format version")
        let headerLength: Int
        switch (major, minor) {
        case (1, 0): headerLength = Int(try reader.uint16LittleEndian("the header length"))
        case (2, 0), (3, 0): headerLength = Int(try reader.uint32LittleEndian("the header length"))
        default:
            throw DataError.unsupported(file: file, reason: ".npy format version \(major).\(minor); "
                + "ResLab reads versions 1.0, 2.0 and 3.0")
        }
        let headerBytes = try reader.slice(headerLength, for: "the header")
        // Versions 1 and 2 store the header in Latin-1, version 3 in UTF-8.
        let text = major == 3
            ? String(decoding: headerBytes, as: UTF8.self)
            : String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) }))
        let header = try NumPyHeader(parsing: text, file: file)
        guard !header.fortranOrder else {
            throw DataError.unsupported(file: file, reason: "the array is stored in Fortran order; "
                + "save it with numpy.ascontiguousarray(a) first")
        }
        guard let itemSize = Self.itemSize(descr: header.descr) else {
            throw DataError.unsupported(file: file, reason: "dtype '\(header.descr)'; ResLab reads "
                + "<f4, <f8, |u1, <i4 and <i8 (convert with a.astype('<f4'))")
        }
        var count = 1
        for extent in header.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else { throw DataError.corrupt(file: file, reason: "shape \(header.shape) is too large") }
            count = product
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: itemSize)
        guard !overflow else { throw DataError.corrupt(file: file, reason: "shape \(header.shape) is too large") }
        let payload = try reader.slice(byteCount, for: "an array of shape \(header.shape) and dtype \(header.descr)")
        guard reader.remaining == 0 else {
            throw DataError.corrupt(file: file, reason: "\(reader.remaining) bytes follow the array's data")
        }
        let elements: Elements
        switch itemSize {
        case 1: elements = .uint8(Array(payload))
        case 4 where header.descr.hasSuffix("f4"): elements = .float32(LittleEndian.floats(payload))
        case 4: elements = .int32(LittleEndian.decode(payload, as: Int32.self))
        case 8 where header.descr.hasSuffix("f8"): elements = .float64(LittleEndian.doubles(payload))
        default: elements = .int64(LittleEndian.decode(payload, as: Int64.self))
        }
        try self.init(shape: header.shape, elements: elements)
    }

    /// The item size of a dtype ResLab reads, nil for any other. `=` (native order) is read as
    /// little-endian, which every machine ResLab runs on is.
    private static func itemSize(descr: String) -> Int? {
        switch descr {
        case "<f4", "=f4": return 4
        case "<f8", "=f8": return 8
        case "|u1", "<u1", "=u1", "u1": return 1
        case "<i4", "=i4": return 4
        case "<i8", "=i8": return 8
        default: return nil
        }
    }

    func npyBytes() -> [UInt8] {
        let literal = Array(NumPyHeader(descr: dtype, fortranOrder: false, shape: shape).literal.utf8)
        // Pad with spaces so that magic, version, length, header and '\n' end on a multiple of 64.
        let useVersion2 = literal.count + 11 > 65535
        let prefix = useVersion2 ? 12 : 10
        let unpadded = prefix + literal.count + 1
        let headerLength = literal.count + 1 + (64 - unpadded % 64) % 64
        var bytes = Self.npyMagic
        bytes.reserveCapacity(prefix + headerLength + count * 8)
        if useVersion2 {
            bytes += [2, 0]
            LittleEndian.append([UInt32(headerLength)], to: &bytes)
        } else {
            bytes += [1, 0]
            LittleEndian.append([UInt16(headerLength)], to: &bytes)
        }
        bytes += literal
        bytes += [UInt8](repeating: 0x20, count: headerLength - literal.count - 1)
        bytes.append(0x0A)
        switch elements {
        case let .float32(values): LittleEndian.append(values, to: &bytes)
        case let .float64(values): LittleEndian.append(values, to: &bytes)
        case let .uint8(values): bytes += values
        case let .int32(values): LittleEndian.append(values, to: &bytes)
        case let .int64(values): LittleEndian.append(values, to: &bytes)
        }
        return bytes
    }
}
