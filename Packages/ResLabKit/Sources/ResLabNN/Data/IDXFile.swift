/// The IDX format of the MNIST files (`train-images-idx3-ubyte` and kin), as LeCun et al.
/// describe it:
///
///     bytes 0-1   zero
///     byte  2     element type: 0x08 unsigned byte (others exist; ResLab reads only this one)
///     byte  3     the number of dimensions, d
///     then        d dimensions, each a big-endian UInt32
///     then        the elements in C order
struct IDXFile {
    let shape: [Int]
    /// The unsigned bytes, `shape.reduce(1, *)` of them.
    let values: ArraySlice<UInt8>

    /// Decodes an IDX file's content; `file` names it in errors.
    init(decoding bytes: [UInt8], file: String) throws {
        var reader = ByteReader(bytes, file: file)
        let zero1 = try reader.uint8("the magic number"), zero2 = try reader.uint8("the magic number")
        let type = try reader.uint8("the magic number"), rank = Int(try reader.uint8("the magic number"))
        guard zero1 == 0, zero2 == 0 else {
            throw DataError.corrupt(file: file, reason: "not an IDX file: its magic number does not start with two zero bytes")
        }
        guard type == 0x08 else {
            let names: [UInt8: String] = [0x09: "signed byte", 0x0B: "short", 0x0C: "int", 0x0D: "float", 0x0E: "double"]
            throw DataError.unsupported(file: file, reason: "IDX element type \(names[type] ?? "0x\(String(type, radix: 16))"); "
                + "ResLab reads unsigned-byte IDX files (type 0x08)")
        }
        guard rank >= 1 else { throw DataError.corrupt(file: file, reason: "the IDX file declares no dimensions") }
        var shape: [Int] = []
        var count = 1
        for axis in 0 ..< rank {
            let extent = Int(try reader.uint32BigEndian("dimension \(axis + 1) of \(rank)"))
            shape.append(extent)
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else { throw DataError.corrupt(file: file, reason: "dimensions \(shape) are too large") }
            count = product
        }
        values = try reader.slice(count, for: "\(shape.map(String.init).joined(separator: "×")) values")
        guard reader.remaining == 0 else {
            throw DataError.corrupt(file: file, reason: "\(reader.remaining) bytes follow the \(count) values "
                + "its dimensions \(shape) declare")
        }
        self.shape = shape
    }
}
