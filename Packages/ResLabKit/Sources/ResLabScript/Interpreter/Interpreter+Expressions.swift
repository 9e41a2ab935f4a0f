extension Interpreter {
    /// Evaluates an expression. `expected` is the type the context asks for (an annotation, a
    /// parameter, the other operand): number literals take it (`let x: Double = 1` is 1.0) and
    /// implicit members resolve against it (`.same` where a `Padding` is expected).
    func evaluate(_ expression: Expr, in environment: Environment, expecting expected: ScriptType? = nil) throws -> Value {
        switch expression {
        case .literal(let literal, _):
            return literalValue(literal, expecting: expected)
        case .interpolation(let parts, _):
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .expression(let inner): text += describe(try evaluate(inner, in: environment))
                }
            }
            return .string(text)
        case .name(let name, let location):
            return try lookup(name, at: location, in: environment)
        case .array(let elements, _):
            return try evaluateArray(elements, in: environment, expecting: expected)
        case .dictionary(let entries, let location):
            var keyType: ScriptType?
            var valueType: ScriptType?
            if case .dictionary(let key, let value)? = expected?.unwrapped { keyType = key; valueType = value }
            var dictionary = ScriptDictionary()
            var values: [(Value, Value)] = []
            for entry in entries {
                let key = try evaluate(entry.key, in: environment, expecting: keyType)
                guard ScriptDictionary.isValidKey(key) else {
                    throw runtimeError("a dictionary key must be a number, string or boolean, not '\(key.type)'",
                                       at: entry.key.location)
                }
                values.append((key, try evaluate(entry.value, in: environment, expecting: valueType)))
            }
            let unified = try unifyNumbers(values.map(\.1), entries.map(\.value), at: location)
            for (index, value) in unified.enumerated() { dictionary[values[index].0] = value }
            return .dictionary(dictionary)
        case .emptyCollection(let type, _):
            if case .dictionary = type { return .dictionary(ScriptDictionary()) }
            return .array([])
        case .tuple(let elements, _):
            var types: [ScriptType?] = Array(repeating: nil, count: elements.count)
            if case .tuple(let expectedTypes, _)? = expected, expectedTypes.count == elements.count { types = expectedTypes }
            var values: [Value] = []
            for (index, element) in elements.enumerated() {
                values.append(try evaluate(element.value, in: environment, expecting: types[index]))
            }
            return .tuple(ScriptTuple(values, labels: elements.map(\.label)))
        case .prefix(let op, let operand, let location):
            let value = try evaluate(operand, in: environment, expecting: op == "!" ? .bool : expected)
            return try prefixOperation(op, value, at: location)
        case .forceUnwrap(let operand, let location):
            let value = try evaluate(operand, in: environment)
            guard case .optional(let wrapped) = value else {
                throw runtimeError("cannot force unwrap value of non-optional type '\(value.type)'", at: location,
                                   hint: "remove the '!'")
            }
            guard let wrapped else {
                throw runtimeError("unexpectedly found nil while unwrapping an Optional value", at: location,
                                   hint: "check for nil first with 'if let' or 'guard let', or give a default with '??'")
            }
            return wrapped
        case .binary(let op, let lhs, let rhs, let location):
            return try evaluateBinary(op, lhs, rhs, at: location, in: environment, expecting: expected)
        case .ternary(let condition, let then, let otherwise, _):
            return try self.condition(condition, in: environment)
                ? try evaluate(then, in: environment, expecting: expected)
                : try evaluate(otherwise, in: environment, expecting: expected)
        case .member(let base, let name, let location):
            if case .name(let typeName, _) = base, environment.lookup(typeName) == nil, let type = registry.type(named: typeName) {
                return try staticMember(name, of: type, arguments: nil, at: location, in: environment)
            }
            let value = try evaluate(base, in: environment)
            return try member(name, of: value, at: location)
        case .implicitMember(let name, let location):
            return try implicitMember(name, arguments: nil, at: location, in: environment, expecting: expected)
        case .subscriptAccess(let base, let arguments, let location):
            let receiver = try evaluate(base, in: environment)
            return try subscriptGet(receiver, arguments: pending(arguments, in: environment), at: location)
        case .call(let callee, let arguments, let location):
            return try evaluateCall(callee, arguments, at: location, in: environment, expecting: expected)
        case .closure(let decl):
            return .function(FunctionValue(name: "closure", body: .script(decl, environment)))
        }
    }

    // MARK: - Literals and collections

    func literalValue(_ literal: Literal, expecting expected: ScriptType?) -> Value {
        switch literal {
        case .int(let value):
            switch expected?.unwrapped {
            case .double?: return .double(Double(value))
            case .float?: return .float(Float(value))
            default: return .int(value)
            }
        case .double(let value):
            if case .float? = expected?.unwrapped { return .float(Float(value)) }
            return .double(value)
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .nil: return .optional(nil)
        }
    }

    private func evaluateArray(_ elements: [Expr], in environment: Environment, expecting expected: ScriptType?) throws -> Value {
        var elementType: ScriptType?
        if case .array(let element)? = expected?.unwrapped { elementType = element }
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            values.append(try evaluate(element, in: environment, expecting: elementType))
        }
        guard let first = elements.first else { return .array([]) }
        return .array(try unifyNumbers(values, elements, at: first.location))
    }

    /// Swift types `[1, 2.5]` as `[Double]`: where a collection literal mixes Ints written as
    /// literals with Doubles (or Floats), the literals become Doubles (or Floats).
    private func unifyNumbers(_ values: [Value], _ expressions: [Expr], at location: SourceLocation) throws -> [Value] {
        var target: ScriptType?
        for value in values {
            switch value {
            case .double: target = .double
            case .float where target == nil: target = .float
            default: break
            }
        }
        guard let target else { return values }
        return zip(values, expressions).map { value, expression in
            guard expression.isNumericLiteral else { return value }
            return convertLiteral(value, to: target) ?? value
        }
    }

    // MARK: - Names and members

    func lookup(_ name: String, at location: SourceLocation, in environment: Environment) throws -> Value {
        if let binding = environment.lookup(name) {
            guard binding.isInitialized else {
                throw runtimeError("constant '\(name)' used before being initialized", at: location)
            }
            return binding.value
        }
        if let overloads = registry.functions[name] {
            return .function(FunctionValue(name: name, body: .native(overloads)))
        }
        if let type = registry.type(named: name) { return .type(type) }
        throw runtimeError("cannot find '\(name)' in scope", at: location)
    }

    /// `value.name` for a property (methods are called through `evaluateCall`).
    func member(_ name: String, of value: Value, at location: SourceLocation) throws -> Value {
        if case .tuple(let tuple) = value {
            if let index = Int(name), index >= 0, index < tuple.elements.count { return tuple.elements[index] }
            if let index = tuple.labels.firstIndex(of: name) { return tuple.elements[index] }
            throw runtimeError("value of tuple type '\(value.type)' has no member '\(name)'", at: location)
        }
        if case .type(let type) = value {
            return try staticMember(name, of: type, arguments: nil, at: location, in: globals)
        }
        guard let type = registry.memberType(of: value) else {
            throw runtimeError("value of type '\(value.type)' has no member '\(name)'", at: location)
        }
        if let property = type.properties[name] {
            do { return try property.getter(value) } catch { throw nativeError(error, at: location) }
        }
        throw memberError(name, of: value, type: type, at: location)
    }

    /// The error for a member that does not exist, with a suggestion.
    func memberError(_ name: String, of value: Value, type: NativeType, at location: SourceLocation) -> ScriptError {
        if case .optional(let wrapped) = value, let wrapped, let inner = registry.memberType(of: wrapped),
           inner.properties[name] != nil || inner.methods[name] != nil {
            return runtimeError("value of optional type '\(value.type)' must be unwrapped to refer to member '\(name)'",
                                at: location, hint: "unwrap it first with 'if let', 'guard let', '??' or '!'")
        }
        if type.methods[name] != nil {
            return runtimeError("'\(name)' is a method of '\(value.type)': call it with parentheses", at: location)
        }
        return runtimeError("value of type '\(value.type)' has no member '\(name)'", at: location,
                            hint: Suggestion.didYouMean(name, among: type.memberNames))
    }

    /// `Type.name` or `Type.name(…)`.
    func staticMember(_ name: String, of type: NativeType, arguments: [PendingArgument]?, at location: SourceLocation,
                      in environment: Environment) throws -> Value {
        if let arguments {
            if let overloads = type.staticMethods[name] {
                return try callNative(overloads, named: "\(type.name).\(name)", arguments: arguments, at: location)
            }
            if type.staticProperties[name] != nil {
                let value = try staticMember(name, of: type, arguments: nil, at: location, in: environment)
                return try callValue(value, arguments, at: location)
            }
        } else if let property = type.staticProperties[name] {
            do { return try property.getter() } catch { throw nativeError(error, at: location) }
        } else if type.staticMethods[name] != nil {
            throw runtimeError("'\(name)' is a static method of '\(type.name)': call it with parentheses", at: location)
        }
        throw runtimeError("type '\(type.name)' has no member '\(name)'", at: location,
                           hint: Suggestion.didYouMean(name, among: type.staticMemberNames))
    }

    /// `.name` or `.name(…)`: resolved against the expected type when it names one with such a
    /// member; otherwise kept as an `.implicitMember` value for a native callee to interpret.
    func implicitMember(_ name: String, arguments: [PendingArgument]?, at location: SourceLocation, in environment: Environment,
                        expecting expected: ScriptType?) throws -> Value {
        if let expected, let type = registry.staticContext(for: expected) {
            return try staticMember(name, of: type, arguments: arguments, at: location, in: environment)
        }
        let values = try arguments.map { list in try list.map { (label: $0.label, value: try evaluate($0, expecting: nil)) } }
        return .implicitMember(ImplicitMember(name: name, arguments: values))
    }

    /// Resolves an implicit member value handed over without context, now that a type is known.
    func resolve(_ member: ImplicitMember, in type: NativeType, at location: SourceLocation) throws -> Value {
        let arguments = member.arguments.map { list in
            list.map { PendingArgument(label: $0.label, isTrailingClosure: false, location: location, source: .value($0.value)) }
        }
        return try staticMember(member.name, of: type, arguments: arguments, at: location, in: globals)
    }
}
