extension Value {
    /// Swift's `==` for the language's own values; nil when a native value is involved (its type's
    /// `==` operator decides, which the interpreter calls) or the values cannot be compared
    /// (functions, types).
    func builtinEquals(_ other: Value) -> Bool? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.range(let l1, let u1, let c1), .range(let l2, let u2, let c2)):
            return l1 == l2 && u1 == u2 && c1 == c2
        case (.void, .void): return true
        case (.optional(let a), .optional(let b)):
            switch (a, b) {
            case (nil, nil): return true
            case (nil, _), (_, nil): return false
            case (let a?, let b?): return a.builtinEquals(b)
            }
        case (.optional(let a), _):
            guard let a else { return false }
            return a.builtinEquals(other)
        case (_, .optional(let b)):
            guard let b else { return false }
            return builtinEquals(b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard let equal = x.builtinEquals(y) else { return nil }
                if !equal { return false }
            }
            return true
        case (.tuple(let a), .tuple(let b)):
            guard a.elements.count == b.elements.count else { return false }
            for (x, y) in zip(a.elements, b.elements) {
                guard let equal = x.builtinEquals(y) else { return nil }
                if !equal { return false }
            }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in zip(a.keys, a.values) {
                guard let other = b[key] else { return false }
                guard let equal = value.builtinEquals(other) else { return nil }
                if !equal { return false }
            }
            return true
        default:
            return nil
        }
    }
}

/// A dictionary key: a value that `ScriptDictionary.isValidKey` accepts, hashed by its contents.
struct HashableValue: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: HashableValue, rhs: HashableValue) -> Bool {
        lhs.value.builtinEquals(rhs.value) == true && lhs.value.type == rhs.value.type
    }

    func hash(into hasher: inout Hasher) {
        switch value {
        case .int(let v): hasher.combine(0); hasher.combine(v)
        case .double(let v): hasher.combine(1); hasher.combine(v)
        case .float(let v): hasher.combine(2); hasher.combine(v)
        case .bool(let v): hasher.combine(3); hasher.combine(v)
        case .string(let v): hasher.combine(4); hasher.combine(v)
        case .array(let elements):
            hasher.combine(5)
            for element in elements { HashableValue(element).hash(into: &hasher) }
        case .tuple(let tuple):
            hasher.combine(6)
            for element in tuple.elements { HashableValue(element).hash(into: &hasher) }
        case .optional(let wrapped):
            hasher.combine(7)
            if let wrapped { HashableValue(wrapped).hash(into: &hasher) }
        default:
            hasher.combine(8)
        }
    }
}
