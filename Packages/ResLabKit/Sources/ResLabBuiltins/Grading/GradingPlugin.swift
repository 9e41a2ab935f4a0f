import ResLabPlugin
import ResLabScript

/// The assertion helpers graded tests are written with, registered as a built-in plugin.
///
///     expectEqual(identityBlock(x, f: 2, filters: [4, 4, 3]), expected, tolerance: 1e-4)
///     expectShape(y, [3, 4, 4, 6])
///     expectTrue(y.scalars.allSatisfy { $0 >= 0 }, "the block must end with a ReLU")
///     expectError { Add()([a, b]) }
///
/// Each throws `AssertionFailure` (a sentence, the expected value and the actual one) when its
/// check fails, and records it in `AssertionLog.shared` for the grader to report.
public final class GradingPlugin: ResLabPlugin {
    public let name = "grading"
    public let version = "1.0.0"

    public init() {}

    public func register(with registrar: PluginRegistrar) throws {
        try registrar.assertion(
            "expectEqual", [.init("_", .any, name: "actual"), .init("_", .any, name: "expected"),
                            .init("tolerance", .double, default: .double(0))],
            doc: "Checks that two numbers, arrays, tensors, strings or Booleans are equal; numbers within "
                + "tolerance × max(1, |expected|). A tensor equals the nested array literal with its numbers.") { args, context in
            let tolerance = try args.double(2)
            guard tolerance >= 0, tolerance.isFinite else {
                throw NativeError("expectEqual needs a tolerance of 0 or more, got \(tolerance)")
            }
            guard let actual = ComparableValue(args[0]) else { throw Self.notComparable(args[0], "actual") }
            guard let expected = ComparableValue(args[1]) else { throw Self.notComparable(args[1], "expected") }
            try Self.check(ValueComparison.equal(actual: actual, expected: expected, tolerance: tolerance), context)
        }
        try registrar.assertion(
            "expectShape", [.init("_", .any, name: "value"), .init("_", .array(.int), name: "shape")],
            doc: "Checks the shape of a tensor or of a nested array.") { args, context in
            try Self.check(ValueComparison.shape(of: args[0], expected: try args.ints(1)), context)
        }
        try registrar.assertion(
            "expectTrue", [.init("_", .bool, name: "condition"), .init("_", .string, name: "message", default: .string(""))],
            doc: "Checks that a condition holds; the message says what it means when it does not.") { args, context in
            guard !(try args.bool(0)) else { return }
            try Self.check(AssertionFailure(Self.sentence(try args.string(1), or: "the condition is false"),
                                            expected: "true", actual: "false"), context)
        }
        try registrar.assertion(
            "expectFalse", [.init("_", .bool, name: "condition"), .init("_", .string, name: "message", default: .string(""))],
            doc: "Checks that a condition does not hold.") { args, context in
            guard try args.bool(0) else { return }
            try Self.check(AssertionFailure(Self.sentence(try args.string(1), or: "the condition is true"),
                                            expected: "false", actual: "true"), context)
        }
        try registrar.assertion(
            "expectError", [.init("_", .function(parameters: [], result: .any), name: "body")],
            doc: "Checks that running the closure stops with an error (a shape mismatch, a bad argument).") { args, context in
            do {
                _ = try context.call(args[0], [])
            } catch let error as ScriptError {
                // Running out of time or being interrupted is not the error the test is about.
                switch error.kind {
                case .limit, .interrupted: throw error
                default: return
                }
            }
            try Self.check(AssertionFailure("the code ran without an error", expected: "an error", actual: "no error"), context)
        }
    }

    /// Records and throws `failure` when there is one.
    private static func check(_ failure: AssertionFailure?, _ context: NativeContext) throws {
        guard let failure else { return }
        AssertionLog.shared.record(failure, session: context.cancellation)
        throw failure
    }

    private static func notComparable(_ value: Value, _ name: String) -> NativeError {
        NativeError("expectEqual cannot compare \(name) value of type \(value.type)",
                    hint: "compare numbers, arrays of numbers, tensors, strings or Booleans")
    }

    private static func sentence(_ message: String, or fallback: String) -> String {
        message.isEmpty ? fallback : message
    }
}
