/// Everything lesson code can call that is not written in lesson code: global functions (`print`,
/// `matmul`), native types (`Tensor`, `Conv2D`) and the built-in types' members (`xs.count`).
///
/// A host makes one registry, lets each plugin register into it, then hands it to its sessions.
/// Registration happens before any execution; executions only read (see `NativeType`).
///
///     let registry = NativeRegistry()          // already holds the standard library
///     registry.function("square", [.init("_", .double)], returns: .double) { args, _ in
///         let x = try args.double(0)
///         return .double(x * x)
///     }
public final class NativeRegistry: @unchecked Sendable {
    public private(set) var types: [String: NativeType] = [:]
    public private(set) var functions: [String: [NativeFunction]] = [:]
    private var typesBySwiftType: [ObjectIdentifier: NativeType] = [:]
    /// The built-in types' descriptions, which hold their members (`Array.count`, `String.uppercased`).
    let builtins: BuiltinTypes

    /// A registry holding the standard library: `print`, numeric conversions, `min`/`max`,
    /// `stride`, `zip`, math functions, and the members of Int, Double, Float, Bool, String, Array,
    /// Dictionary, ranges and optionals.
    public init() {
        builtins = BuiltinTypes()
        for type in builtins.all { types[type.name] = type }
        StandardLibrary.install(in: self)
    }

    // MARK: - Registering

    /// Describes the Swift type `T` to lesson code under `name`, or returns the builder of an
    /// existing description with that name (to add members to a type another plugin defined).
    @discardableResult
    public func defineType<T>(_ swiftType: T.Type, name: String, doc: String = "",
                              _ define: (NativeTypeBuilder<T>) -> Void = { _ in }) -> NativeTypeBuilder<T> {
        let type = types[name] ?? NativeType(name: name, doc: doc)
        types[name] = type
        typesBySwiftType[ObjectIdentifier(swiftType)] = type
        type.hasReferenceSemantics = swiftType is AnyClass
        let builder = NativeTypeBuilder<T>(
            type: type,
            wrap: { .native(NativeValue(type: type, payload: $0)) },
            unwrap: { value in
                guard case .native(let native)? = value.unwrapped, native.type === type else { return nil }
                return native.payload as? T
            })
        define(builder)
        return builder
    }

    /// Adds members to the registered type `name` without replacing any it has: properties that
    /// exist already are kept, and their names are returned (the plugin host reports them as
    /// collisions). Methods are overloads and are added.
    public func extendType<T>(_ swiftType: T.Type, name: String, _ define: (NativeTypeBuilder<T>) -> Void) -> [String] {
        let type = types[name] ?? NativeType(name: name, doc: "")
        let before = type.refusedRedefinitions.count
        type.keepsExistingMembers = true
        defer { type.keepsExistingMembers = false }
        defineType(swiftType, name: name, define)
        return Array(type.refusedRedefinitions[before...])
    }

    /// Describes an enumeration-like Swift type whose values lesson code names as implicit members
    /// (`padding: .same`, `Activation(.relu)`): one static property per case, `==` and `!=`, and
    /// printing as the case name (`same`), as Swift prints enum cases.
    @discardableResult
    public func defineEnumeration<T: Equatable>(_ swiftType: T.Type, name: String, doc: String = "",
                                                cases: [(name: String, value: T)]) -> NativeTypeBuilder<T> {
        let builder = defineType(swiftType, name: name, doc: doc)
        for (caseName, value) in cases {
            builder.staticProperty(caseName) { builder.wrap(value) }
        }
        builder.infixOperator("==") { lhs, rhs in
            guard let a = builder.unwrap(lhs), let b = builder.unwrap(rhs) else { return nil }
            return .bool(a == b)
        }
        builder.display { value in cases.first { $0.value == value }?.name ?? name }
        return builder
    }

    /// Registers a global function. Several functions may share a name: a call picks the first whose
    /// labels match and whose parameter types accept the arguments (so `exp(_:)` can serve Double
    /// and, registered by the engine, Tensor).
    @discardableResult
    public func function(_ name: String, _ parameters: [NativeParameter], returns: ScriptType = .void, doc: String = "",
                         _ body: @escaping (NativeArguments, NativeContext) throws -> Value) -> NativeSignature {
        let signature = NativeSignature(name: name, parameters: parameters, returns: returns, doc: doc)
        functions[name, default: []].append(NativeFunction(signature: signature, body: body))
        return signature
    }

    // MARK: - Looking up

    /// The native type registered under `name` (built-in types included: `Int`, `Array`…).
    public func type(named name: String) -> NativeType? { types[name] }

    /// The description registered for the Swift type `T`.
    public func type<T>(for swiftType: T.Type) -> NativeType? { typesBySwiftType[ObjectIdentifier(swiftType)] }

    /// `value` as a lesson-language value, through the type registered for `T`.
    public func wrap<T>(_ value: T) throws -> Value {
        guard let type = typesBySwiftType[ObjectIdentifier(T.self)] else {
            throw NativeError("no lesson-language type is registered for the Swift type \(T.self)")
        }
        return .native(NativeValue(type: type, payload: value))
    }

    /// The type whose members a value has: its native type, or the built-in type of its kind.
    public func memberType(of value: Value) -> NativeType? {
        switch value {
        case .native(let native): return native.type
        case .int: return builtins.int
        case .double: return builtins.double
        case .float: return builtins.float
        case .bool: return builtins.bool
        case .string: return builtins.string
        case .array: return builtins.array
        case .dictionary: return builtins.dictionary
        case .range: return builtins.range
        case .optional: return builtins.optional
        case .tuple, .function, .type, .implicitMember, .void: return nil
        }
    }

    /// The type whose static members a `.member` resolves against when `type` is expected.
    func staticContext(for type: ScriptType) -> NativeType? {
        switch type.unwrapped {
        case .named(let name): return types[name]
        case .int: return builtins.int
        case .double: return builtins.double
        case .float: return builtins.float
        case .bool: return builtins.bool
        case .string: return builtins.string
        default: return nil
        }
    }

    /// Every name lesson code can use without declaring it: functions and types.
    public var globalNames: [String] { Array(functions.keys) + Array(types.keys) }
}
