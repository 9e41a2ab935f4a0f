extension Interpreter {
    /// Whether `value` can stand where `type` is expected (a dynamic version of Swift's check).
    func matches(_ value: Value, _ type: ScriptType) -> Bool {
        switch (type, value) {
        case (.any, _): return true
        case (.optional(let wrapped), .optional(let inner)): return inner.map { matches($0, wrapped) } ?? true
        case (.optional(let wrapped), _): return matches(value, wrapped)
        case (.int, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string), (.void, .void):
            return true
        case (.array(let element), .array(let elements)):
            return elements.allSatisfy { matches($0, element) }
        case (.dictionary(let keyType, let valueType), .dictionary(let dictionary)):
            return dictionary.keys.allSatisfy { matches($0, keyType) } && dictionary.values.allSatisfy { matches($0, valueType) }
        case (.tuple(let types, let labels), .tuple(let tuple)):
            // Labels must agree where both sides have one; an unlabelled tuple takes the labels.
            let labelsAgree = zip(labels, tuple.labels).allSatisfy { $0 == nil || $1 == nil || $0 == $1 }
            return types.count == tuple.elements.count && labelsAgree && zip(tuple.elements, types).allSatisfy { matches($0, $1) }
        case (.function, .function), (.function, .type):
            return true
        case (.function, .native(let native)):
            return !native.type.callables.isEmpty
        case (.range(let closed), .range(_, _, let isClosed)):
            return closed == isClosed
        case (.named(let name), .native(let native)):
            return native.type.conforms(to: name)
        default:
            return false
        }
    }

    /// `value` as a value of `type`: checked, and wrapped in `Optional` where an optional is
    /// expected. Nil when the value does not fit.
    func convert(_ value: Value, to type: ScriptType) -> Value? {
        guard matches(value, type) else { return nil }
        switch (type, value) {
        case (.optional(let wrapped), _):
            if case .optional = value { return value }
            return .optional(convert(value, to: wrapped) ?? value)
        case (.tuple(_, let labels), .tuple(var tuple)) where labels.contains(where: { $0 != nil }):
            tuple.labels = zip(labels, tuple.labels).map { $0 ?? $1 }
            return .tuple(tuple)
        default:
            return value
        }
    }

    /// A number literal's value as the number type `type` asks for (`1` as `1.0`), elementwise
    /// for arrays; nil when no such conversion applies.
    func convertLiteral(_ value: Value, to type: ScriptType) -> Value? {
        switch (type.unwrapped, value) {
        case (.double, .int(let v)): return .double(Double(v))
        case (.float, .int(let v)): return .float(Float(v))
        case (.float, .double(let v)): return .float(Float(v))
        case (.double, .double), (.float, .float): return value
        case (.array(let element), .array(let elements)):
            var converted: [Value] = []
            for element_ in elements {
                guard let value = convertLiteral(element_, to: element) else { return nil }
                converted.append(value)
            }
            return .array(converted)
        default: return nil
        }
    }

    /// An argument as the parameter type wants it: checked, number literals converted, implicit
    /// members resolved against the type. Nil when it does not fit.
    func adapt(_ value: Value, from expression: Expr?, to type: ScriptType, at location: SourceLocation) throws -> Value? {
        if case .any = type { return value }
        if case .implicitMember(let member) = value, let context = registry.staticContext(for: type) {
            return convert(try resolve(member, in: context, at: location), to: type)
        }
        if case .array(let element) = type.unwrapped, case .array(let elements) = value,
           elements.contains(where: { if case .implicitMember = $0 { return true } else { return false } }) {
            var adapted: [Value] = []
            for element_ in elements {
                guard let value = try adapt(element_, from: nil, to: element, at: location) else { return nil }
                adapted.append(value)
            }
            return convert(.array(adapted), to: type)
        }
        if let converted = convert(value, to: type) { return converted }
        if let expression, expression.isNumericLiteral, let literal = convertLiteral(value, to: type) {
            return convert(literal, to: type)
        }
        return nil
    }
}
