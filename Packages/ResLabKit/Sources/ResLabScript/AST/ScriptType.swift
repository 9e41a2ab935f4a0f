/// A type as the lesson language knows it: written in an annotation (`let x: [Double]`), declared
/// by a native parameter (`kernelSize: Int`), or computed from a value for a message or an echo.
///
/// The interpreter is dynamically typed; types are checked where code states them (annotations,
/// parameters, return types) and where Swift would reject a mix at compile time (`Int + Double`).
public indirect enum ScriptType: Hashable, Sendable, CustomStringConvertible {
    case int
    case double
    case float
    case bool
    case string
    /// `()`, what a function without `-> T` returns.
    case void
    /// Accepts anything; what a native parameter declares when it interprets the value itself.
    case any
    case array(ScriptType)
    case dictionary(key: ScriptType, value: ScriptType)
    case optional(ScriptType)
    /// Element types, and labels where the tuple has them (`(quotient: Int, remainder: Int)`).
    case tuple([ScriptType], labels: [String?])
    case function(parameters: [ScriptType], result: ScriptType)
    /// `Range<Int>` (`0..<3`) or `ClosedRange<Int>` (`1...3`).
    case range(closed: Bool)
    /// A native type by its registered name (`Tensor`, `Padding`), or a protocol-like group of
    /// native types (`Layer`) that native types declare they conform to.
    case named(String)

    /// Spelled as in Swift: `[Int]`, `[String: Double]`, `Tensor?`, `(Int) -> Int`.
    public var description: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .void: return "Void"
        case .any: return "Any"
        case .array(let element): return "[\(element)]"
        case .dictionary(let key, let value): return "[\(key): \(value)]"
        case .optional(let wrapped):
            if case .function = wrapped { return "(\(wrapped))?" }
            return "\(wrapped)?"
        case .tuple(let elements, let labels):
            return "(" + zip(elements, labels).map { ($1.map { "\($0): " } ?? "") + $0.description }.joined(separator: ", ") + ")"
        case .function(let parameters, let result):
            return "(" + parameters.map(\.description).joined(separator: ", ") + ") -> \(result)"
        case .range(let closed): return closed ? "ClosedRange<Int>" : "Range<Int>"
        case .named(let name): return name
        }
    }

    /// Spelled as `type(of:)` prints it: `Array<Double>`, `Dictionary<String, Int>`, `Optional<Int>`.
    public var genericSpelling: String {
        switch self {
        case .array(let element): return "Array<\(element.genericSpelling)>"
        case .dictionary(let key, let value): return "Dictionary<\(key.genericSpelling), \(value.genericSpelling)>"
        case .optional(let wrapped): return "Optional<\(wrapped.genericSpelling)>"
        case .tuple(let elements, let labels):
            return "(" + zip(elements, labels).map { ($1.map { "\($0): " } ?? "") + $0.genericSpelling }.joined(separator: ", ") + ")"
        default: return description
        }
    }

    /// The type with one level of `?` removed.
    public var unwrapped: ScriptType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// The built-in type a plain name stands for (`Int`, `Double`…), or nil for other names.
    public static func builtin(named name: String) -> ScriptType? {
        switch name {
        case "Int": return .int
        case "Double": return .double
        case "Float": return .float
        case "Bool": return .bool
        case "String": return .string
        case "Void": return .void
        case "Any": return .any
        default: return nil
        }
    }

    /// Every native type name the type mentions, for the resolver's "cannot find type" check.
    var namedTypes: [String] {
        switch self {
        case .int, .double, .float, .bool, .string, .void, .any, .range: return []
        case .array(let element), .optional(let element): return element.namedTypes
        case .dictionary(let key, let value): return key.namedTypes + value.namedTypes
        case .tuple(let elements, _): return elements.flatMap(\.namedTypes)
        case .function(let parameters, let result): return parameters.flatMap(\.namedTypes) + result.namedTypes
        case .named(let name): return [name]
        }
    }
}
