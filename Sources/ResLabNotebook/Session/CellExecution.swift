import ResLabScript

/// One execution in a notebook session: a cell or a prompt entry, its execution count, what it
/// printed and produced, and what it did to the session's names.
public struct CellExecution: Sendable {
    public var origin: ExecutionOrigin
    /// The session's execution counter for this run (`[3]`): 1 for the session's first execution,
    /// counting cells and prompt entries alike, failures included.
    public var executionCount: Int
    /// The code that ran (a cell's edited code when the learner changed it).
    public var code: String
    /// Printed text, then the final value: plots as `.svg` when a renderer gives one, other values
    /// as their REPL echo (`[Double] = [1.0, 2.5]`).
    public var outputs: [CellOutput]
    /// The final value, for front ends that render it themselves (the terminal's chart).
    public var value: Value?
    /// Nil when the code ran to its end.
    public var error: CellRunError?
    /// Whether the run stopped because the host cancelled it (Ctrl-C).
    public var wasInterrupted: Bool
    /// The top-level names the code defined, used and mutated.
    public var analysis: SnippetAnalysis

    public var succeeded: Bool { error == nil }
}
