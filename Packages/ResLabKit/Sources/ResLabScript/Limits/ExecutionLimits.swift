/// The budgets every execution of lesson code runs under, so that no snippet can hang the host or
/// overflow its stack. Exceeding one stops the run with an error naming the limit and how to raise it.
public struct ExecutionLimits: Sendable, Equatable {
    /// The budgets, named in errors.
    public enum Limit: String, Sendable, Equatable, CaseIterable {
        case steps
        case callDepth
        case time
    }

    /// Statements, loop iterations and calls one execution may perform.
    public var maxSteps: Int
    /// Nested calls of script functions and closures (natives calling back included).
    public var maxCallDepth: Int
    /// Wall-clock seconds one execution may take (checked between steps: a single long native call,
    /// such as a training run, is not cut short, though natives can poll for cancellation).
    public var maxSeconds: Double
    /// How the host tells learners to raise a limit (a REPL command, a command-line option), by limit.
    public var howToRaise: [Limit: String]

    public init(maxSteps: Int = 50_000_000, maxCallDepth: Int = 2_000, maxSeconds: Double = 600,
                howToRaise: [Limit: String] = [:]) {
        self.maxSteps = maxSteps
        self.maxCallDepth = maxCallDepth
        self.maxSeconds = maxSeconds
        self.howToRaise = howToRaise
    }

    /// Generous defaults for lessons: fifty million steps, two thousand nested calls, ten minutes.
    public static let `default` = ExecutionLimits()

    /// The error for exceeding `limit`, worded for a learner.
    func error(_ limit: Limit, at location: SourceLocation) -> ScriptError {
        let message: String
        let defaultHint: String
        switch limit {
        case .steps:
            message = "execution stopped after \(maxSteps) steps (the step budget)"
            defaultHint = "an endless loop? If the work is really this long, raise ExecutionLimits.maxSteps"
        case .callDepth:
            message = "too many nested calls (the call-depth limit is \(maxCallDepth))"
            defaultHint = "a recursion without a base case? If it is meant to go this deep, raise ExecutionLimits.maxCallDepth"
        case .time:
            message = "execution stopped after \(Self.format(seconds: maxSeconds)) (the time budget)"
            defaultHint = "an endless loop? If the work is really this long, raise ExecutionLimits.maxSeconds"
        }
        return ScriptError(.limit(limit), message, at: location, hint: howToRaise[limit] ?? defaultHint)
    }

    private static func format(seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
