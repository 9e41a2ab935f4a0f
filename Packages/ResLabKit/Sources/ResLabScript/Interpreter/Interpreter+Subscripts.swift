extension Interpreter {
    /// `receiver[arguments]`: array elements and slices, dictionary entries, native subscripts.
    func subscriptGet(_ receiver: Value, arguments: [PendingArgument], at location: SourceLocation) throws -> Value {
        switch receiver {
        case .array(let elements):
            if arguments.count == 1, arguments[0].label == nil,
               case .range(let lower, let upper, let closed) = try evaluate(arguments[0], expecting: nil) {
                let end = closed ? upper + 1 : upper
                guard lower >= 0, end <= elements.count else {
                    throw runtimeError("range \(lower)\(closed ? "..." : "..<")\(upper) is out of bounds for an array of \(elements.count) elements",
                                       at: location)
                }
                return .array(Array(elements[lower..<end]))
            }
            return elements[try arrayIndex(arguments, count: elements.count, at: location)]
        case .dictionary(let dictionary):
            let (key, fallback) = try dictionaryKey(arguments, at: location)
            if let fallback { return dictionary[key] ?? fallback }
            return .optional(dictionary[key])
        case .string:
            throw runtimeError("cannot subscript a String with an Int", at: location,
                               hint: "Swift strings are not indexed by position; use Array(text)[i] to get the i-th character")
        case .native(let native):
            let chosen = try nativeSubscript(native.type, arguments, at: location)
            return try invoke(chosen.method, receiver: receiver, values: chosen.values, at: location)
        case .optional:
            throw runtimeError("value of optional type '\(receiver.type)' must be unwrapped before subscripting", at: location,
                               hint: "unwrap it first with 'if let', 'guard let', '??' or '!'")
        default:
            throw runtimeError("value of type '\(receiver.type)' has no subscripts", at: location)
        }
    }

    /// The element position `xs[i]` names, checked against the array's bounds.
    func arrayIndex(_ arguments: [PendingArgument], count: Int, at location: SourceLocation) throws -> Int {
        guard arguments.count == 1, arguments[0].label == nil else {
            throw runtimeError("an array subscript takes one index: xs[i]", at: location)
        }
        let value = try evaluate(arguments[0], expecting: .int)
        guard case .int(let index) = value else {
            throw runtimeError("cannot subscript an array with a value of type '\(value.type)'", at: arguments[0].location,
                               hint: "array indices are Ints")
        }
        guard index >= 0, index < count else {
            throw runtimeError("index \(index) is out of range for an array of \(count) elements", at: location,
                               hint: count == 0 ? "the array is empty" : "valid indices are 0...\(count - 1)")
        }
        return index
    }

    /// The key of `d[key]` or `d[key, default: value]`.
    func dictionaryKey(_ arguments: [PendingArgument], at location: SourceLocation) throws -> (key: Value, fallback: Value?) {
        switch arguments.count {
        case 1 where arguments[0].label == nil:
            return (try evaluate(arguments[0], expecting: nil), nil)
        case 2 where arguments[0].label == nil && arguments[1].label == "default":
            return (try evaluate(arguments[0], expecting: nil), try evaluate(arguments[1], expecting: nil))
        default:
            throw runtimeError("a dictionary subscript takes a key, and optionally 'default:': d[key], d[key, default: value]",
                               at: location)
        }
    }

    /// The native subscript getter matching the arguments.
    func nativeSubscript(_ type: NativeType, _ arguments: [PendingArgument],
                         at location: SourceLocation) throws -> (method: NativeType.Method, values: [Value]) {
        guard !type.subscripts.isEmpty else {
            throw runtimeError("value of type '\(type.name)' has no subscripts", at: location)
        }
        let chosen = try bindArguments(arguments, to: type.subscripts.map { candidate(for: $0.signature) },
                                       callee: "\(type.name).subscript", at: location)
        return (type.subscripts[chosen.index], chosen.values)
    }
}
