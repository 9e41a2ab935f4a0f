extension Value: CustomStringConvertible, CustomDebugStringConvertible {
    /// What `print(value)` and `"\(value)"` show, formatted as Swift formats the same value:
    /// `1.0`, `[1.0, 2.5]`, `["a": 1]`, `Optional(3)`, `(1, "x")`, `0..<3`. Strings inside
    /// collections are quoted; Doubles and Floats use Swift's shortest round-trip form.
    public var description: String { format(debug: false) }

    /// How the value shows inside a collection: strings quoted and escaped.
    public var debugDescription: String { format(debug: true) }

    func format(debug: Bool) -> String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return v.description
        case .float(let v): return v.description
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return debug ? v.debugDescription : v
        case .array(let elements):
            return "[" + elements.map(\.debugDescription).joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            if dictionary.count == 0 { return "[:]" }
            return "[" + zip(dictionary.keys, dictionary.values)
                .map { "\($0.debugDescription): \($1.debugDescription)" }
                .joined(separator: ", ") + "]"
        case .tuple(let tuple):
            return "(" + zip(tuple.labels, tuple.elements)
                .map { label, element in (label.map { "\($0): " } ?? "") + element.debugDescription }
                .joined(separator: ", ") + ")"
        case .range(let lower, let upper, let closed):
            return "\(lower)\(closed ? "..." : "..<")\(upper)"
        case .optional(let wrapped):
            guard let wrapped else { return "nil" }
            return "Optional(\(wrapped.debugDescription))"
        case .function:
            return "(Function)"
        case .native(let native):
            if debug, let debugDescribe = native.type.debugDescribe { return debugDescribe(self) }
            return native.type.describe?(self) ?? native.type.name
        case .type(let type):
            return type.name
        case .implicitMember(let member):
            guard let arguments = member.arguments else { return ".\(member.name)" }
            let list = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.debugDescription }
            return ".\(member.name)(\(list.joined(separator: ", ")))"
        case .void:
            return "()"
        }
    }

    /// What the REPL echoes for a cell's final value: `Type = description`, or the native type's
    /// own echo.
    public var echo: String {
        if case .native(let native) = self, let echo = native.type.echo { return echo(self) }
        return "\(type) = \(debugDescription)"
    }
}
