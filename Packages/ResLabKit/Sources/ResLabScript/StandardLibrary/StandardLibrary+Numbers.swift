extension StandardLibrary {
    static func installNumbers(in registry: NativeRegistry) {
        installInt(BuiltinTypes.builder(registry.builtins.int))
        installFloating(BuiltinTypes.builder(registry.builtins.double), name: "Double", make: { .double($0) },
                        read: { if case .double(let v) = $0 { return v } else { return nil } })
        installFloating(BuiltinTypes.builder(registry.builtins.float), name: "Float", make: { .float(Float($0)) },
                        read: { if case .float(let v) = $0 { return Double(v) } else { return nil } })
        BuiltinTypes.builder(registry.builtins.bool).mutatingMethod("toggle", [], doc: "Flips the value.") { value, _, _ in
            if case .bool(let truth) = value { value = .bool(!truth) }
            return .void
        }
    }

    private static func installInt(_ int: NativeTypeBuilder<Value>) {
        int.initializer([.init("_", .int)]) { args, _ in args[0] }
        for type in [ScriptType.double, .float] {
            int.initializer([.init("_", type)], doc: "Rounds toward zero.") { args, _ in
                let value = try args.double(0)
                guard value.isFinite, value > -9.3e18, value < 9.2e18 else {
                    throw NativeError("\(value) cannot be converted to Int: it is not finite or too large")
                }
                return .int(Int(value))
            }
        }
        int.type.initializers.append(NativeFunction(signature: NativeSignature(
            name: "Int", parameters: [.init("_", .string)], returns: .optional(.int), doc: "The number the text spells, or nil.")) { args, _ in
            .optional(Int(try args.string(0)).map(Value.int))
        })
        int.staticProperty("max", .int) { .int(Int.max) }
            .staticProperty("min", .int) { .int(Int.min) }
            .property("magnitude", .int) { value in
                guard case .int(let v) = value, v != Int.min else { throw NativeError("arithmetic overflow in magnitude") }
                return .int(abs(v))
            }
            .property("description", .string) { .string($0.description) }
            .method("isMultiple", [.init("of", .int)], returns: .bool) { value, args, _ in
                guard case .int(let v) = value else { return .bool(false) }
                let other = try args.int(0)
                return .bool(other == 0 ? v == 0 : v % other == 0)
            }
            .method("signum", [], returns: .int) { value, _, _ in
                guard case .int(let v) = value else { return .int(0) }
                return .int(v.signum())
            }
    }

    private static func installFloating(_ builder: NativeTypeBuilder<Value>, name: String, make: @escaping (Double) -> Value,
                                        read: @escaping (Value) -> Double?) {
        let type = ScriptType.builtin(named: name) ?? .double
        for source in [ScriptType.int, .double, .float] {
            builder.initializer([.init("_", source)]) { args, _ in make(try args.double(0)) }
        }
        builder.type.initializers.append(NativeFunction(signature: NativeSignature(
            name: name, parameters: [.init("_", .string)], returns: .optional(type), doc: "The number the text spells, or nil.")) { args, _ in
            .optional(Double(try args.string(0)).map(make))
        })
        func number(_ value: Value) throws -> Double {
            guard let number = read(value) else { throw NativeError("expected a \(name)") }
            return number
        }
        builder
            .staticProperty("pi", type) { make(Double.pi) }
            .staticProperty("infinity", type) { make(Double.infinity) }
            .staticProperty("nan", type) { make(Double.nan) }
            .staticProperty("greatestFiniteMagnitude", type) {
                name == "Float" ? .float(Float.greatestFiniteMagnitude) : .double(Double.greatestFiniteMagnitude)
            }
            .property("isNaN", .bool) { .bool(try number($0).isNaN) }
            .property("isFinite", .bool) { .bool(try number($0).isFinite) }
            .property("isInfinite", .bool) { .bool(try number($0).isInfinite) }
            .property("magnitude", type) { make(abs(try number($0))) }
            .property("description", .string) { .string($0.description) }
            .method("rounded", [], returns: type, doc: "Rounded to the nearest whole number, halves away from zero.") { value, _, _ in
                make(try number(value).rounded())
            }
            .method("squareRoot", [], returns: type) { value, _, _ in
                if case .float(let v) = value { return .float(v.squareRoot()) }
                return make(try number(value).squareRoot())
            }
            .method("truncatingRemainder", [.init("dividingBy", type)], returns: type) { value, args, _ in
                if case .float(let v) = value { return .float(v.truncatingRemainder(dividingBy: try args.float(0))) }
                return make(try number(value).truncatingRemainder(dividingBy: try args.double(0)))
            }
    }
}
