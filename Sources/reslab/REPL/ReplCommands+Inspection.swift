import ResLab

/// `:vars` and `:show NAME`.
extension ReplCommandTable {
    func registerInspectionCommands() throws {
        try register("vars", summary: "the session's names with type, shape and a preview") { _, repl in
            let variables = repl.notebook.variables(previewLength: max(20, repl.output.width - 50))
            guard !variables.isEmpty else {
                repl.output.line("No names yet: run a cell, or define one at the prompt.")
                return
            }
            let rows = [["name", "type", "shape", "value"]] + variables.map { variable in
                [(variable.isConstant ? "" : "var ") + variable.name, variable.type,
                 variable.shape.map { "\($0)" } ?? "", variable.preview]
            }
            let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for (index, row) in rows.enumerated() {
                let line = (0..<3).map { Self.pad(row[$0], widths[$0]) }.joined(separator: "  ") + "  " + row[3]
                repl.output.line(index == 0 ? repl.output.styled(line, "1") : line)
            }
        }
        try register("show", usage: ":show NAME", summary: "a name's whole value (a chart drawn in the terminal)") { arguments, repl in
            guard !arguments.isEmpty else { throw ReplError("usage: :show NAME (:vars lists the names)") }
            guard let value = repl.notebook.runner.script.value(of: arguments) else {
                throw ReplError("no name `\(arguments)` in the session (:vars lists the names)")
            }
            let text = repl.notebook.runner.terminalText(for: value, width: repl.output.width, useColor: repl.output.useColor)
            repl.output.line(repl.output.styled("\(arguments): \(value.type)", "1"))
            // The echo repeats the type; show the value itself unless a renderer drew it.
            repl.output.line(text == value.echo ? value.description : text)
        }
    }
}
