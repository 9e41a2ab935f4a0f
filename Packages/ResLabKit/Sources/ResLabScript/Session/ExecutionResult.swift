/// What one execution of a snippet produced.
public struct ExecutionResult: Sendable {
    /// Everything the snippet printed (also streamed to the session's sink as it happened).
    public let output: String
    /// The value of the snippet's last statement when that is an expression with a value (not a
    /// call returning nothing): what a notebook shows under a cell, or the REPL echoes.
    public let value: Value?
    /// The errors: several from the parser or the resolver, at most one from running. Empty when
    /// the snippet ran to its end.
    public let errors: [ScriptError]
    /// The names the snippet defines, uses and mutates (filled even when running failed).
    public let analysis: SnippetAnalysis

    public init(output: String, value: Value?, errors: [ScriptError], analysis: SnippetAnalysis) {
        self.output = output
        self.value = value
        self.errors = errors
        self.analysis = analysis
    }

    public var succeeded: Bool { errors.isEmpty }

    /// The REPL's echo of `value`: its type and description (`[Double] = [1.0, 2.5]`), or the
    /// native type's own echo.
    public var echo: String? { value?.echo }
}
