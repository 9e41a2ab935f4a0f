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

    func run() throws {
        let host = try makeStandardHost()
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
            let report = LessonValidator(lesson: lesson, host: host,
                                         limits: GradingLimits(secondsPerTest: testTimeout, secondsPerSubmission: .infinity)).validate()
            print(report.text, terminator: "")
            allValid = allValid && report.isValid
        }
        if !allValid { throw ExitCode(1) }
    }
}
