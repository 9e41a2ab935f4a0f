import Foundation

extension SafeTensors {
    /// One tensor's entry in the header, checked against its dtype and shape.
    private struct Entry {
        var name: String
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    /// The element sizes of the dtypes ResLab reads.
    private static let readableDTypes = ["F32": 4, "F64": 8, "F16": 2, "BF16": 2]
    /// The dtypes the format defines that ResLab refuses, so that the message can tell an
    /// unsupported file from a corrupt one.
    private static let otherDTypes: Set<String> = ["BOOL", "U8", "I8", "U16", "I16", "U32", "I32", "U64", "I64",
                                                   "F8_E4M3", "F8_E5M2", "C64", "F4", "F6_E2M3", "F6_E3M2", "E8M0", "F8_E8M0"]

    /// Decodes and checks the content of a safetensors file (see the type's documentation).
    init(decoding bytes: [UInt8], file: String) throws {
        var reader = ByteReader(bytes, file: file)
        let declaredLength = try reader.uint64LittleEndian("the header length")
        guard declaredLength <= UInt64(Self.maximumHeaderLength) else {
            throw DataError.corrupt(file: file, reason: "the header length \(declaredLength) is over the "
                + "format's limit of \(Self.maximumHeaderLength) bytes")
        }
        let header = try reader.slice(Int(declaredLength), for: "the header")
        let bufferStart = reader.offset
        let bufferLength = reader.remaining
        let entries = try Self.parseHeader(header, file: file)
        let (tensorEntries, metadata) = entries

        // The ranges must tile the buffer: sorted by start, each beginning where the last ended.
        let ordered = tensorEntries.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var expected = 0
        for entry in ordered {
            guard entry.begin == expected else {
                throw DataError.corrupt(file: file, reason: entry.begin > expected
                    ? "the bytes \(expected)..<\(entry.begin) of the buffer belong to no tensor"
                    : "tensor '\(entry.name)' overlaps another tensor's bytes")
            }
            expected = entry.end
        }
        guard expected == bufferLength else {
            if expected > bufferLength {
                throw DataError.truncated(file: file, what: "the tensors", needed: bufferStart + expected, available: bytes.count)
            }
            throw DataError.corrupt(file: file, reason: "\(bufferLength - expected) bytes after the last tensor belong to no tensor")
        }

        var tensors: [(name: String, tensor: Tensor)] = []
        for entry in ordered {
            let payload = bytes[bufferStart + entry.begin ..< bufferStart + entry.end]
            let scalars: [Float]
            switch entry.dtype {
            case "F32": scalars = LittleEndian.floats(payload)
            case "F64": scalars = LittleEndian.doubles(payload).map { Float($0) }
            case "F16": scalars = LittleEndian.decode(payload, as: UInt16.self).map { Float(Float16(bitPattern: $0)) }
            default: scalars = LittleEndian.decode(payload, as: UInt16.self).map { Float(bitPattern: UInt32($0) << 16) }
            }
            tensors.append((entry.name, try Tensor(shape: entry.shape, scalars: scalars)))
        }
        try self.init(tensors: tensors, metadata: metadata)
    }

    /// The tensor entries and the metadata of a header, each entry checked on its own.
    private static func parseHeader(_ header: ArraySlice<UInt8>, file: String) throws -> ([Entry], [String: String]) {
        guard header.first == UInt8(ascii: "{") else {
            throw DataError.corrupt(file: file, reason: "the header does not start with '{'; this is not a safetensors file")
        }
        guard String(validating: header, as: UTF8.self) != nil else {
            throw DataError.corrupt(file: file, reason: "the header is not valid UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(header))
        } catch {
            throw DataError.corrupt(file: file, reason: "the header is not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw DataError.corrupt(file: file, reason: "the header is not a JSON object")
        }
        var metadata: [String: String] = [:]
        var entries: [Entry] = []
        for (name, value) in fields {
            if name == metadataKey {
                guard let strings = value as? [String: Any] else {
                    throw DataError.corrupt(file: file, reason: "'__metadata__' is not an object")
                }
                for (key, text) in strings {
                    guard let text = text as? String else {
                        throw DataError.corrupt(file: file, reason: "'__metadata__' maps '\(key)' to a non-string")
                    }
                    metadata[key] = text
                }
                continue
            }
            entries.append(try entry(name, value, file: file))
        }
        return (entries, metadata)
    }

    /// One tensor's entry, checked: a known dtype, a shape of non-negative integers, and a byte
    /// range whose length is exactly the shape's element count times the dtype's size.
    private static func entry(_ name: String, _ value: Any, file: String) throws -> Entry {
        func corrupt(_ what: String) -> DataError { .corrupt(file: file, reason: "tensor '\(name)': \(what)") }
        guard let fields = value as? [String: Any] else { throw corrupt("its entry is not an object") }
        guard let dtype = fields["dtype"] as? String else { throw corrupt("no dtype") }
        guard let itemSize = readableDTypes[dtype] else {
            if otherDTypes.contains(dtype) {
                throw DataError.unsupported(file: file, reason: "tensor '\(name)' has dtype \(dtype); "
                    + "ResLab reads F32, F64, F16 and BF16 tensors")
            }
            throw corrupt("unknown dtype '\(dtype)'")
        }
        guard let shape = integers(fields["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
            throw corrupt("the shape is not a list of non-negative integers")
        }
        guard let offsets = integers(fields["data_offsets"]), offsets.count == 2,
              offsets[0] >= 0, offsets[0] <= offsets[1] else {
            throw corrupt("data_offsets is not a pair [begin, end] with 0 <= begin <= end")
        }
        let count = try DataFile.checkedCount(of: shape, file: file, what: "tensor '\(name)'")
        let (length, overflow) = count.multipliedReportingOverflow(by: itemSize)
        guard !overflow, length == offsets[1] - offsets[0] else {
            throw corrupt("shape \(shape) of \(dtype) needs \(overflow ? "too many" : String(length)) bytes "
                + "but data_offsets \(offsets) span \(offsets[1] - offsets[0])")
        }
        return Entry(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
    }

    /// A JSON array of integers as `[Int]`, nil when it is anything else. A number counts when
    /// its text is an integer, which refuses fractions and values beyond `Int`.
    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result: [Int] = []
        for element in array {
            guard let number = element as? NSNumber, let integer = Int(number.stringValue) else { return nil }
            result.append(integer)
        }
        return result
    }
}
