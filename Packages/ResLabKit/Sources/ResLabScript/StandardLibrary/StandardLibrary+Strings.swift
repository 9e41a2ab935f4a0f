extension StandardLibrary {
    static func installStrings(in registry: NativeRegistry) {
        let string = BuiltinTypes.builder(registry.builtins.string)
        func text(_ value: Value) throws -> String {
            guard case .string(let text) = value else { throw NativeError("expected a String") }
            return text
        }
        string
            .initializer([.init("_", .any)], doc: "The value's description, as print shows it.") { args, context in
                .string(context.describe(args[0]))
            }
            .initializer([.init("describing", .any)]) { args, context in .string(context.describe(args[0])) }
            .initializer([.init("repeating", .string), .init("count", .int)]) { args, _ in
                let piece = try args.string(0)
                let count = try args.int(1)
                guard count >= 0 else { throw NativeError("String(repeating:count:) needs a count of at least 0, got \(count)") }
                guard piece.utf8.count.multipliedReportingOverflow(by: count).partialValue <= 100_000_000 else {
                    throw NativeError("String(repeating:count:) would make a string of more than 100 MB")
                }
                return .string(String(repeating: piece, count: count))
            }
            .property("count", .int) { .int(try text($0).count) }
            .property("isEmpty", .bool) { .bool(try text($0).isEmpty) }
            .property("first", .optional(.string)) { .optional(try text($0).first.map { .string(String($0)) }) }
            .property("last", .optional(.string)) { .optional(try text($0).last.map { .string(String($0)) }) }
            .property("description", .string) { $0 }
            .method("uppercased", [], returns: .string) { value, _, _ in .string(try text(value).uppercased()) }
            .method("lowercased", [], returns: .string) { value, _, _ in .string(try text(value).lowercased()) }
            .method("hasPrefix", [.init("_", .string, name: "prefix")], returns: .bool) { value, args, _ in
                .bool(try text(value).hasPrefix(try args.string(0)))
            }
            .method("hasSuffix", [.init("_", .string, name: "suffix")], returns: .bool) { value, args, _ in
                .bool(try text(value).hasSuffix(try args.string(0)))
            }
            .method("contains", [.init("_", .string, name: "other")], returns: .bool) { value, args, _ in
                let other = try args.string(0)
                let whole = try text(value)
                return .bool(other.isEmpty || whole.contains(other))
            }
            .method("split", [.init("separator", .string)], returns: .array(.string),
                    doc: "The pieces between separator characters, empty pieces left out.") { value, args, _ in
                let separator = try args.string(0)
                guard separator.count == 1, let character = separator.first else {
                    throw NativeError("split(separator:) takes a single character, such as \" \"")
                }
                return .array(try text(value).split(separator: character).map { .string(String($0)) })
            }
            .method("reversed", [], returns: .string) { value, _, _ in .string(String(try text(value).reversed())) }
            .mutatingMethod("append", [.init("_", .string, name: "other")]) { value, args, _ in
                value = .string(try text(value) + args.string(0))
                return .void
            }
        installSequenceMethods(string)
    }
}
