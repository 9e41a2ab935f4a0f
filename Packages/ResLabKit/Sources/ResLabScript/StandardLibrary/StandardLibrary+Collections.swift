extension StandardLibrary {
    static func installCollections(in registry: NativeRegistry) {
        installArray(BuiltinTypes.builder(registry.builtins.array))
        installDictionary(BuiltinTypes.builder(registry.builtins.dictionary))
        installRange(BuiltinTypes.builder(registry.builtins.range))
    }

    private static func elements(_ value: Value) throws -> [Value] {
        guard case .array(let elements) = value else { throw NativeError("expected an array") }
        return elements
    }

    /// The element as the array's elements are typed: an Int joins a Double array as a Double
    /// (how `xs.append(1)` reads in Swift); any other mismatch is an error.
    private static func fitting(_ element: Value, into elements: [Value]) throws -> Value {
        guard let first = elements.first, first.type != element.type, first.type != .any else { return element }
        switch (first, element) {
        case (.double, .int(let v)): return .double(Double(v))
        case (.float, .int(let v)): return .float(Float(v))
        case (.optional, _): return element
        default: throw NativeError("cannot add a value of type '\(element.type)' to an array of '\(first.type)'")
        }
    }

    private static func installArray(_ array: NativeTypeBuilder<Value>) {
        array
            .initializer([.init("_", .any, name: "sequence")], doc: "The elements of a sequence: Array(0..<3), Array(\"abc\").") { args, context in
                .array(try context.interpreter.elements(of: args[0], at: context.location))
            }
            .initializer([.init("repeating", .any), .init("count", .int)]) { args, _ in
                let count = try args.int(1)
                guard count >= 0, count <= Interpreter.maxMaterializedElements else {
                    throw NativeError("Array(repeating:count:) needs a count from 0 to \(Interpreter.maxMaterializedElements), got \(count)")
                }
                return .array(Array(repeating: args[0], count: count))
            }
            .property("count", .int) { .int(try elements($0).count) }
            .property("isEmpty", .bool) { .bool(try elements($0).isEmpty) }
            .property("first", .optional(.any)) { .optional(try elements($0).first) }
            .property("last", .optional(.any)) { .optional(try elements($0).last) }
            .property("indices", .range(closed: false)) { .range(lower: 0, upper: try elements($0).count, closed: false) }
            .mutatingMethod("append", [.init("_", .any, name: "element")]) { value, args, _ in
                var list = try elements(value)
                value = .void
                list.append(try fitting(args[0], into: list))
                value = .array(list)
                return .void
            }
            .mutatingMethod("append", [.init("contentsOf", .any, name: "elements")]) { value, args, context in
                var list = try elements(value)
                let more = try context.interpreter.elements(of: args[0], at: context.location).map { try fitting($0, into: list) }
                value = .void
                list.append(contentsOf: more)
                value = .array(list)
                return .void
            }
            .mutatingMethod("insert", [.init("_", .any, name: "element"), .init("at", .int, name: "index")]) { value, args, _ in
                var list = try elements(value)
                let index = try args.int(1)
                guard index >= 0, index <= list.count else {
                    throw NativeError("insert index \(index) is out of range for an array of \(list.count) elements")
                }
                value = .void
                list.insert(try fitting(args[0], into: list), at: index)
                value = .array(list)
                return .void
            }
            .mutatingMethod("remove", [.init("at", .int, name: "index")], returns: .any) { value, args, _ in
                var list = try elements(value)
                let index = try args.int(0)
                guard index >= 0, index < list.count else {
                    throw NativeError("index \(index) is out of range for an array of \(list.count) elements")
                }
                value = .void
                let removed = list.remove(at: index)
                value = .array(list)
                return removed
            }
            .mutatingMethod("removeLast", [], returns: .any) { value, _, _ in
                var list = try elements(value)
                guard !list.isEmpty else { throw NativeError("can't remove the last element from an empty array") }
                value = .void
                let removed = list.removeLast()
                value = .array(list)
                return removed
            }
            .mutatingMethod("removeFirst", [], returns: .any) { value, _, _ in
                var list = try elements(value)
                guard !list.isEmpty else { throw NativeError("can't remove the first element from an empty array") }
                value = .void
                let removed = list.removeFirst()
                value = .array(list)
                return removed
            }
            .mutatingMethod("popLast", [], returns: .optional(.any)) { value, _, _ in
                var list = try elements(value)
                value = .void
                let removed = list.popLast()
                value = .array(list)
                return .optional(removed)
            }
            .mutatingMethod("removeAll", []) { value, _, _ in
                value = .array([])
                return .void
            }
            .mutatingMethod("sort", []) { value, _, context in
                value = .array(try sorted(try elements(value), context: context))
                return .void
            }
            .mutatingMethod("reverse", []) { value, _, _ in
                value = .array(try elements(value).reversed())
                return .void
            }
            .method("firstIndex", [.init("of", .any, name: "element")], returns: .optional(.int)) { value, args, context in
                for (index, element) in try elements(value).enumerated()
                where try context.interpreter.valuesEqual(element, args[0], op: "==", at: context.location) {
                    return .optional(.int(index))
                }
                return .optional(nil)
            }
            .method("joined", [.init("separator", .string, default: .string(""))], returns: .string) { value, args, _ in
                let pieces = try elements(value).map { element -> String in
                    guard case .string(let text) = element else {
                        throw NativeError("joined(separator:) joins an array of Strings, not of '\(element.type)'")
                    }
                    return text
                }
                return .string(pieces.joined(separator: try args.string(0)))
            }
        installSequenceMethods(array)
    }

    private static func installDictionary(_ dictionary: NativeTypeBuilder<Value>) {
        func entries(_ value: Value) throws -> ScriptDictionary {
            guard case .dictionary(let entries) = value else { throw NativeError("expected a dictionary") }
            return entries
        }
        dictionary
            .property("count", .int) { .int(try entries($0).count) }
            .property("isEmpty", .bool) { .bool(try entries($0).count == 0) }
            .property("keys", .array(.any)) { .array(try entries($0).keys) }
            .property("values", .array(.any)) { .array(try entries($0).values) }
            .mutatingMethod("removeValue", [.init("forKey", .any, name: "key")], returns: .optional(.any)) { value, args, _ in
                var table = try entries(value)
                let removed = table[args[0]]
                value = .void
                table[args[0]] = nil
                value = .dictionary(table)
                return .optional(removed)
            }
            .method("mapValues", [.init("_", .function(parameters: [.any], result: .any), name: "transform")],
                    returns: .dictionary(key: .any, value: .any)) { value, args, context in
                var result = ScriptDictionary()
                let table = try entries(value)
                for (key, element) in zip(table.keys, table.values) { result[key] = try context.call(args[0], [element]) }
                return .dictionary(result)
            }
        installSequenceMethods(dictionary)
    }

    private static func installRange(_ range: NativeTypeBuilder<Value>) {
        func bounds(_ value: Value) throws -> (lower: Int, upper: Int, closed: Bool) {
            guard case .range(let lower, let upper, let closed) = value else { throw NativeError("expected a range") }
            return (lower, upper, closed)
        }
        range
            .property("lowerBound", .int) { .int(try bounds($0).lower) }
            .property("upperBound", .int) { .int(try bounds($0).upper) }
            .property("count", .int) { value in
                let (lower, upper, closed) = try bounds(value)
                let (span, overflow) = upper.subtractingReportingOverflow(lower)
                guard !overflow, !(closed && span == Int.max) else { throw NativeError("the range has more than Int.max elements") }
                return .int(span + (closed ? 1 : 0))
            }
            .property("isEmpty", .bool) { value in
                let (lower, upper, closed) = try bounds(value)
                return .bool(!closed && lower == upper)
            }
            .method("contains", [.init("_", .int, name: "element")], returns: .bool) { value, args, _ in
                let (lower, upper, closed) = try bounds(value)
                let element = try args.int(0)
                return .bool(element >= lower && (closed ? element <= upper : element < upper))
            }
        installSequenceMethods(range)
    }

    // MARK: - Sequence methods

    /// Sorts with `<`, which natives may define.
    private static func sorted(_ elements: [Value], context: NativeContext) throws -> [Value] {
        try elements.sorted { a, b in
            let less = try context.interpreter.binaryOperation("<", a, b, at: context.location)
            guard case .bool(let truth) = less else { throw NativeError("'<' must produce a Bool") }
            return truth
        }
    }

    private static func truth(_ value: Value, _ method: String) throws -> Bool {
        guard case .bool(let truth) = value else {
            throw NativeError("the closure given to \(method) must return a Bool, not '\(value.type)'")
        }
        return truth
    }

    /// The methods every sequence has (arrays, ranges, strings, dictionaries), over its elements.
    static func installSequenceMethods(_ builder: NativeTypeBuilder<Value>) {
        let function = ScriptType.function(parameters: [.any], result: .any)
        let predicate = ScriptType.function(parameters: [.any], result: .bool)
        func all(_ value: Value, _ context: NativeContext) throws -> [Value] {
            try context.interpreter.elements(of: value, at: context.location)
        }
        builder
            .method("map", [.init("_", function, name: "transform")], returns: .array(.any)) { value, args, context in
                .array(try all(value, context).map { try context.call(args[0], [$0]) })
            }
            .method("compactMap", [.init("_", function, name: "transform")], returns: .array(.any)) { value, args, context in
                .array(try all(value, context).compactMap { try context.call(args[0], [$0]).unwrapped })
            }
            .method("filter", [.init("_", predicate, name: "isIncluded")], returns: .array(.any)) { value, args, context in
                .array(try all(value, context).filter { try truth(try context.call(args[0], [$0]), "filter") })
            }
            .method("reduce", [.init("_", .any, name: "initialResult"), .init("_", .function(parameters: [.any, .any], result: .any),
                                                                             name: "nextPartialResult")],
                    returns: .any) { value, args, context in
                try all(value, context).reduce(args[0]) { try context.call(args[1], [$0, $1]) }
            }
            .method("forEach", [.init("_", function, name: "body")]) { value, args, context in
                for element in try all(value, context) { _ = try context.call(args[0], [element]) }
                return .void
            }
            .method("contains", [.init("_", .any, name: "element")], returns: .bool) { value, args, context in
                .bool(try all(value, context).contains { try context.interpreter.valuesEqual($0, args[0], op: "==", at: context.location) })
            }
            .method("contains", [.init("where", predicate, name: "predicate")], returns: .bool) { value, args, context in
                .bool(try all(value, context).contains { try truth(try context.call(args[0], [$0]), "contains(where:)") })
            }
            .method("allSatisfy", [.init("_", predicate, name: "predicate")], returns: .bool) { value, args, context in
                .bool(try all(value, context).allSatisfy { try truth(try context.call(args[0], [$0]), "allSatisfy") })
            }
            .method("first", [.init("where", predicate, name: "predicate")], returns: .optional(.any)) { value, args, context in
                .optional(try all(value, context).first { try truth(try context.call(args[0], [$0]), "first(where:)") })
            }
            .method("enumerated", [], returns: .array(.tuple([.int, .any], labels: ["offset", "element"]))) { value, _, context in
                .array(try all(value, context).enumerated().map { .tuple(ScriptTuple([.int($0), $1], labels: ["offset", "element"])) })
            }
            .method("sorted", [], returns: .array(.any)) { value, _, context in
                .array(try sorted(try all(value, context), context: context))
            }
            .method("sorted", [.init("by", .function(parameters: [.any, .any], result: .bool), name: "areInIncreasingOrder")],
                    returns: .array(.any)) { value, args, context in
                .array(try all(value, context).sorted { try truth(try context.call(args[0], [$0, $1]), "sorted(by:)") })
            }
            .method("min", [], returns: .optional(.any)) { value, _, context in
                .optional(try sorted(try all(value, context), context: context).first)
            }
            .method("max", [], returns: .optional(.any)) { value, _, context in
                .optional(try sorted(try all(value, context), context: context).last)
            }
            .method("prefix", [.init("_", .int, name: "maxLength")], returns: .array(.any)) { value, args, context in
                let count = try args.int(0)
                guard count >= 0 else { throw NativeError("prefix(_:) needs a length of at least 0, got \(count)") }
                return .array(Array(try all(value, context).prefix(count)))
            }
            .method("suffix", [.init("_", .int, name: "maxLength")], returns: .array(.any)) { value, args, context in
                let count = try args.int(0)
                guard count >= 0 else { throw NativeError("suffix(_:) needs a length of at least 0, got \(count)") }
                return .array(Array(try all(value, context).suffix(count)))
            }
            .method("dropFirst", [.init("_", .int, name: "k", default: .int(1))], returns: .array(.any)) { value, args, context in
                let count = try args.int(0)
                guard count >= 0 else { throw NativeError("dropFirst(_:) needs a count of at least 0, got \(count)") }
                return .array(Array(try all(value, context).dropFirst(count)))
            }
            .method("dropLast", [.init("_", .int, name: "k", default: .int(1))], returns: .array(.any)) { value, args, context in
                let count = try args.int(0)
                guard count >= 0 else { throw NativeError("dropLast(_:) needs a count of at least 0, got \(count)") }
                return .array(Array(try all(value, context).dropLast(count)))
            }
        if builder.type.methods["reversed"] == nil {
            builder.method("reversed", [], returns: .array(.any)) { value, _, context in .array(try all(value, context).reversed()) }
        }
    }
}
