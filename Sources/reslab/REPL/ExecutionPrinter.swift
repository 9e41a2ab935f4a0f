import ResLab

/// How the REPL and `reslab run` show an execution: the text it printed (unless that was streamed
/// as it came), then `[N] value` (a chart on lines of its own), or the error (on standard error
/// when `errorsToStandardError`, as `reslab run` reports them).
enum ExecutionPrinter {
    static func show(_ execution: CellExecution, runner: ScriptCellRunner, on output: TerminalOutput, streamed: Bool,
                     errorsToStandardError: Bool = false) {
        var printed = execution.outputs
        if execution.value != nil, !printed.isEmpty { printed.removeLast() }
        let text = printed.compactMap { output -> String? in
            if case .text(let text) = output { return text }
            return nil
        }.joined()
        if !streamed { output.write(text) }
        if !text.isEmpty, !text.hasSuffix("\n") { output.line() }
        let count = output.styled("[\(execution.executionCount)]", "2")
        if let value = execution.value {
            let rendered = runner.terminalText(for: value, width: output.width, useColor: output.useColor)
            output.line(rendered.contains("\n") ? count + "\n" + rendered : count + " " + rendered)
        }
        if let error = execution.error {
            if execution.wasInterrupted {
                let place = error.location.map { " at \($0)" } ?? ""
                output.line(output.styled("\(count) interrupted\(place); the session goes on", "33"))
            } else if errorsToStandardError {
                output.error(error.description)
            } else {
                output.line(output.styled(error.description, "31"))
            }
        }
    }
}
