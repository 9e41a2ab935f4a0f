/// What a native function may use of the execution calling it: the call site, the output sink,
/// cancellation, and calls back into lesson code (a closure handed to a native).
public struct NativeContext {
    let interpreter: Interpreter
    /// The call site, where errors thrown by the native are reported.
    public let location: SourceLocation

    init(interpreter: Interpreter, location: SourceLocation) {
        self.interpreter = interpreter
        self.location = location
    }

    /// The registry of the running session (to wrap values of other native types).
    public var registry: NativeRegistry { interpreter.registry }

    /// Writes text to the execution's output (a notebook cell's output, the REPL's terminal), as
    /// is: add the newline yourself. Natives must print through this, never to standard output.
    public func write(_ text: String) { interpreter.output(text) }

    /// The host's stop request (Ctrl-C). A long native (a training loop) should poll it between
    /// steps or call `checkCancellation()`.
    public var cancellation: CancellationFlag { interpreter.cancellation }

    /// Throws the "interrupted" error when the host asked the run to stop.
    public func checkCancellation() throws {
        if interpreter.cancellation.isCancelled {
            throw ScriptError(.interrupted, "interrupted", at: location)
        }
    }

    /// Calls a lesson function or closure (or any callable value) with unlabelled arguments,
    /// under the same limits as the rest of the execution.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try interpreter.callValue(function, arguments: arguments.map { (nil, $0) }, at: location)
    }

    /// How `print` shows the value.
    public func describe(_ value: Value) -> String { interpreter.describe(value) }
}
