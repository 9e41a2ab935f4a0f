import ArgumentParser
import Foundation
import ResLab

/// `reslab release LESSON… --out DIR`: writes the student versions.
struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the student version of lessons: solutions replaced by templates, hidden tests left out.",
        discussion: """
            The release stops when a lesson or its hidden tests file is malformed, when a cell's role \
            is neither built in nor registered by a loaded plugin (a misspelt role would otherwise \
            reach the students), or when a line of a reference solution would appear anywhere in the \
            output. Run reslab validate first.
            """)

    @ArgumentParser.Argument(help: "The lessons (instructor's copies).")
    var lessons: [String]

    @Option(help: "The folder to write the student versions to (not the lessons' own folder).")
    var out: String

    @Option(name: .customLong("plugin"), help: "Load a plugin from this shared library first (repeatable).")
    var plugins: [String] = []

    func run() throws {
        // Plugins (these, the plugins folder's, and those a lesson declares) register the roles of
        // plugin cells; a role none of them knows is most likely a typo.
        let host = try LessonHost.make(pluginPaths: plugins, warn: ScriptRunner.standardErrorLine)
        var failed = false
        for path in lessons {
            do {
                let lesson = try Lesson.load(path: path, hiddenTests: .besideIfPresent)
                for warning in LessonHost.loadDeclaredPlugins(of: lesson, into: host) { ScriptRunner.standardErrorLine(warning) }
                try lesson.checkCellRoles(against: host)
                let written = try LessonRelease.release(lessonAt: path, to: out)
                print("wrote \(written)")
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
