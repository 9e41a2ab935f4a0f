/// A bounds-checked cursor over a file's bytes.
///
/// Every read says what it is reading, so that a file that ends early is refused with
/// `DataError.truncated` naming the field that is cut short, never an out-of-bounds access.
struct ByteReader {
    let bytes: [UInt8]
    let file: String
    private(set) var offset: Int = 0

    init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var remaining: Int { bytes.count - offset }

    /// Checks that `count` more bytes are there for `what`, and returns where they start.
    mutating func take(_ count: Int, for what: String) throws -> Int {
        guard count >= 0, count <= remaining else {
            throw DataError.truncated(file: file, what: what, needed: offset &+ max(count, 0), available: bytes.count)
        }
        let start = offset
        offset += count
        return start
    }

    mutating func uint8(_ what: String) throws -> UInt8 {
        bytes[try take(1, for: what)]
    }

    mutating func uint16LittleEndian(_ what: String) throws -> UInt16 {
        UInt16(truncatingIfNeeded: try integer(2, bigEndian: false, what))
    }

    mutating func uint32LittleEndian(_ what: String) throws -> UInt32 {
        UInt32(truncatingIfNeeded: try integer(4, bigEndian: false, what))
    }

    mutating func uint32BigEndian(_ what: String) throws -> UInt32 {
        UInt32(truncatingIfNeeded: try integer(4, bigEndian: true, what))
    }

    mutating func uint64LittleEndian(_ what: String) throws -> UInt64 {
        try integer(8, bigEndian: false, what)
    }

    /// The next `count` bytes.
    mutating func slice(_ count: Int, for what: String) throws -> ArraySlice<UInt8> {
        let start = try take(count, for: what)
        return bytes[start ..< start + count]
    }

    private mutating func integer(_ width: Int, bigEndian: Bool, _ what: String) throws -> UInt64 {
        let start = try take(width, for: what)
        var value: UInt64 = 0
        for index in 0 ..< width {
            let byte = UInt64(bytes[bigEndian ? start + index : start + width - 1 - index])
            value = value << 8 | byte
        }
        return value
    }
}
