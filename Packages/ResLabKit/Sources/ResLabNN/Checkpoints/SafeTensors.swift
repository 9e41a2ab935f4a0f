import Foundation

/// Named tensors in the safetensors format, the weights format PyTorch, Keras and Hugging Face
/// users read (`safetensors.numpy.load_file`, `safetensors.torch.load_file`).
///
/// The format, as its specification gives it:
///
///     8 bytes    N, the header's length, an unsigned little-endian 64-bit integer
///     N bytes    a UTF-8 JSON object: for each tensor, its name mapped to
///                {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, plus an optional
///                "__metadata__" object mapping strings to strings; padded with spaces
///     the rest   the byte buffer: each tensor's elements, little-endian, C order, at
///                [begin, end) counted from the buffer's start
///
/// ResLab writes F32 tensors in the order given, back to back, with the header padded so that the
/// buffer starts at a multiple of 8 bytes (every tensor is then aligned for its type). It reads
/// F32, and converts F64, F16 and BF16 to Float32; other dtypes are refused. A file is read only
/// after checking that the header fits the file, that each tensor's byte range matches its dtype
/// and shape, and that the ranges tile the buffer exactly (sorted, no gap, no overlap, ending at
/// the end of the file), as the reference implementation requires.
public struct SafeTensors {
    /// The tensors, in the order of the file's buffer (writing keeps this order).
    public private(set) var tensors: [(name: String, tensor: Tensor)]
    /// Free-form strings stored under `__metadata__` (an architecture in JSON, a version, …).
    public var metadata: [String: String]

    /// Tensors to write in the given order; throws `DataError` when a name is empty, repeated,
    /// or `__metadata__`.
    public init(tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) throws {
        var seen = Set<String>()
        for (name, _) in tensors {
            guard !name.isEmpty, name != Self.metadataKey else {
                throw DataError.corrupt(file: "safetensors", reason: "'\(name)' cannot name a tensor")
            }
            guard seen.insert(name).inserted else {
                throw DataError.corrupt(file: "safetensors", reason: "two tensors are named '\(name)'")
            }
        }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// Tensors keyed by name, written in name order.
    public init(_ tensors: [String: Tensor], metadata: [String: String] = [:]) throws {
        try self.init(tensors: tensors.sorted { $0.key < $1.key }.map { (name: $0.key, tensor: $0.value) },
                      metadata: metadata)
    }

    /// The tensor named `name`, if any.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }

    /// The tensors keyed by name.
    public var dictionary: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: tensors.map { ($0.name, $0.tensor) })
    }

    /// The names, in order.
    public var names: [String] { tensors.map(\.name) }

    // MARK: - Reading and writing

    /// Reads the safetensors file at `url`.
    public static func read(contentsOf url: URL) throws -> SafeTensors {
        try SafeTensors(decoding: DataFile.readBytes(url), file: DataFile.displayName(url))
    }

    /// Decodes safetensors content; `file` names it in errors.
    public init(data: Data, file: String = "weights.safetensors") throws {
        try self.init(decoding: [UInt8](data), file: file)
    }

    /// Writes the tensors to `url` atomically (see `AtomicFile`).
    public func write(to url: URL) throws {
        try AtomicFile.write(encodedBytes(), to: url)
    }

    /// The tensors encoded as a safetensors file.
    public func encoded() -> Data {
        Data(encodedBytes())
    }

    static let metadataKey = "__metadata__"
    /// The reference implementation's limit on the header, which ResLab shares.
    static let maximumHeaderLength = 100_000_000

    func encodedBytes() -> [UInt8] {
        var json = "{"
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\(Self.jsonString($0.key)):\(Self.jsonString($0.value))" }
            entries.append("\(Self.jsonString(Self.metadataKey)):{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for (name, tensor) in tensors {
            let end = offset + tensor.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(Self.jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        json += entries.joined(separator: ",") + "}"
        var header = Array(json.utf8)
        // Spaces after the JSON are allowed and put the buffer at a multiple of 8 bytes.
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        LittleEndian.append([UInt64(header.count)], to: &bytes)
        bytes += header
        for (_, tensor) in tensors { LittleEndian.append(tensor.scalars, to: &bytes) }
        return bytes
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20:
                literal += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
