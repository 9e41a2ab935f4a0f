import ResLabPlugin
import ResLabScript

/// What a plugin's REPL command or cell role sees of a notebook session (`CommandContext`): the
/// session's names, code evaluated in it, and the width and colour of the output it writes to.
///
/// Not for concurrent use, like the session it reads.
public final class SessionCommandContext: CommandContext {
    let runner: ScriptCellRunner
    public let width: Int
    public let useColor: Bool
    /// The source of the plugin cell whose role runs (nil for a REPL command): evaluating exactly
    /// this code reports errors at its lines in the lesson.
    let cellSource: CellSource?
    /// What the code evaluated so far printed, in order.
    private(set) var printed = ""
    /// Whether an evaluation stopped because the session was cancelled (Ctrl-C).
    private(set) var wasInterrupted = false

    public convenience init(runner: ScriptCellRunner, width: Int, useColor: Bool) {
        self.init(runner: runner, width: width, useColor: useColor, cellSource: nil)
    }

    init(runner: ScriptCellRunner, width: Int, useColor: Bool, cellSource: CellSource?) {
        self.runner = runner
        self.width = width
        self.useColor = useColor
        self.cellSource = cellSource
    }

    public func value(named name: String) -> Value? { runner.script.value(of: name) }

    /// Runs `code` through the session's runner (its names, limits and output), as a snippet of
    /// its own; throws its first error as a `CellRunError`.
    public func evaluate(_ code: String) throws -> Value? {
        let source: CellSource
        if let cellSource, code == cellSource.text {
            source = cellSource
        } else {
            source = CellSource(text: code, file: "<evaluated>", firstLine: 1)
        }
        let run = runner.execute(source, name: nil)
        var outputs = run.outputs
        if run.value != nil, !outputs.isEmpty { outputs.removeLast() }
        for case .text(let text) in outputs { printed += text }
        if let error = run.error {
            wasInterrupted = wasInterrupted || run.wasInterrupted
            throw error
        }
        return run.value
    }
}
