/// An error a native function throws for the interpreter to report at the call site, in the
/// language's format (`file:line:col: error: message`, the line, a caret, the hint).
///
/// Natives may throw any error; one that is not a `NativeError` is reported with its
/// `description` (so the engine's `TensorError` texts, which name the op and the shapes, show as
/// they are).
public struct NativeError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message }

    /// An argument of the wrong kind: "argument 'filters' expects Int, got Double".
    public static func argument(_ name: String, expected: String, got value: Value) -> NativeError {
        NativeError("argument '\(name)' expects \(expected), got \(value.type)")
    }
}
