/// An argument not yet evaluated (or already a value, when a native calls back): evaluated once,
/// with the type of the parameter it binds to as context.
struct PendingArgument {
    enum Source {
        case expression(Expr, Environment)
        case value(Value)
    }

    let label: String?
    let isTrailingClosure: Bool
    let location: SourceLocation
    let source: Source

    var shape: ArgumentShape { ArgumentShape(label: label, isTrailingClosure: isTrailingClosure) }

    var expression: Expr? {
        if case .expression(let expression, _) = source { return expression }
        return nil
    }
}

/// One callable a call may bind to: a lesson function's declaration or a native signature.
struct CallCandidate {
    let selector: String
    let shapes: [ParameterShape]
    let types: [ScriptType?]
    /// The default of each parameter, evaluated only when used.
    let defaults: [(() throws -> Value)?]
}

extension Interpreter {
    func pending(_ arguments: [Argument], in environment: Environment) -> [PendingArgument] {
        arguments.map {
            PendingArgument(label: $0.label, isTrailingClosure: $0.isTrailingClosure, location: $0.location,
                            source: .expression($0.value, environment))
        }
    }

    func evaluate(_ argument: PendingArgument, expecting expected: ScriptType?) throws -> Value {
        switch argument.source {
        case .expression(let expression, let environment): return try evaluate(expression, in: environment, expecting: expected)
        case .value(let value): return value
        }
    }

    // MARK: - Call expressions

    func evaluateCall(_ callee: Expr, _ arguments: [Argument], at location: SourceLocation, in environment: Environment,
                      expecting expected: ScriptType?) throws -> Value {
        let pendingArguments = pending(arguments, in: environment)
        switch callee {
        case .member(let base, let name, let memberLocation):
            if case .name(let typeName, _) = base, environment.lookup(typeName) == nil, let type = registry.type(named: typeName) {
                return try staticMember(name, of: type, arguments: pendingArguments, at: memberLocation, in: environment)
            }
            return try callMethod(name, on: base, arguments: pendingArguments, at: memberLocation, in: environment)
        case .implicitMember(let name, let memberLocation):
            return try implicitMember(name, arguments: pendingArguments, at: memberLocation, in: environment, expecting: expected)
        case .emptyCollection(let type, let typeLocation):
            if arguments.isEmpty { return try evaluate(callee, in: environment) }
            guard case .array(let element) = type else {
                throw runtimeError("'\(type)' has no initializer taking arguments", at: typeLocation)
            }
            return try arrayRepeating(element: element, arguments: pendingArguments, at: location)
        default:
            let function = try evaluate(callee, in: environment)
            return try callValue(function, pendingArguments, at: callee.location)
        }
    }

    /// `[Double](repeating: 0, count: n)`.
    private func arrayRepeating(element: ScriptType, arguments: [PendingArgument], at location: SourceLocation) throws -> Value {
        let signature = NativeSignature(name: "Array", parameters: [.init("repeating", element), .init("count", .int)], returns: .array(element))
        let function = NativeFunction(signature: signature) { args, _ in
            let count = try args.int(1)
            guard count >= 0 else { throw NativeError("Array(repeating:count:) needs a count of at least 0, got \(count)") }
            return .array(Array(repeating: args[0], count: count))
        }
        return try callNative([function], named: "Array", arguments: arguments, at: location)
    }

    /// Calls any callable value: a function, a type (its initialisers) or a native value with
    /// `callAsFunction`.
    func callValue(_ function: Value, _ arguments: [PendingArgument], at location: SourceLocation) throws -> Value {
        switch function {
        case .function(let function):
            switch function.body {
            case .script(let decl, let captured):
                let values = try bindArguments(arguments, to: [candidate(for: decl, captured: captured)],
                                               callee: function.name, at: location).values
                return try callScript(decl, captured: captured, arguments: values, at: location)
            case .native(let overloads):
                return try callNative(overloads, named: function.name, arguments: arguments, at: location)
            }
        case .type(let type):
            guard !type.initializers.isEmpty else {
                throw runtimeError("'\(type.name)' cannot be constructed", at: location)
            }
            return try callNative(type.initializers, named: type.name, arguments: arguments, at: location)
        case .native(let native) where !native.type.callables.isEmpty:
            let chosen = try bindArguments(arguments, to: native.type.callables.map { candidate(for: $0.signature) },
                                           callee: "\(native.type.name).callAsFunction", at: location)
            let method = native.type.callables[chosen.index]
            return try invoke(method, receiver: function, values: chosen.values, at: location)
        default:
            throw runtimeError("cannot call value of non-function type '\(function.type)'", at: location)
        }
    }

    /// Calls a value with unlabelled, already evaluated arguments (natives calling back).
    func callValue(_ function: Value, arguments: [(String?, Value)], at location: SourceLocation) throws -> Value {
        try callValue(function, arguments.map {
            PendingArgument(label: $0.0, isTrailingClosure: false, location: location, source: .value($0.1))
        }, at: location)
    }

    /// Picks the overload whose labels and parameter types fit, and calls it.
    func callNative(_ overloads: [NativeFunction], named name: String, arguments: [PendingArgument],
                    at location: SourceLocation) throws -> Value {
        let chosen = try bindArguments(arguments, to: overloads.map { candidate(for: $0.signature) }, callee: name, at: location)
        let function = overloads[chosen.index]
        try step(at: location)
        do {
            return try function.body(NativeArguments(signature: function.signature, values: chosen.values),
                                     NativeContext(interpreter: self, location: location))
        } catch {
            throw nativeError(error, at: location)
        }
    }

    /// Runs a native method, subscript getter or `callAsFunction` on a receiver that is not
    /// written back.
    func invoke(_ method: NativeType.Method, receiver: Value, values: [Value], at location: SourceLocation) throws -> Value {
        try step(at: location)
        var receiver = receiver
        do {
            return try method.body(&receiver, NativeArguments(signature: method.signature, values: values),
                                   NativeContext(interpreter: self, location: location))
        } catch {
            throw nativeError(error, at: location)
        }
    }

    // MARK: - Methods

    /// `base.name(…)`. A mutating method needs `base` to be a variable (or a path into one), which
    /// receives the changed value.
    func callMethod(_ name: String, on base: Expr, arguments: [PendingArgument], at location: SourceLocation,
                    in environment: Environment) throws -> Value {
        if let path = try lvaluePath(base, in: environment) {
            let receiverType = try withValue(at: path, in: environment) { registry.memberType(of: $0) }
            if let methods = receiverType?.methods[name], methods.contains(where: \.isMutating) {
                let chosen = try bindArguments(arguments, to: methods.map { candidate(for: $0.signature) },
                                               callee: "\(receiverType?.name ?? "").\(name)", at: location)
                let method = methods[chosen.index]
                if method.isMutating {
                    try step(at: location)
                    let context = NativeContext(interpreter: self, location: location)
                    let arguments = NativeArguments(signature: method.signature, values: chosen.values)
                    var result = Value.void
                    try modify(path, in: environment, at: location, verb: "use mutating member '\(name)'") { receiver in
                        do { result = try method.body(&receiver, arguments, context) } catch { throw nativeError(error, at: location) }
                    }
                    return result
                }
            }
        }
        let receiver = try evaluate(base, in: environment)
        return try callMethod(name, on: receiver, arguments: arguments, at: location)
    }

    /// A method call on a value that is not written back.
    func callMethod(_ name: String, on receiver: Value, arguments: [PendingArgument], at location: SourceLocation) throws -> Value {
        if case .type(let type) = receiver {
            return try staticMember(name, of: type, arguments: arguments, at: location, in: globals)
        }
        guard let type = registry.memberType(of: receiver) else {
            if case .tuple = receiver {
                return try callValue(try member(name, of: receiver, at: location), arguments, at: location)
            }
            throw runtimeError("value of type '\(receiver.type)' has no member '\(name)'", at: location)
        }
        guard let methods = type.methods[name] else {
            if type.properties[name] != nil {
                return try callValue(try member(name, of: receiver, at: location), arguments, at: location)
            }
            throw memberError(name, of: receiver, type: type, at: location)
        }
        let chosen = try bindArguments(arguments, to: methods.map { candidate(for: $0.signature) },
                                       callee: "\(type.name).\(name)", at: location)
        let method = methods[chosen.index]
        if method.isMutating {
            throw runtimeError("cannot use mutating member '\(name)' on an immutable value", at: location,
                               hint: "store the value in a 'var' first")
        }
        return try invoke(method, receiver: receiver, values: chosen.values, at: location)
    }

    // MARK: - Binding arguments to parameters

    func candidate(for decl: FunctionDecl, captured: Environment) -> CallCandidate {
        CallCandidate(
            selector: decl.displayName,
            shapes: decl.parameters.map {
                ParameterShape(label: $0.label, hasDefault: $0.defaultValue != nil, isVariadic: false,
                               takesFunction: $0.type?.acceptsFunction ?? true)
            },
            types: decl.parameters.map(\.type),
            defaults: decl.parameters.map { parameter in
                parameter.defaultValue.map { expression in
                    { [unowned self] in
                        let value = try self.evaluate(expression, in: captured, expecting: parameter.type)
                        return parameter.type.flatMap { self.convert(value, to: $0) } ?? value
                    }
                }
            })
    }

    func candidate(for signature: NativeSignature) -> CallCandidate {
        CallCandidate(selector: signature.selector,
                      shapes: signature.shapes,
                      types: signature.parameters.map(\.type),
                      defaults: signature.parameters.map { parameter in parameter.defaultValue.map { value in { value } } })
    }

    /// Chooses among `candidates` one whose labels match the call and whose parameter types accept
    /// the arguments, the most specific first as Swift does (fewest parameters typed `Any`, then
    /// registration order), so `max(_:_:)` on tensors finds the engine's overload before the
    /// standard library's; returns its index and one value per parameter.
    func bindArguments(_ arguments: [PendingArgument], to candidates: [CallCandidate], callee: String,
                               at location: SourceLocation) throws -> (index: Int, values: [Value]) {
        let shapes = arguments.map(\.shape)
        let matching = candidates.enumerated().compactMap { index, candidate in
            ArgumentMatcher.match(shapes, to: candidate.shapes).map { (index: index, binding: $0) }
        }
        guard let first = matching.first else {
            throw labelError(shapes, candidates: candidates, callee: callee, at: location)
        }
        // Evaluate each argument once, with the parameter type all matching candidates agree on.
        var expectations: [ScriptType?] = Array(repeating: nil, count: arguments.count)
        for (parameter, indices) in first.binding.enumerated() {
            for argument in indices {
                let type = candidates[first.index].types[parameter]
                let agreed = matching.allSatisfy { match in
                    let position = match.binding.firstIndex { $0.contains(argument) }
                    return position.map { candidates[match.index].types[$0] == type } ?? false
                }
                expectations[argument] = agreed ? type : nil
            }
        }
        var values: [Value] = []
        for (index, argument) in arguments.enumerated() {
            values.append(try evaluate(argument, expecting: expectations[index]))
        }
        var firstFailure: (argument: Int, type: ScriptType)?
        func generality(_ index: Int) -> Int { candidates[index].types.filter { $0 == nil || $0 == .any }.count }
        let bySpecificity = matching.enumerated().sorted {
            (generality($0.element.index), $0.offset) < (generality($1.element.index), $1.offset)
        }.map(\.element)
        for match in bySpecificity {
            let candidate = candidates[match.index]
            var bound: [Value] = []
            var failed = false
            for (parameter, indices) in match.binding.enumerated() {
                let type = candidate.types[parameter] ?? .any
                if candidate.shapes[parameter].isVariadic {
                    var list: [Value] = []
                    for argument in indices {
                        guard let value = try adapt(values[argument], from: arguments[argument].expression, to: type, at: arguments[argument].location) else {
                            failed = true
                            firstFailure = firstFailure ?? (argument, type)
                            break
                        }
                        list.append(value)
                    }
                    bound.append(.array(list))
                } else if let argument = indices.first {
                    guard let value = try adapt(values[argument], from: arguments[argument].expression, to: type, at: arguments[argument].location) else {
                        failed = true
                        firstFailure = firstFailure ?? (argument, type)
                        break
                    }
                    bound.append(value)
                } else if let makeDefault = candidate.defaults[parameter] {
                    bound.append(try makeDefault())
                }
                if failed { break }
            }
            if !failed { return (match.index, bound) }
        }
        let failure = firstFailure ?? (0, .any)
        let value = values[failure.argument]
        if matching.count > 1 {
            let given = values.map { $0.type.description }.joined(separator: ", ")
            throw runtimeError("no overload of '\(callee)' accepts arguments of types (\(given))",
                               at: arguments[failure.argument].location,
                               hint: "candidates: " + matching.map { candidates[$0.index].selector }.joined(separator: ", "))
        }
        throw runtimeError("cannot convert value of type '\(value.type)' to expected argument type '\(failure.type)'",
                           at: arguments[failure.argument].location, hint: conversionHint(from: value.type, to: failure.type))
    }

    private func labelError(_ shapes: [ArgumentShape], candidates: [CallCandidate], callee: String,
                            at location: SourceLocation) -> ScriptError {
        let have = ArgumentMatcher.describe(shapes)
        if candidates.count == 1, let only = candidates.first {
            let expected = "(" + only.shapes.map { ($0.label ?? "_") + ":" }.joined() + ")"
            return runtimeError("incorrect arguments in call to '\(only.selector)' (have '\(have)', expected '\(expected)')",
                                at: location)
        }
        return runtimeError("no '\(callee)' takes arguments '\(have)'", at: location,
                            hint: "candidates: " + candidates.map(\.selector).joined(separator: ", "))
    }

    /// Advice for a failed conversion between number types.
    func conversionHint(from source: ScriptType, to target: ScriptType) -> String? {
        let numbers: [ScriptType] = [.int, .double, .float]
        guard numbers.contains(source), numbers.contains(target) else { return nil }
        return "convert it explicitly: \(target)(value)"
    }
}
