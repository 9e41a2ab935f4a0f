/// The registered description of a type the interpreter does not own: how to create its values,
/// their members, subscripts, `callAsFunction`, operators, iteration and display.
///
/// Build one with `NativeRegistry.defineType(_:name:doc:_:)`; a `NativeTypeBuilder` fills it with
/// typed closures. The built-in types (`Int`, `Double`, `String`, `Array`, …) are described the
/// same way, so completion and the resolver see one table of members for every value.
///
/// Thread-safety: a type is filled while the host sets up (before any execution) and only read
/// afterwards.
public final class NativeType: @unchecked Sendable, CustomStringConvertible {
    /// The name lesson code uses (`Tensor`, `Conv2D`).
    public let name: String
    /// One or two sentences for completion and help.
    public let doc: String
    /// Names of groups of types this one belongs to (`Layer`), usable as parameter types.
    public internal(set) var conformances: Set<String> = []
    /// Whether the payload is a class instance: then a `let` holding it can still have its
    /// properties set and mutating methods called, as in Swift.
    public internal(set) var hasReferenceSemantics = false

    public internal(set) var initializers: [NativeFunction] = []
    public internal(set) var staticProperties: [String: StaticProperty] = [:]
    public internal(set) var staticMethods: [String: [NativeFunction]] = [:]
    public internal(set) var properties: [String: Property] = [:]
    public internal(set) var methods: [String: [Method]] = [:]
    public internal(set) var subscripts: [Method] = []
    var subscriptSetters: [String: SubscriptSetter] = [:]
    public internal(set) var callables: [Method] = []
    /// Infix operators by symbol. Each entry is tried in turn until one returns a value; a type's
    /// entries are tried when either operand is of the type (left operand's type first).
    var infixOperators: [String: [InfixOperator]] = [:]
    var prefixOperators: [String: (Value, NativeContext) throws -> Value] = [:]
    /// The elements `for x in value` visits.
    var iterate: ((Value) throws -> AnyIterator<Value>)?
    /// How `print` shows a value (`description`).
    var describe: ((Value) -> String)?
    /// How a value shows inside a collection or an optional (`debugDescription`); `describe` when nil.
    var debugDescribe: ((Value) -> String)?
    /// What the REPL echoes; `"Type = description"` when nil.
    var echo: ((Value) -> String)?

    /// While true (an extension by another plugin is being registered), a property that exists
    /// already is kept and the new one is recorded in `refusedRedefinitions` instead.
    var keepsExistingMembers = false
    /// Members an extension tried to define again (see `NativeRegistry.extendType`).
    public internal(set) var refusedRedefinitions: [String] = []

    /// Whether a builder may (re)define the member `name`.
    func acceptsDefinition(of name: String, existing: Bool) -> Bool {
        guard existing, keepsExistingMembers else { return true }
        refusedRedefinitions.append(name)
        return false
    }

    init(name: String, doc: String) {
        self.name = name
        self.doc = doc
    }

    public var description: String { name }

    /// The infix operator symbols the type handles.
    public var operatorSymbols: [String] { infixOperators.keys.sorted() + prefixOperators.keys.sorted() }

    /// Whether values of this type can stand where `type` is expected.
    func conforms(to type: String) -> Bool { name == type || conformances.contains(type) }

    /// A property of a value of the type.
    public struct Property: @unchecked Sendable {
        public let name: String
        public let type: ScriptType
        public let doc: String
        let getter: (Value) throws -> Value
        /// Nil for a read-only property. Gets the value to modify in place.
        let setter: ((inout Value, Value) throws -> Void)?

        public var isSettable: Bool { setter != nil }

        /// The property's value on `receiver` (for completion and tools; lesson code reads it
        /// through the interpreter).
        public func value(of receiver: Value) throws -> Value { try getter(receiver) }
    }

    /// A static property: `.same`, `Int.max`.
    public struct StaticProperty: @unchecked Sendable {
        public let name: String
        public let type: ScriptType
        public let doc: String
        let getter: () throws -> Value
    }

    /// A method, a subscript getter, or a `callAsFunction` of the type.
    public struct Method: @unchecked Sendable {
        public let signature: NativeSignature
        /// A mutating method changes the receiver, which the interpreter writes back to the variable
        /// (so it needs a `var`).
        public let isMutating: Bool
        let body: (inout Value, NativeArguments, NativeContext) throws -> Value
    }

    /// The setter of the subscript with the same selector.
    struct SubscriptSetter: @unchecked Sendable {
        let body: (inout Value, NativeArguments, Value, NativeContext) throws -> Void
    }

    struct InfixOperator: @unchecked Sendable {
        /// Nil when the operator does not apply to these operands (the other operand's type, or
        /// another entry, may handle them).
        let body: (Value, Value, NativeContext) throws -> Value?
    }

    /// The property or method names, for completion and "did you mean".
    public var memberNames: [String] { Array(properties.keys) + Array(methods.keys) }

    /// The static member names, for completion of `.` in a context of this type.
    public var staticMemberNames: [String] { Array(staticProperties.keys) + Array(staticMethods.keys) }
}

/// A global native function, an initialiser, or a static method: a signature and its body.
public struct NativeFunction: @unchecked Sendable {
    public let signature: NativeSignature
    let body: (NativeArguments, NativeContext) throws -> Value

    public init(signature: NativeSignature, body: @escaping (NativeArguments, NativeContext) throws -> Value) {
        self.signature = signature
        self.body = body
    }
}
