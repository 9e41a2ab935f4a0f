import Foundation
import ResLab
import Testing

/// The grading fixtures in `Tests/Fixtures/Grading/`, and the plain-numbers lesson the grader's core
/// tests use (it needs no tensor bindings, so these tests exercise the grader alone).
enum GradingFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Grading").path

    static func path(_ name: String) -> String { folder + "/" + name }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// The statistics lesson with its hidden tests.
    static func statisticsLesson() throws -> Lesson {
        try Lesson.load(path: path("statistics/lesson.md"), hiddenTests: .besideIfPresent)
    }

    /// A host with the assertion helpers only.
    static func assertionHost() throws -> PluginHost {
        let host = PluginHost()
        try host.install(GradingPlugin())
        return host
    }

    /// The statistics lesson's text with the body of `func mean` replaced by `body`.
    static func statisticsSubmission(meanBody: String, name: String = "learner.md") throws -> Submission {
        let lesson = try text("statistics/lesson.md")
        let start = try #require(lesson.range(of: "func mean(_ xs: [Double]) -> Double {\n"))
        let end = try #require(lesson.range(of: "\n}\n```", range: start.upperBound..<lesson.endIndex))
        let edited = lesson.replacingCharacters(in: start.upperBound..<end.lowerBound, with: meanBody)
        return Submission.parse(edited, file: name, isSwift: false)
    }
}
