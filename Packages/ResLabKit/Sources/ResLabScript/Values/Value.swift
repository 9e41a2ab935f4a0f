/// A value of the lesson language.
///
/// Arrays, dictionaries and tuples hold `Value`s in Swift collections, so they have value semantics
/// as in Swift (copy on write). Values the language does not own (tensors, layers, models, or a
/// test's 2-D vector) are `.native`: a payload of any Swift type plus the `NativeType` describing its
/// members and operators.
public indirect enum Value: Sendable {
    case int(Int)
    case double(Double)
    /// Natives return Float (a tensor's scalars); scripts get one from `Float(x)`.
    case float(Float)
    case bool(Bool)
    case string(String)
    case array([Value])
    case dictionary(ScriptDictionary)
    case tuple(ScriptTuple)
    /// `lower..<upper` (half-open) or `lower...upper` (closed).
    case range(lower: Int, upper: Int, closed: Bool)
    /// `nil` (`.optional(nil)`) or a value known to be optional (`Optional(3)` when printed).
    case optional(Value?)
    case function(FunctionValue)
    case native(NativeValue)
    /// A type used as a value: the callee in `Tensor(zeros: [2])`, or the base of `Int.max`.
    case type(NativeType)
    /// `.same` or `.glorotUniform(seed: 0)` handed to a native whose parameter does not name a type
    /// that could resolve it: the callee interprets the member itself.
    case implicitMember(ImplicitMember)
    /// `()`, what statements and Void functions produce.
    case void

    /// The value's type, as Swift would name it. Arrays take their first element's type (`[Any]` when
    /// empty or mixed; the interpreter does not track the static type of an empty array).
    public var type: ScriptType {
        switch self {
        case .int: return .int
        case .double: return .double
        case .float: return .float
        case .bool: return .bool
        case .string: return .string
        case .array(let elements): return .array(Self.commonType(elements))
        case .dictionary(let dictionary):
            return .dictionary(key: Self.commonType(dictionary.keys), value: Self.commonType(dictionary.values))
        case .tuple(let tuple): return .tuple(tuple.elements.map(\.type), labels: tuple.labels)
        case .range(_, _, let closed): return .range(closed: closed)
        case .optional(let wrapped): return .optional(wrapped?.type ?? .any)
        case .function(let function): return function.type
        case .native(let native): return .named(native.type.name)
        case .type(let type): return .named(type.name + ".Type")
        case .implicitMember: return .any
        case .void: return .void
        }
    }

    private static func commonType(_ values: [Value]) -> ScriptType {
        guard let first = values.first?.type else { return .any }
        return values.dropFirst().allSatisfy({ $0.type == first }) ? first : .any
    }

    /// The value with `Optional` removed, nil for `nil`; non-optional values are returned as they are.
    public var unwrapped: Value? {
        if case .optional(let wrapped) = self { return wrapped?.unwrapped }
        return self
    }
}

/// An ordered dictionary: entries print in insertion order, so output is reproducible (Swift's
/// own order is unspecified and changes between runs).
public struct ScriptDictionary: Sendable {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [HashableValue: Int] = [:]

    public init() {}

    public var count: Int { keys.count }

    public subscript(key: Value) -> Value? {
        get { index[HashableValue(key)].map { values[$0] } }
        set {
            let hashable = HashableValue(key)
            if let position = index[hashable] {
                if let newValue {
                    values[position] = newValue
                } else {
                    keys.remove(at: position)
                    values.remove(at: position)
                    index[hashable] = nil
                    for (offset, key) in keys.enumerated().dropFirst(position) { index[HashableValue(key)] = offset }
                }
            } else if let newValue {
                index[hashable] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Whether a value can be a key: numbers, strings, booleans, and tuples or arrays of those.
    public static func isValidKey(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .float, .bool, .string: return true
        case .array(let elements): return elements.allSatisfy(isValidKey)
        case .tuple(let tuple): return tuple.elements.allSatisfy(isValidKey)
        case .optional(let wrapped): return wrapped.map(isValidKey) ?? true
        default: return false
        }
    }
}

/// A tuple's elements and their labels (nil where unlabelled).
public struct ScriptTuple: Sendable {
    public var elements: [Value]
    public var labels: [String?]

    public init(_ elements: [Value], labels: [String?]? = nil) {
        self.elements = elements
        self.labels = labels ?? Array(repeating: nil, count: elements.count)
    }
}

/// An implicit member expression waiting for a type to give it meaning.
public struct ImplicitMember: Sendable {
    /// `same` for `.same`.
    public let name: String
    /// The arguments of `.constant(1)` with their labels; nil when the member was not called.
    public let arguments: [(label: String?, value: Value)]?

    public init(name: String, arguments: [(label: String?, value: Value)]?) {
        self.name = name
        self.arguments = arguments
    }
}

/// A native value: a Swift value of any type and the registered description of that type.
public struct NativeValue: @unchecked Sendable {
    // Unchecked: the payload is whatever a native type stores. Values only move between threads as
    // a whole execution does (the host waits for it), never concurrently.
    public let type: NativeType
    public let payload: Any

    public init(type: NativeType, payload: Any) {
        self.type = type
        self.payload = payload
    }

    /// The payload as `T`, or nil when it is something else.
    public func payload<T>(as: T.Type) -> T? { payload as? T }
}
