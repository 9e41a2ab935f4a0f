import Foundation
import Testing
@testable import ResLabNotebook

/// The complete example in docs/lesson-format.md parses, and its student version is the one the
/// document shows: the documentation cannot drift from the parser.
@Suite struct LessonFormatDocumentTests {
    /// The code blocks of the document, by info string.
    func documentBlocks() throws -> [String: String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/lesson-format.md").standardizedFileURL.path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var blocks: [String: String] = [:]
        for case let .codeBlock(code) in MarkdownParser.parseBlocks(text) where blocks[code.info] == nil {
            blocks[code.info] = code.literal
        }
        return blocks
    }

    @Test func exampleParsesAndReleases() throws {
        let blocks = try documentBlocks()
        let lessonText = try #require(blocks["markdown lesson.md"])
        let hiddenText = try #require(blocks["markdown lesson.hidden.md"])
        let lesson = try Lesson.parse(lessonText, file: "lesson.md", hiddenTests: (hiddenText, "lesson.hidden.md"))
        #expect(lesson.id == "identity-block")
        #expect(lesson.cells.map(\.role) == [.code, .exercise, .test, .test, .code])
        let exercise = try #require(lesson.exercise(id: "identity-block"))
        #expect(exercise.totalPoints == 3)
        #expect(exercise.hints.count == 2)
        #expect(exercise.tests.map(\.id) == ["identity-block.test-1", "nonnegative"])
        #expect(exercise.hiddenTests.map(\.id) == ["identity-block.hidden-1"])

        let studentCell = try #require(blocks["swift"])
        #expect(exercise.template.text + "\n" == studentCell)
        let student = try LessonRelease.studentText(of: lesson)
        #expect(student.contains(studentCell))
        #expect(!student.contains("BatchNormalization"))
    }
}
