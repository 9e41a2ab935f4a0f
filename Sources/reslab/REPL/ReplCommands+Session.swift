import Foundation
import ResLab

/// `:help`, `:progress`, `:export`, `:plugins`, `:plugin load PATH` and `:quit`.
extension ReplCommandTable {
    func registerSessionCommands() throws {
        try register("help", summary: "this list") { _, repl in
            var lines = repl.commands.all.map { ($0.usage, $0.summary) }
            lines += repl.host.commands.values.sorted { $0.name < $1.name }
                .filter { repl.commands.entry(named: $0.name) == nil }
                .map { ($0.usage.hasPrefix(":") ? $0.usage : ":" + $0.usage, $0.summary + " (plugin)") }
            let width = lines.map(\.0.count).max() ?? 0
            for (usage, summary) in lines { repl.output.line("  " + Self.pad(usage, width) + "  " + summary) }
            repl.output.line("Anything else is Swift code, run in the lesson's environment. Tab completes; "
                             + "Ctrl-C stops running code; Ctrl-D or :quit leaves (your place is saved).")
        }
        try register("progress", summary: "the lessons, where you are, and the exercises you passed") { _, repl in
            repl.printProgress()
        }
        try register("export", usage: ":export [md|html] [PATH]",
                     summary: "write the lesson with this session's outputs (default: html to LESSON-ID.html)") { arguments, repl in
            let repl = try repl.requireLesson()
            var words = arguments.split(separator: " ", maxSplits: 1).map(String.init)
            var format = ExportFormat.html
            if let first = words.first, let named = ExportFormat(rawValue: first) {
                format = named
                words.removeFirst()
            }
            let path = words.first ?? "\(repl.notebook.lesson.id).\(format.rawValue)"
            try format.write(repl.notebook.lesson, transcript: repl.notebook.transcript, to: path)
            repl.output.line("Wrote \(path)")
        }
        try register("plugins", summary: "the loaded plugins and what each registered") { _, repl in
            guard !repl.host.plugins.isEmpty else {
                repl.output.line("No plugins loaded. :plugin load PATH loads one.")
                return
            }
            for plugin in repl.host.plugins {
                repl.output.line("\(plugin.name) \(plugin.version) (\(plugin.origin)): \(plugin.contributions.summary)")
            }
        }
        try register("plugin", usage: ":plugin load PATH", summary: "load a plugin from a shared library") { arguments, repl in
            let words = arguments.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2, words[0] == "load" else { throw ReplError("usage: :plugin load PATH") }
            let plugin = try repl.host.load(path: (words[1] as NSString).expandingTildeInPath)
            repl.output.line("Loaded \(plugin.name) \(plugin.version): \(plugin.contributions.summary)")
        }
        try register("quit", summary: "leave (your place is saved; Ctrl-D does the same)") { _, repl in
            repl.wantsToQuit = true
        }
    }
}

extension ReplSession {
    /// The catalogue's lessons (or the open one) with the current place and passed exercises.
    func printProgress() {
        var lessons: [(id: String, title: String)] = catalogue?.entries.map { ($0.frontMatter.id, $0.frontMatter.title) } ?? []
        if hasLesson, !lessons.contains(where: { $0.id == notebook.lesson.id }) {
            lessons.append((notebook.lesson.id, notebook.lesson.title))
        }
        guard !lessons.isEmpty else {
            output.line("No lessons found: name a lesson file, or set RESLAB_LESSONS to the lessons folder.")
            return
        }
        for lesson in lessons {
            let isOpen = hasLesson && lesson.id == notebook.lesson.id
            let saved = progress.lessons[lesson.id]
            var line = (isOpen ? "▶ " : "  ") + lesson.id + " — " + lesson.title
            if let saved { line += " · at cell \(saved.currentCell)" } else { line += " · not started" }
            output.line(line)
            for (exercise, score) in (saved?.passed ?? [:]).sorted(by: { $0.key < $1.key }) {
                output.line("      ✔ \(exercise): \(score.points)/\(score.outOf) points")
            }
        }
    }
}
