import ArgumentParser
import Foundation
import ResLab

extension ExportFormat: ExpressibleByArgument {}

/// `reslab export LESSON.md --to md|html [--out PATH]`: runs the lesson and writes it with its
/// outputs (plots as inline SVG).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lesson and write it with its outputs as Markdown or a self-contained HTML page.",
        discussion: """
            The cells run in order, as with `reslab run`; a cell that fails ends the run, and the \
            export shows its error (the exit status is then 1). Plots are embedded as SVG.
            """)

    @ArgumentParser.Argument(help: "The lesson file.")
    var lesson: String
    @Option(help: "md or html.")
    var to: ExportFormat
    @Option(help: "Write here instead of to standard output.")
    var out: String?
    @Flag(help: "Run the optional cells too (long training runs).")
    var includeOptional = false
    @Option(name: .customLong("plugin"), help: "Load a plugin from this shared library (repeatable).")
    var plugins: [String] = []

    func run() throws {
        let output = TerminalOutput(useColor: false)
        let loaded: Lesson
        do {
            loaded = try Lesson.load(path: lesson)
        } catch {
            output.error("\(error)")
            throw ExitCode(2)
        }
        let host = try LessonHost.make(pluginPaths: plugins, warn: output.error)
        for warning in LessonHost.loadDeclaredPlugins(of: loaded, into: host) { output.error(warning) }
        do {
            try loaded.checkCellRoles(against: host)
        } catch {
            output.error("\(error)")
            throw ExitCode(2)
        }
        let session = NotebookSession(lesson: loaded, host: host)
        let executions = session.runAll(includeOptional: includeOptional)
        if let out {
            try to.write(loaded, transcript: session.transcript, to: out)
        } else {
            output.write(to.render(loaded, transcript: session.transcript))
        }
        if let failed = executions.last, let error = failed.error {
            output.error("\(error)\nerror: \(failed.origin) failed; the export shows its error and stops there")
            throw ExitCode(1)
        }
        if let out { output.error("Wrote \(out)") }
    }
}
