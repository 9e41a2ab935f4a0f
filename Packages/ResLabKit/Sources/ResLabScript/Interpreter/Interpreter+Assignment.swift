/// A place a value can be stored: a variable, then members and subscripts into it
/// (`grid[i][j]`, `layer.units`, `pair.0`). Subscript arguments are evaluated once, when the path
/// is made.
struct LValuePath {
    enum Step {
        case member(String, SourceLocation)
        case subscriptAccess([PendingArgument], SourceLocation)
    }

    let root: String
    let rootLocation: SourceLocation
    var steps: [Step]
}

extension Interpreter {
    /// The path `expression` denotes, or nil when it is not rooted in a variable.
    func lvaluePath(_ expression: Expr, in environment: Environment) throws -> LValuePath? {
        switch expression {
        case .name(let name, let location):
            return environment.lookup(name) == nil ? nil : LValuePath(root: name, rootLocation: location, steps: [])
        case .member(let base, let name, let location):
            guard var path = try lvaluePath(base, in: environment) else { return nil }
            path.steps.append(.member(name, location))
            return path
        case .subscriptAccess(let base, let arguments, let location):
            guard var path = try lvaluePath(base, in: environment) else { return nil }
            var evaluated: [PendingArgument] = []
            for argument in pending(arguments, in: environment) {
                evaluated.append(PendingArgument(label: argument.label, isTrailingClosure: false, location: argument.location,
                                                 source: .value(try evaluate(argument, expecting: nil))))
            }
            path.steps.append(.subscriptAccess(evaluated, location))
            return path
        default:
            return nil
        }
    }

    /// The value at a path.
    func read(_ path: LValuePath, in environment: Environment) throws -> Value {
        var value = try lookup(path.root, at: path.rootLocation, in: environment)
        for step in path.steps {
            switch step {
            case .member(let name, let location): value = try member(name, of: value, at: location)
            case .subscriptAccess(let arguments, let location): value = try subscriptGet(value, arguments: arguments, at: location)
            }
        }
        return value
    }

    /// Something computed from the value at a path; the copy read is released on return, so a
    /// following `modify` finds the storage unshared.
    func withValue<R>(at path: LValuePath, in environment: Environment, _ body: (Value) throws -> R) throws -> R {
        try body(try read(path, in: environment))
    }

    /// Changes the value at a path in place. `verb` words the error for a `let` ("assign to",
    /// "use mutating member 'append'").
    func modify(_ path: LValuePath, in environment: Environment, at location: SourceLocation, verb: String,
                _ body: (inout Value) throws -> Void) throws {
        guard let owner = environment.owner(of: path.root), let binding = owner.access(path.root) else {
            throw runtimeError("cannot find '\(path.root)' in scope", at: path.rootLocation)
        }
        if binding.isConstant && (binding.isInitialized || !path.steps.isEmpty) && !(binding.holdsReference && !path.steps.isEmpty) {
            throw runtimeError("cannot \(verb) '\(path.root)': it is a 'let' constant", at: location,
                               hint: "declare it with 'var' to change it")
        }
        try owner.modify(path.root) { binding in
            try apply(path.steps[...], to: &binding.value, body)
            binding.isInitialized = true
        }
    }

    private func apply(_ steps: ArraySlice<LValuePath.Step>, to value: inout Value, _ body: (inout Value) throws -> Void) throws {
        guard let step = steps.first else {
            try body(&value)
            return
        }
        let rest = steps.dropFirst()
        switch step {
        case .member(let name, let location):
            if case .tuple(let tuple) = value {
                let index = Int(name) ?? tuple.labels.firstIndex(of: name)
                guard let index, index >= 0, index < tuple.elements.count else {
                    throw runtimeError("value of tuple type '\(value.type)' has no member '\(name)'", at: location)
                }
                var elements = tuple.elements
                let labels = tuple.labels
                value = .void
                defer { value = .tuple(ScriptTuple(elements, labels: labels)) }
                try apply(rest, to: &elements[index], body)
                return
            }
            guard let type = registry.memberType(of: value), let property = type.properties[name] else {
                throw runtimeError("value of type '\(value.type)' has no member '\(name)'", at: location)
            }
            guard let set = property.setter else {
                throw runtimeError("cannot assign to property: '\(name)' is a get-only property", at: location)
            }
            do {
                var inner = try property.getter(value)
                try apply(rest, to: &inner, body)
                try set(&value, inner)
            } catch let error as ScriptError {
                throw error
            } catch {
                throw nativeError(error, at: location)
            }
        case .subscriptAccess(let arguments, let location):
            try applySubscript(arguments, rest, to: &value, at: location, body)
        }
    }

    private func applySubscript(_ arguments: [PendingArgument], _ rest: ArraySlice<LValuePath.Step>, to value: inout Value,
                                at location: SourceLocation, _ body: (inout Value) throws -> Void) throws {
        // Take the collection out of `value` before changing it (see `takeArray`).
        if var elements = Self.takeArray(&value) {
            defer { value = .array(elements) }
            let index = try arrayIndex(arguments, count: elements.count, at: location)
            try apply(rest, to: &elements[index], body)
            return
        }
        if var dictionary = Self.takeDictionary(&value) {
            defer { value = .dictionary(dictionary) }
            let (key, fallback) = try dictionaryKey(arguments, at: location)
            var entry: Value = dictionary[key].map { fallback == nil ? .optional($0) : $0 } ?? fallback ?? .optional(nil)
            try apply(rest, to: &entry, body)
            if fallback == nil, case .optional(let wrapped) = entry {
                dictionary[key] = wrapped
            } else {
                dictionary[key] = entry
            }
            return
        }
        switch value {
        case .native(let native):
            let getter = try nativeSubscript(native.type, arguments, at: location)
            guard let setter = native.type.subscriptSetters[getter.method.signature.selector] else {
                throw runtimeError("cannot assign through subscript: '\(native.type.name)' subscripts are get-only", at: location)
            }
            var inner = try invoke(getter.method, receiver: value, values: getter.values, at: location)
            try apply(rest, to: &inner, body)
            do {
                try setter.body(&value, NativeArguments(signature: getter.method.signature, values: getter.values), inner,
                                NativeContext(interpreter: self, location: location))
            } catch {
                throw nativeError(error, at: location)
            }
        default:
            throw runtimeError("value of type '\(value.type)' has no subscripts", at: location)
        }
    }

    /// The array inside `value`, leaving `.void` in its place: the array is then the only
    /// reference to its storage, so an element changes in place. (Binding it in a `switch` on
    /// `value` would keep a second reference alive and copy the whole array on every assignment.)
    private static func takeArray(_ value: inout Value) -> [Value]? {
        guard case .array(let elements) = value else { return nil }
        value = .void
        return elements
    }

    private static func takeDictionary(_ value: inout Value) -> ScriptDictionary? {
        guard case .dictionary(let dictionary) = value else { return nil }
        value = .void
        return dictionary
    }

    // MARK: - Assignment statements

    func assign(_ assignment: Assignment, in environment: Environment) throws {
        guard let path = try lvaluePath(assignment.target, in: environment) else {
            if case .name(let name, let location) = assignment.target {
                throw runtimeError("cannot find '\(name)' in scope", at: location)
            }
            throw runtimeError("cannot assign to this expression: only variables, their properties and their elements can be assigned",
                               at: assignment.target.location)
        }
        guard let binding = environment.access(path.root) else {
            throw runtimeError("cannot find '\(path.root)' in scope", at: path.rootLocation)
        }
        let verb = assignment.op == "=" ? "assign to" : "use '\(assignment.op)' on"
        if binding.isConstant && (binding.isInitialized || !path.steps.isEmpty) && !(binding.holdsReference && !path.steps.isEmpty) {
            throw runtimeError("cannot \(verb) '\(path.root)': it is a 'let' constant", at: assignment.location,
                               hint: "declare it with 'var' to change it")
        }
        let old: Value? = assignment.op != "=" || !path.steps.isEmpty ? try read(path, in: environment) : nil
        var expected: ScriptType? = path.steps.isEmpty ? binding.type : old?.type
        if expected == .any { expected = nil }
        var value = try evaluate(assignment.value, in: environment, expecting: expected)
        if assignment.op != "=", let old {
            value = try binaryOperation(String(assignment.op.dropLast()), old, value, at: assignment.location)
        }
        if let expected, !Self.isVague(expected) {
            guard let converted = convert(value, to: expected) else {
                throw runtimeError("cannot assign value of type '\(value.type)' to type '\(expected)'",
                                   at: assignment.value.location, hint: conversionHint(from: value.type, to: expected))
            }
            value = converted
        }
        try modify(path, in: environment, at: assignment.location, verb: verb) { $0 = value }
    }

    /// A type read off a value that says too little to check against (`[Any]` of an empty array,
    /// the `Optional<Any>` of a missing dictionary entry).
    private static func isVague(_ type: ScriptType) -> Bool {
        switch type {
        case .any: return true
        case .array(let element), .optional(let element): return isVague(element)
        case .dictionary(let key, let value): return isVague(key) || isVague(value)
        default: return false
        }
    }
}
