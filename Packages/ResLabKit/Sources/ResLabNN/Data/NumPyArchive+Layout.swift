/// The check an `.npz` passes before ZIPFoundation reads it.
///
/// ZIPFoundation (0.9.20) trusts the offsets and sizes in a zip's directory: with an offset past
/// the end its in-memory reader traps on an inverted range, and 64-bit ZIP64 values above
/// `Int64.max` trap when converted or added. So the archive's layout is checked here first, the
/// way numpy writes it (`zipfile`, members stored or deflated, ZIP64 extras allowed):
///
/// - the end-of-central-directory record is the file's last 22 bytes (no archive comment), on
///   disk 0; when a ZIP64 locator precedes it, the ZIP64 record it names sits right before it;
/// - the central directory and every entry in it lie inside the file;
/// - every entry's local header lies inside the file (by its 32-bit and its ZIP64 offset), its
///   data ends inside the file by every size the entry records, it uses no data descriptor or
///   encryption, and its uncompressed size is within the memory budget.
///
/// Anything else is refused with a `DataError`; what passes keeps every position ZIPFoundation
/// computes inside the bytes.
enum ZipLayout {
    private static let endRecordSize = 22, locatorSize = 20, zip64RecordSize = 56
    private static let centralEntrySize = 46, localHeaderSize = 30

    static func check(_ bytes: [UInt8], file: String) throws {
        let size = bytes.count
        func corrupt(_ reason: String) -> DataError { .corrupt(file: file, reason: "not a valid zip archive: \(reason)") }
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func uint32(_ at: Int) -> UInt64 { (0 ..< 4).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        func uint64(_ at: Int) -> UInt64 { (0 ..< 8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        /// A 64-bit position or size as an offset in the file, if it is one.
        func inFile(_ value: UInt64) -> Int? { value <= UInt64(size) ? Int(value) : nil }

        guard size >= endRecordSize else { throw corrupt("it is shorter than a zip's end record") }
        let end = size - endRecordSize
        guard uint32(end) == 0x0605_4B50 else {
            throw corrupt("its last 22 bytes are not a zip end record (the file is cut short, or has a comment "
                + "or trailing bytes numpy never writes)")
        }
        guard uint16(end + 20) == 0 else { throw corrupt("the archive has a comment, which numpy never writes") }
        guard uint16(end + 4) == 0, uint16(end + 6) == 0 else { throw corrupt("it spans several disks") }

        var entryCount = UInt64(uint16(end + 10))
        var directorySize = uint32(end + 12)
        var directoryStart = uint32(end + 16)
        let locator = end - locatorSize
        if locator >= 0, uint32(locator) == 0x0706_4B50 {
            // ZIPFoundation reads the ZIP64 record just before the locator, and prefers its values.
            let record = locator - zip64RecordSize
            guard record >= 0, uint32(record) == 0x0606_4B50 else { throw corrupt("its ZIP64 end record is missing") }
            entryCount = uint64(record + 32)
            directorySize = uint64(record + 40)
            directoryStart = uint64(record + 48)
        }
        guard let start = inFile(directoryStart), let length = inFile(directorySize), start + length <= size,
              let count = inFile(entryCount), count <= length / centralEntrySize else {
            throw corrupt("its central directory (\(entryCount) entries, \(directorySize) bytes at \(directoryStart)) "
                + "does not fit in the file's \(size) bytes")
        }

        var position = start
        for index in 0 ..< count {
            let entry = "entry \(index + 1) of the central directory"
            guard position + centralEntrySize <= start + length, uint32(position) == 0x0201_4B50 else {
                throw corrupt("\(entry) is not where the directory says")
            }
            let flags = uint16(position + 8), method = uint16(position + 10)
            let nameLength = uint16(position + 28), extraLength = uint16(position + 30), commentLength = uint16(position + 32)
            let extraStart = position + centralEntrySize + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= start + length else { throw corrupt("\(entry) runs past the directory") }
            guard flags & 0b1001 == 0 else { throw DataError.unsupported(file: file, reason: "\(entry) is encrypted or "
                + "uses a data descriptor, which numpy never writes") }
            guard method == 0 || method == 8 else {
                throw DataError.unsupported(file: file, reason: "\(entry) uses compression method \(method); "
                    + "ResLab reads stored and deflated members")
            }
            // ZIPFoundation takes the ZIP64 value of each 32-bit field that is all ones, in order;
            // it may use either value, so both must fit.
            let uncompressed32 = uint32(position + 24), compressed32 = uint32(position + 20), offset32 = uint32(position + 42)
            let present = [uncompressed32 == 0xFFFF_FFFF, compressed32 == 0xFFFF_FFFF, offset32 == 0xFFFF_FFFF]
            let wide = try zip64Values(bytes, extra: extraStart ..< extraStart + extraLength, present: present,
                                       diskNumber: uint16(position + 34) == 0xFFFF, entry: entry, corrupt: corrupt)
            let uncompressedSizes = [uncompressed32] + [wide.uncompressed].compactMap { $0 }
            let compressedSizes = [compressed32] + [wide.compressed].compactMap { $0 }
            let offsets = [offset32] + [wide.offset].compactMap { $0 }
            guard let largest = uncompressedSizes.max(), largest <= UInt64(MemoryBudget.bytes) else {
                throw DataError.overBudget(file: file, what: "\(entry), extracted,",
                                           bytes: Int(clamping: uncompressedSizes.max() ?? 0), budget: MemoryBudget.bytes)
            }
            for offset in offsets {
                guard let header = inFile(offset), header + localHeaderSize <= size, uint32(header) == 0x0403_4B50 else {
                    throw corrupt("the local header of \(entry) is not inside the file")
                }
                let dataStart = header + localHeaderSize + uint16(header + 26) + uint16(header + 28)
                guard dataStart <= size else { throw corrupt("the local header of \(entry) runs past the end") }
                // Stored members are read by their uncompressed size, deflated ones by their compressed size.
                for length in method == 0 ? uncompressedSizes + compressedSizes : compressedSizes {
                    guard length <= UInt64(size - dataStart) else {
                        throw DataError.truncated(file: file, what: "the data of \(entry)",
                                                  needed: dataStart + Int(clamping: min(length, UInt64(Int.max / 2))),
                                                  available: size)
                    }
                }
            }
            position = next
        }
    }

    /// The ZIP64 values of an entry, found as ZIPFoundation finds them: in the first extra field
    /// with id 1, one value for each 32-bit field that is all ones (`present`: uncompressed size,
    /// compressed size, local header offset), in that order, then a 4-byte disk number. When the
    /// field's length does not match, ZIPFoundation ignores it; its words are then still checked
    /// against the file's size, to refuse rather than guess.
    private static func zip64Values(_ bytes: [UInt8], extra: Range<Int>, present: [Bool], diskNumber: Bool, entry: String,
                                    corrupt: (String) -> DataError) throws -> (uncompressed: UInt64?, compressed: UInt64?, offset: UInt64?) {
        func word(_ at: Int) -> UInt64 { (0 ..< 8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = Int(bytes[position]) | Int(bytes[position + 1]) << 8
            let length = Int(bytes[position + 2]) | Int(bytes[position + 3]) << 8
            let body = position + 4
            guard body + length <= extra.upperBound else { throw corrupt("an extra field of \(entry) runs past its end") }
            guard id == 1 else {
                position = body + length
                continue
            }
            let expected = present.filter { $0 }.count * 8 + (diskNumber ? 4 : 0)
            guard length == expected else {
                for start in stride(from: body, to: body + length - 7, by: 8) where word(start) > UInt64(bytes.count) {
                    throw corrupt("a ZIP64 field of \(entry) holds \(word(start)), beyond the file's \(bytes.count) bytes")
                }
                return (nil, nil, nil)
            }
            var values: [UInt64?] = []
            var next = body
            for isPresent in present {
                values.append(isPresent ? word(next) : nil)
                if isPresent { next += 8 }
            }
            return (values[0], values[1], values[2])
        }
        return (nil, nil, nil)
    }
}
