import Foundation
import ResLab
import ReslabLineEditor

/// The read–run loop: entries from the `LineEditor` (readline on a terminal, plain lines from a
/// pipe), `:commands` to the command table or to a plugin's command, anything else run as code.
struct ReplLoop {
    let repl: ReplSession
    /// The readline history file (in the state folder).
    let historyPath: String

    /// Runs until Ctrl-D, the end of piped input, or `:quit`; saves the learner's place on the way out.
    func run() throws {
        let repl = self.repl
        let editor = try LineEditor(
            prompt: prompt, continuationPrompt: "...> ", historyPath: historyPath,
            completeness: Self.completeness,
            completions: { line, cursor in ReplCompletion.candidates(line: line, cursor: cursor, repl: repl) })
        repl.editor = editor
        defer { repl.editor = nil }
        while !repl.wantsToQuit {
            editor.prompt = prompt
            guard let entry = editor.readEntry() else {
                if editor.isInteractive { repl.output.line() }
                break
            }
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":") {
                runCommand(String(trimmed.dropFirst()))
            } else {
                repl.runEntry(entry)
            }
        }
        repl.saveProgress()
        if repl.hasLesson {
            repl.output.line(repl.output.styled("Saved your place: \(repl.notebook.lesson.id), cell \(repl.currentCell).", "2"))
        }
        do {
            try editor.close()
        } catch {
            repl.output.error("warning: could not save the history to \(historyPath): \(error)")
        }
    }

    /// `identity-block:3> ` in a lesson, `reslab> ` without one.
    private var prompt: String {
        repl.hasLesson ? "\(repl.notebook.lesson.id):\(repl.currentCell)> " : "reslab> "
    }

    /// Commands are always whole lines; code continues while Swift's parser says it is incomplete,
    /// the next line indented four spaces per open brace, bracket or parenthesis.
    static func completeness(_ text: String) -> ReslabLineEditor.Completeness {
        if text.trimmingCharacters(in: .whitespaces).hasPrefix(":") { return .complete }
        switch ScriptFrontend.completeness(of: text) {
        case .complete: return .complete
        case .invalid: return .invalid
        case .incomplete: return .incomplete(indent: 4 * openDepth(text))
        }
    }

    /// Brackets open at the end of `text`, outside string literals and comments (a rough count,
    /// used only for the continuation line's indentation).
    static func openDepth(_ text: String) -> Int {
        var depth = 0
        var inString = false
        var previous: Character = " "
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for character in line {
                if inString {
                    if character == "\"" && previous != "\\" { inString = false }
                } else if character == "/" && previous == "/" {
                    break
                } else if character == "\"" {
                    inString = true
                } else if "{([".contains(character) {
                    depth += 1
                } else if "})]".contains(character) {
                    depth = max(0, depth - 1)
                }
                previous = character
            }
            previous = " "
        }
        return depth
    }

    private func runCommand(_ text: String) {
        let parts = text.split(separator: " ", maxSplits: 1)
        let name = parts.first.map(String.init) ?? ""
        let arguments = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        do {
            if let entry = repl.commands.entry(named: name) {
                try entry.run(arguments, repl)
            } else if let command = repl.host.commands[name] {
                let context = SessionCommandContext(runner: repl.notebook.runner, width: repl.output.width,
                                                    useColor: repl.output.useColor)
                let text = try command.run(arguments, context)
                if !text.isEmpty { repl.output.line(text.hasSuffix("\n") ? String(text.dropLast()) : text) }
            } else {
                let known = repl.commands.all.map(\.name) + repl.host.commands.keys
                let close = known.filter { !name.isEmpty && $0.hasPrefix(String(name.prefix(2))) }.sorted()
                let hint = close.isEmpty ? "" : " (did you mean " + close.map { ":" + $0 }.joined(separator: " or ") + "?)"
                throw ReplError("unknown command :\(name)\(hint); :help lists the commands")
            }
        } catch {
            repl.output.line(repl.output.styled("error: \(error)", "31"))
        }
    }
}
