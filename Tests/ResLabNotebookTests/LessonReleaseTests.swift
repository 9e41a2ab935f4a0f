import Foundation
import Testing
@testable import ResLabNotebook
import ResLabNN

@Suite struct LessonReleaseTests {
    /// Writes the instructor's lesson and hidden tests to a folder and releases it into `out/`.
    func release() throws -> (folder: TemporaryFolder, text: String) {
        let folder = try TemporaryFolder()
        let lesson = try folder.write(LessonFixtures.instructor, to: "course/identity.md")
        try folder.write(LessonFixtures.hidden, to: "course/identity.hidden.md")
        let written = try LessonRelease.release(lessonAt: lesson, to: folder.path + "/out")
        #expect(written == folder.path + "/out/identity.md")
        return (folder, try folder.read("out/identity.md"))
    }

    @Test func studentVersionText() throws {
        let text = try release().text
        let expectedCell = """
        ```swift exercise id=identity-block title="Identity block" points=3
        func identityBlock(_ x: Tensor, f: Int, filters: [Int]) -> Tensor {
            let shortcut = x
            var y = x  // replace with the main path
            // YOUR CODE HERE
            return Activation(.relu)(y)
        }
        ```
        """
        #expect(text.contains(expectedCell))
        // Everything else is the instructor's file, line for line.
        let instructorLines = LessonFixtures.instructor.split(separator: "\n", omittingEmptySubsequences: false)
        let studentLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(studentLines.prefix(18)) == Array(instructorLines.prefix(18)))
        #expect(Array(studentLines.suffix(from: 25).dropLast()) == Array(instructorLines.suffix(from: 33)))
    }

    @Test func noSolutionTextSurvives() throws {
        let (folder, text) = try release()
        let lesson = try Lesson.parse(LessonFixtures.instructor, file: "l.md", hiddenTests: (LessonFixtures.hidden, "h.md"))
        let exercise = try #require(lesson.exercise(id: "identity-block"))
        for line in exercise.solutionLines {
            #expect(!text.contains(line.trimmed()), "solution line leaked: \(line)")
        }
        for marker in ["BEGIN SOLUTION", "END SOLUTION", "BEGIN TEMPLATE", "END TEMPLATE", "three convolutions", "Conv2D"] {
            #expect(!text.contains(marker))
        }
        // Neither the hidden tests nor their file.
        #expect(!text.contains("batch normalization"))
        #expect(!text.contains("usesBatchNorm"))
        #expect(try folder.contents("out") == ["identity.md"])
    }

    @Test func studentVersionIsAValidLessonWithoutSolutions() throws {
        let text = try release().text
        let student = try Lesson.parse(text, file: "student.md")
        let exercise = try #require(student.exercise(id: "identity-block"))
        #expect(!exercise.hasReferenceSolution)
        let instructor = try Lesson.parse(LessonFixtures.instructor, file: "l.md")
        #expect(exercise.source.text == instructor.exercise(id: "identity-block")?.template.text)
        #expect(exercise.tests.map(\.id) == ["identity-block.test-1", "values"])
        #expect(exercise.hints.count == 2)
    }

    @Test func solutionRepeatedInProseIsRefused() throws {
        let text = LessonFixtures.lesson("""
        Hint: the answer is `let total = values.reduce(0, +)`.

        ```swift exercise id=sum
        // BEGIN SOLUTION
        let total = values.reduce(0, +)
        // END SOLUTION
        ```

        """)
        let lesson = try Lesson.parse(text, file: "l.md")
        #expect(throws: ReleaseError.solutionTextInOutput(
            exercise: "sum", solutionLine: SourceLocation(file: "l.md", line: 10), text: "let total = values.reduce(0, +)",
            outputLine: 6)) {
            try LessonRelease.studentText(of: lesson)
        }
    }

    @Test func refusesToOverwriteTheInstructorsCopy() throws {
        let folder = try TemporaryFolder()
        let lesson = try folder.write(LessonFixtures.instructor, to: "identity.md")
        #expect(throws: ReleaseError.wouldOverwriteSource(path: lesson)) {
            try LessonRelease.release(lessonAt: lesson, to: folder.path)
        }
        #expect(try folder.read("identity.md") == LessonFixtures.instructor)
    }

    @Test func brokenHiddenTestsStopTheRelease() throws {
        let folder = try TemporaryFolder()
        let lesson = try folder.write(LessonFixtures.instructor, to: "identity.md")
        try folder.write("```swift test exercise=missing points=1 message=m\n```\n", to: "identity.hidden.md")
        #expect(throws: LessonError.self) {
            try LessonRelease.release(lessonAt: lesson, to: folder.path + "/out")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/identity.md"))
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write("one", toPath: folder.path + "/a/b.txt")
        try AtomicFile.write("two", toPath: folder.path + "/a/b.txt")
        #expect(try folder.read("a/b.txt") == "two")
        #expect(try folder.contents("a") == ["b.txt"])
    }
}
