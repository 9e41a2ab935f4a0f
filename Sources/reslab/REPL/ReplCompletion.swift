import ResLab

/// Tab completion at the REPL's prompt: command names after `:`, their arguments (names for
/// `:show`, cell numbers for `:goto` and `:run`, lesson ids for `:open`), and in code whatever the
/// language's completion offers (names in scope, members after a dot, argument labels).
enum ReplCompletion {
    static func candidates(line: String, cursor: Int, repl: ReplSession) -> [String] {
        let before = String(line.prefix(max(0, cursor)))
        let trimmed = before.drop { $0 == " " }
        guard trimmed.hasPrefix(":") else {
            return repl.notebook.runner.script.completions(for: before).map(\.text)
        }
        guard let space = trimmed.firstIndex(of: " ") else {
            let names = repl.commands.all.map(\.name) + repl.host.commands.keys.sorted()
            return names.map { ":" + $0 }
        }
        switch trimmed[trimmed.index(after: trimmed.startIndex)..<space] {
        case "show":
            return repl.notebook.variables().map(\.name)
        case "goto", "run":
            return repl.visitableCells.map(String.init)
        case "open":
            return repl.catalogue?.entries.map(\.frontMatter.id) ?? []
        case "export":
            return ExportFormat.allCases.map(\.rawValue)
        case "plugin":
            return ["load"]
        default:
            return []
        }
    }
}
