#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StandardLibrary {
    static func installGlobals(in registry: NativeRegistry) {
        registry.function("print", [.init("_", .any, name: "items", variadic: true),
                                    .init("separator", .string, default: .string(" ")),
                                    .init("terminator", .string, default: .string("\n"))],
                          doc: "Writes the items' descriptions, separated and terminated as given.") { args, context in
            let items = try args.array(0).map(context.describe)
            context.write(items.joined(separator: try args.string(1)) + (try args.string(2)))
            return .void
        }

        for name in ["min", "max"] {
            registry.function(name, [.init("_", .any, name: "x"), .init("_", .any, name: "y"), .init("_", .any, name: "rest", variadic: true)],
                              returns: .any, doc: "The \(name == "min" ? "smallest" : "largest") of the arguments.") { args, context in
                var best = args[0]
                for candidate in [args[1]] + (try args.array(2)) {
                    let less = try context.interpreter.binaryOperation("<", candidate, best, at: context.location)
                    let greater = try context.interpreter.binaryOperation("<", best, candidate, at: context.location)
                    // `<` on values that are not Comparable (a tensor's is elementwise) gives no
                    // Bool: refuse rather than return the first argument unchanged.
                    guard case .bool(let isLess) = less, case .bool(let isGreater) = greater else {
                        throw NativeError("\(name)(_:_:) compares its arguments with <, which gives \(less.type) for \(candidate.type), not Bool")
                    }
                    if name == "min" ? isLess : isGreater { best = candidate }
                }
                return best
            }
        }

        registry.function("abs", [.init("_", .int)], returns: .int, doc: "The magnitude.") { args, _ in
            let value = try args.int(0)
            guard value != Int.min else { throw NativeError("arithmetic overflow: abs(\(value)) does not fit in Int") }
            return .int(abs(value))
        }
        registry.function("abs", [.init("_", .double)], returns: .double) { args, _ in .double(abs(try args.double(0))) }
        registry.function("abs", [.init("_", .float)], returns: .float) { args, _ in .float(abs(try args.float(0))) }

        installMath(in: registry)

        registry.function("zip", [.init("_", .any, name: "a"), .init("_", .any, name: "b")], returns: .array(.any),
                          doc: "Pairs of elements of two sequences, as far as the shorter goes.") { args, context in
            let a = try context.interpreter.elements(of: args[0], at: context.location)
            let b = try context.interpreter.elements(of: args[1], at: context.location)
            return .array(zip(a, b).map { .tuple(ScriptTuple([$0, $1])) })
        }

        registry.function("fatalError", [.init("_", .string, name: "message", default: .string(""))], returns: .void,
                          doc: "Stops with an error carrying the message.") { args, _ in
            let message = try args.string(0)
            throw NativeError(message.isEmpty ? "fatal error" : "fatal error: \(message)")
        }
        for name in ["assert", "precondition"] {
            registry.function(name, [.init("_", .bool, name: "condition"), .init("_", .string, name: "message", default: .string(""))],
                              doc: "Stops with an error when the condition is false.") { args, _ in
                guard try args.bool(0) else {
                    let message = try args.string(1)
                    throw NativeError(message.isEmpty ? "\(name == "assert" ? "assertion" : "precondition") failed"
                                      : "\(name == "assert" ? "assertion" : "precondition") failed: \(message)")
                }
                return .void
            }
        }
        registry.function("type", [.init("of", .any, name: "value")], returns: .string,
                          doc: "The value's type (printed as its name).") { args, _ in
            .string(args[0].type.genericSpelling)
        }

        // Operators as functions: `xs.reduce(0, +)`, `xs.sorted(by: >)`.
        for op in ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!="] {
            registry.function(op, [.init("_", .any, name: "lhs"), .init("_", .any, name: "rhs")], returns: .any) { args, context in
                try context.interpreter.binaryOperation(op, args[0], args[1], at: context.location)
            }
        }

        installStride(in: registry)
    }

    private static func installMath(in registry: NativeRegistry) {
        let unary: [(String, (Double) -> Double, (Float) -> Float)] = [
            ("sqrt", { $0.squareRoot() }, { $0.squareRoot() }),
            ("exp", { exp($0) }, { expf($0) }),
            ("log", { log($0) }, { logf($0) }),
            ("sin", { sin($0) }, { sinf($0) }),
            ("cos", { cos($0) }, { cosf($0) }),
            ("tanh", { tanh($0) }, { tanhf($0) }),
            ("floor", { $0.rounded(.down) }, { $0.rounded(.down) }),
            ("ceil", { $0.rounded(.up) }, { $0.rounded(.up) }),
        ]
        for (name, double, float) in unary {
            registry.function(name, [.init("_", .double, name: "x")], returns: .double) { args, _ in .double(double(try args.double(0))) }
            registry.function(name, [.init("_", .float, name: "x")], returns: .float) { args, _ in .float(float(try args.float(0))) }
        }
        registry.function("pow", [.init("_", .double, name: "x"), .init("_", .double, name: "y")], returns: .double) { args, _ in
            .double(pow(try args.double(0), try args.double(1)))
        }
        registry.function("pow", [.init("_", .float, name: "x"), .init("_", .float, name: "y")], returns: .float) { args, _ in
            .float(powf(try args.float(0), try args.float(1)))
        }
    }

    /// `stride(from:to:by:)` and `stride(from:through:by:)` over Ints or Doubles, as a native
    /// sequence that prints the way Swift prints it.
    private static func installStride(in registry: NativeRegistry) {
        let strideType = registry.defineType(Stride.self, name: "Stride", doc: "Numbers from a start towards an end by a step.")
        strideType
            .iterate { $0.values() }
            .display { $0.description }
        for (label, inclusive) in [("to", false), ("through", true)] {
            for type in [ScriptType.int, .double] {
                registry.function("stride", [.init("from", type), .init(label, type), .init("by", type)], returns: .named("Stride"),
                                  doc: "from, from + by, … \(inclusive ? "up to and including" : "up to but not including") the end.") { args, _ in
                    let by = args[2]
                    if case .int(0) = by { throw NativeError("stride(from:\(label):by:) needs a non-zero step") }
                    if case .double(0) = by { throw NativeError("stride(from:\(label):by:) needs a non-zero step") }
                    return strideType.wrap(Stride(start: args[0], end: args[1], step: by, inclusive: inclusive))
                }
            }
        }
    }
}

/// The value of `stride(from:to:by:)` / `stride(from:through:by:)`.
struct Stride {
    let start: Value
    let end: Value
    let step: Value
    let inclusive: Bool

    /// The numbers, produced one at a time (a stride may be far too long to hold).
    func values() -> AnyIterator<Value> {
        switch (start, end, step) {
        case (.int(let a), .int(let b), .int(let s)):
            if inclusive { return AnyIterator(Swift.stride(from: a, through: b, by: s).lazy.map(Value.int).makeIterator()) }
            return AnyIterator(Swift.stride(from: a, to: b, by: s).lazy.map(Value.int).makeIterator())
        case (.double(let a), .double(let b), .double(let s)):
            if inclusive { return AnyIterator(Swift.stride(from: a, through: b, by: s).lazy.map(Value.double).makeIterator()) }
            return AnyIterator(Swift.stride(from: a, to: b, by: s).lazy.map(Value.double).makeIterator())
        default:
            return AnyIterator { nil }
        }
    }

    /// `Swift.StrideTo<Swift.Int>`, as Swift 6 prints a stride.
    var description: String { "Swift.\(inclusive ? "StrideThrough" : "StrideTo")<Swift.\(start.type)>" }
}
