import ArgumentParser
import Foundation
import ResLab

/// `reslab validate LESSON…`: the instructor's check that lessons are sound before handing them out.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lessons: every cell runs, every reference solution passes its tests, every template fails one.",
        discussion: "Hidden tests are read from LESSON.hidden.md beside each lesson when it exists. Exits 1 when a lesson is not valid.")

    @ArgumentParser.Argument(help: "The lessons (instructor's copies).")
    var lessons: [String]

    @Option(help: "Seconds each cell and test may run.")
    var testTimeout: Double = GradingLimits().secondsPerTest

    @Option(name: .customLong("plugin"), help: "Load a plugin from this shared library first (repeatable).")
    var plugins: [String] = []

    func run() throws {
        // Plugins (these, the plugins folder's, and those the lessons declare) provide the roles of
        // plugin cells, which validation checks are registered.
        let host = try LessonHost.make(pluginPaths: plugins, warn: ScriptRunner.standardErrorLine)
        var allValid = true
        for path in lessons {
            let lesson: Lesson
            do {
                lesson = try Lesson.load(path: path, hiddenTests: .besideIfPresent)
            } catch {
                print("\(error)")
                allValid = false
                continue
            }
            for warning in LessonHost.loadDeclaredPlugins(of: lesson, into: host) { ScriptRunner.standardErrorLine(warning) }
            let report = LessonValidator(lesson: lesson, host: host,
                                         limits: GradingLimits(secondsPerTest: testTimeout, secondsPerSubmission: .infinity)).validate()
            print(report.text, terminator: "")
            allValid = allValid && report.isValid
        }
        if !allValid { throw ExitCode(1) }
    }
}
