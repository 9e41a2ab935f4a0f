/// Fills a `NativeType` with typed closures over the Swift type `T` it stands for.
///
/// Every registration returns the builder, so calls chain; the closures receive the payload as `T`
/// (the builder unwraps and type-checks it) and return `Value`s (wrap a `T` with `wrap(_:)`).
///
///     let vector = registry.defineType(Vec2.self, name: "Vec2", doc: "A 2-D vector.")
///     vector
///         .initializer([.init("x", .double), .init("y", .double)]) { args, _ in
///             Vec2(x: try args.double("x"), y: try args.double("y"))
///         }
///         .property("x", .double, get: { .double($0.x) }, set: { $0.x = try $1.asDouble() })
///         .method("dot", [.init("_", .named("Vec2"))], returns: .double) { v, args, _ in
///             .double(v.dot(try args.native(0, as: Vec2.self)))
///         }
///         .infixOperator("+") { lhs, rhs in
///             guard let a = vector.unwrap(lhs), let b = vector.unwrap(rhs) else { return nil }
///             return vector.wrap(a + b)
///         }
///         .display { "Vec2(x: \($0.x), y: \($0.y))" }
public struct NativeTypeBuilder<T> {
    /// The type being described.
    public let type: NativeType
    private let wrapPayload: (T) -> Value
    private let unwrapPayload: (Value) -> T?

    init(type: NativeType, wrap: @escaping (T) -> Value, unwrap: @escaping (Value) -> T?) {
        self.type = type
        self.wrapPayload = wrap
        self.unwrapPayload = unwrap
    }

    /// `value` as a lesson-language value of this type.
    public func wrap(_ value: T) -> Value { wrapPayload(value) }

    /// The payload of `value` when it is of this type.
    public func unwrap(_ value: Value) -> T? { unwrapPayload(value) }

    private func payload(_ value: Value) throws -> T {
        guard let payload = unwrapPayload(value) else {
            throw NativeError("expected a value of type '\(type.name)', got \(value.type)")
        }
        return payload
    }

    // MARK: - Creating values

    /// `TypeName(label: …)`. Overloads are told apart by their labels and then by parameter types.
    @discardableResult
    public func initializer(_ parameters: [NativeParameter], doc: String = "",
                            _ body: @escaping (NativeArguments, NativeContext) throws -> T) -> Self {
        let signature = NativeSignature(name: type.name, parameters: parameters, returns: .named(type.name), doc: doc)
        let wrap = wrapPayload
        type.initializers.append(NativeFunction(signature: signature) { args, context in wrap(try body(args, context)) })
        return self
    }

    /// `TypeName.name`, and `.name` where the context expects this type (`padding: .same`).
    @discardableResult
    public func staticProperty(_ name: String, _ propertyType: ScriptType? = nil, doc: String = "",
                               _ get: @escaping () throws -> Value) -> Self {
        guard type.acceptsDefinition(of: "static " + name, existing: type.staticProperties[name] != nil) else { return self }
        type.staticProperties[name] = NativeType.StaticProperty(
            name: name, type: propertyType ?? .named(type.name), doc: doc, getter: get)
        return self
    }

    /// `TypeName.name(…)`, and `.name(…)` where the context expects this type
    /// (`kernelInitializer: .glorotUniform(seed: 0)`).
    @discardableResult
    public func staticMethod(_ name: String, _ parameters: [NativeParameter], returns: ScriptType? = nil,
                             doc: String = "", _ body: @escaping (NativeArguments, NativeContext) throws -> Value) -> Self {
        let signature = NativeSignature(name: name, parameters: parameters, returns: returns ?? .named(type.name), doc: doc)
        type.staticMethods[name, default: []].append(NativeFunction(signature: signature, body: body))
        return self
    }

    // MARK: - Instance members

    /// `value.name`; settable (`value.name = x`) when `set` is given. The setter gets the payload
    /// `inout`: for a struct payload the interpreter stores the changed copy back in the variable.
    @discardableResult
    public func property(_ name: String, _ propertyType: ScriptType, doc: String = "",
                         get: @escaping (T) throws -> Value,
                         set: ((inout T, Value) throws -> Void)? = nil) -> Self {
        let payload = self.payload
        let wrap = wrapPayload
        let setter: ((inout Value, Value) throws -> Void)? = set.map { set in
            { receiver, newValue in
                var value = try payload(receiver)
                // Let go of the receiver's copy so the change happens in place, not on a copy.
                receiver = .void
                defer { receiver = wrap(value) }
                try set(&value, newValue)
            }
        }
        guard type.acceptsDefinition(of: name, existing: type.properties[name] != nil) else { return self }
        type.properties[name] = NativeType.Property(
            name: name, type: propertyType, doc: doc, getter: { try get(payload($0)) }, setter: setter)
        return self
    }

    /// `value.name(…)`, not changing the value.
    @discardableResult
    public func method(_ name: String, _ parameters: [NativeParameter], returns: ScriptType = .void, doc: String = "",
                       _ body: @escaping (T, NativeArguments, NativeContext) throws -> Value) -> Self {
        let payload = self.payload
        let signature = NativeSignature(name: name, parameters: parameters, returns: returns, doc: doc)
        type.methods[name, default: []].append(NativeType.Method(signature: signature, isMutating: false) { receiver, args, context in
            try body(payload(receiver), args, context)
        })
        return self
    }

    /// `value.name(…)` changing the value in place; lesson code needs a `var` to call it.
    @discardableResult
    public func mutatingMethod(_ name: String, _ parameters: [NativeParameter], returns: ScriptType = .void,
                               doc: String = "", _ body: @escaping (inout T, NativeArguments, NativeContext) throws -> Value) -> Self {
        let payload = self.payload
        let wrap = wrapPayload
        let signature = NativeSignature(name: name, parameters: parameters, returns: returns, doc: doc)
        type.methods[name, default: []].append(NativeType.Method(signature: signature, isMutating: true) { receiver, args, context in
            var value = try payload(receiver)
            // Let go of the receiver's copy so `xs.append(x)` changes the array in place: keeping
            // both would copy all of it on every call.
            receiver = .void
            defer { receiver = wrap(value) }
            return try body(&value, args, context)
        })
        return self
    }

    /// `value[…]`, and `value[…] = x` when `set` is given.
    @discardableResult
    public func subscriptAccess(_ parameters: [NativeParameter], returns: ScriptType = .any, doc: String = "",
                                get: @escaping (T, NativeArguments, NativeContext) throws -> Value,
                                set: ((inout T, NativeArguments, Value, NativeContext) throws -> Void)? = nil) -> Self {
        let payload = self.payload
        let wrap = wrapPayload
        let signature = NativeSignature(name: "subscript", parameters: parameters, returns: returns, doc: doc)
        type.subscripts.append(NativeType.Method(signature: signature, isMutating: false) { receiver, args, context in
            try get(payload(receiver), args, context)
        })
        if let set {
            type.subscriptSetters[signature.selector] = NativeType.SubscriptSetter { receiver, args, newValue, context in
                var value = try payload(receiver)
                receiver = .void
                defer { receiver = wrap(value) }
                try set(&value, args, newValue, context)
            }
        }
        return self
    }

    /// `value(…)`: a value used as a function (a layer applied to a tensor: `Conv2D(…)(x)`).
    @discardableResult
    public func callAsFunction(_ parameters: [NativeParameter], returns: ScriptType = .any, doc: String = "",
                               _ body: @escaping (T, NativeArguments, NativeContext) throws -> Value) -> Self {
        let payload = self.payload
        let signature = NativeSignature(name: "callAsFunction", parameters: parameters, returns: returns, doc: doc)
        type.callables.append(NativeType.Method(signature: signature, isMutating: false) { receiver, args, context in
            try body(payload(receiver), args, context)
        })
        return self
    }

    // MARK: - Operators

    /// An infix operator (`+`, `*`, `==`, `<`, …) where either operand, or both, is of this type:
    /// `tensor + 1.0`, `2 * tensor`, `a == b`. Return nil when the operands are not ones this type
    /// handles; the interpreter then tries the other operand's type, and reports the mismatch if
    /// nothing applies. `==` also serves `!=`, and `<` serves `>`, `<=`, `>=` when those are not
    /// registered. Compound assignments (`x += y`) use the plain operator.
    @discardableResult
    public func infixOperator(_ symbol: String,
                              _ body: @escaping (_ lhs: Value, _ rhs: Value, _ context: NativeContext) throws -> Value?) -> Self {
        type.infixOperators[symbol, default: []].append(NativeType.InfixOperator(body: body))
        return self
    }

    /// The same, for bodies that need no context.
    @discardableResult
    public func infixOperator(_ symbol: String, _ body: @escaping (_ lhs: Value, _ rhs: Value) throws -> Value?) -> Self {
        infixOperator(symbol) { lhs, rhs, _ in try body(lhs, rhs) }
    }

    /// A prefix operator on this type: `-tensor`.
    @discardableResult
    public func prefixOperator(_ symbol: String, _ body: @escaping (T, NativeContext) throws -> Value) -> Self {
        let payload = self.payload
        type.prefixOperators[symbol] = { value, context in try body(payload(value), context) }
        return self
    }

    // MARK: - Iteration and display

    /// What `for x in value` visits (a data set's batches, a stride's numbers).
    @discardableResult
    public func iterate(_ elements: @escaping (T) throws -> AnyIterator<Value>) -> Self {
        let payload = self.payload
        type.iterate = { try elements(payload($0)) }
        return self
    }

    /// How `print` and string interpolation show a value (`description`), and, when given, how it
    /// shows inside an array or an optional (`debugDescription`; `describe` when nil).
    @discardableResult
    public func display(_ describe: @escaping (T) -> String, debug: ((T) -> String)? = nil) -> Self {
        let unwrap = unwrapPayload
        let typeName = type.name
        type.describe = { value in unwrap(value).map(describe) ?? typeName }
        if let debug { type.debugDescribe = { value in unwrap(value).map(debug) ?? typeName } }
        return self
    }

    /// What the REPL shows when a cell's last expression has this type. Without one the echo is
    /// `TypeName = description`.
    @discardableResult
    public func echo(_ echo: @escaping (T) -> String) -> Self {
        let unwrap = unwrapPayload
        let typeName = type.name
        type.echo = { value in unwrap(value).map(echo) ?? typeName }
        return self
    }

    /// Declares that the type belongs to a group (`Layer`), so parameters of that type accept it.
    @discardableResult
    public func conforms(to group: String) -> Self {
        type.conformances.insert(group)
        return self
    }
}
