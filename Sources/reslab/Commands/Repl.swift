import ArgumentParser
import Foundation
import ResLab

/// `reslab [LESSON]` (also `reslab repl [LESSON]`): the REPL on a lesson.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the REPL on a lesson (the default command).",
        discussion: """
            Without a lesson, reslab resumes where you stopped last time, or opens the course's first \
            lesson. With standard input not a terminal, it reads commands and code line by line.
            """)

    @ArgumentParser.Argument(help: "A lesson file, or a lesson id from the lessons folder.")
    var lesson: String?
    @Option(name: .customLong("plugin"), help: "Load a plugin from this shared library (repeatable).")
    var plugins: [String] = []
    @Option(help: "The lessons folder (default: $RESLAB_LESSONS, ./lessons, or lessons/ above the reslab executable).")
    var lessons: String?

    func run() throws {
        let output = TerminalOutput()
        let host = try LessonHost.make(pluginPaths: plugins, warn: output.error)
        var catalogue: LessonCatalogue?
        if let folder = lessons ?? LessonCatalogue.defaultFolder() {
            do {
                catalogue = try LessonCatalogue(folder: folder)
            } catch {
                output.error("warning: \(error)")
            }
        }
        let store = ProgressStore(path: ProgressStore.defaultPath())
        let repl = try ReplSession(output: output, host: host, catalogue: catalogue, progressStore: store,
                                   commands: try ReplCommandTable.standard())
        if let path = try lessonPath(catalogue: catalogue, progress: repl.progress) {
            do {
                try repl.open(lessonAt: path)
            } catch {
                output.error("\(error)")
                // A lesson the learner named must open; a remembered one that broke must not lock them out.
                if lesson != nil { throw ExitCode(1) }
            }
        } else {
            output.line("No lessons found (name a lesson file, or set RESLAB_LESSONS); you can still run code here.")
        }
        let historyPath = (store.path as NSString).deletingLastPathComponent + "/history"
        try ReplLoop(repl: repl, historyPath: historyPath).run()
    }

    /// The lesson to open: the one named, else the one the learner was in, else the first.
    private func lessonPath(catalogue: LessonCatalogue?, progress: ResLabNotebook.Progress) throws -> String? {
        if let lesson {
            if let catalogue { return try catalogue.resolve(lesson) }
            guard FileManager.default.fileExists(atPath: lesson) else {
                throw ValidationError("no lesson file `\(lesson)`, and no lessons folder to look up an id in (set RESLAB_LESSONS)")
            }
            return lesson
        }
        if let current = progress.currentLesson, let entry = catalogue?.entry(id: current) { return entry.path }
        return catalogue?.first?.path
    }
}
