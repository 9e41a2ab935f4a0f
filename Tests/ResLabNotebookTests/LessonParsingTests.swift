import Testing
@testable import ResLabNotebook

@Suite struct LessonParsingTests {
    func instructorLesson(hidden: Bool = false) throws -> Lesson {
        try Lesson.parse(LessonFixtures.instructor, file: "lesson.md",
                         hiddenTests: hidden ? (LessonFixtures.hidden, "lesson.hidden.md") : nil)
    }

    @Test func frontMatter() throws {
        let lesson = try instructorLesson()
        #expect(lesson.frontMatter == LessonFrontMatter(
            id: "identity-block", title: "The identity block", order: 3,
            objectives: ["Build the identity block", "Check its output shape"], plugins: ["plots"]))
    }

    @Test func itemsInFileOrder() throws {
        let lesson = try instructorLesson()
        let kinds = lesson.items.map { item -> String in
            switch item {
            case .prose: return "prose"
            case let .cell(cell): return cell.role.name
            case .hint: return "hint"
            }
        }
        #expect(kinds == ["prose", "code", "exercise", "hint", "test", "hint", "test", "code"])
        #expect(lesson.cells.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lesson.cells.last?.isOptional == true)
        #expect(lesson.cells.first?.isOptional == false)
    }

    @Test func proseKeepsItsSourceAndLines() throws {
        let lesson = try instructorLesson()
        guard case let .prose(prose) = lesson.items.first else {
            Issue.record("the lesson should open with prose")
            return
        }
        #expect(prose.startLine == 10)
        #expect(prose.endLine == 12)
        #expect(prose.markdown == "# The identity block\n\nThe shortcut is *added* before the **ReLU**.")
        #expect(prose.blocks.first == .heading(level: 1, [.text("The identity block")]))
    }

    @Test func cellsKnowTheirLines() throws {
        let lesson = try instructorLesson()
        let code = lesson.cells[0]
        #expect(code.fenceLocation == SourceLocation(file: "lesson.md", line: 14, column: 1))
        #expect(code.source.text == "let x = Tensor(ones: [1, 4, 4, 3])")
        #expect(code.source.lineNumbers == [15])
        #expect(code.endLine == 16)
        // An interpreter error on line 2, column 5 of the exercise's code is line 20, column 5 of the file.
        let exercise = lesson.cells[1]
        #expect(exercise.source.location(line: 2, column: 5) == SourceLocation(file: "lesson.md", line: 20, column: 5))
    }

    @Test func exerciseTemplateReplacesSolutions() throws {
        let exercise = try #require(try instructorLesson().exercise(id: "identity-block"))
        #expect(exercise.hasReferenceSolution)
        #expect(exercise.title == "Identity block")
        #expect(exercise.declaredPoints == 3)
        #expect(exercise.template.text == """
        func identityBlock(_ x: Tensor, f: Int, filters: [Int]) -> Tensor {
            let shortcut = x
            var y = x  // replace with the main path
            // YOUR CODE HERE
            return Activation(.relu)(y)
        }
        """)
        // Template lines keep their own file lines; the placeholder points at its BEGIN SOLUTION line.
        #expect(exercise.template.lineNumbers == [19, 20, 26, 28, 31, 32])
        #expect(exercise.solutionLines == [
            "    // The main path: three convolutions.",
            "    var y = Conv2D(filters: filters[0], kernelSize: 1)(x)",
            "    y = Add()([y, shortcut])",
        ])
    }

    @Test func testsAndHints() throws {
        let exercise = try #require(try instructorLesson().exercise(id: "identity-block"))
        #expect(exercise.tests.map(\.id) == ["identity-block.test-1", "values"])
        #expect(exercise.tests.map(\.points) == [1, 1])
        #expect(exercise.tests[0].message == "The output shape is wrong")
        #expect(exercise.tests[1].message == "Values differ: is the \"shortcut\" added?")
        #expect(exercise.tests[1].timeout == 5)
        #expect(exercise.tests[0].timeout == nil)
        #expect(exercise.hints.map(\.number) == [1, 2])
        #expect(exercise.hints[0].markdown == "The shortcut is the input `x` itself.")
        #expect(exercise.hints[1].blocks == [.paragraph([
            .text("Add the shortcut "), .strong([.text("before")]), .text(" the last ReLU."),
        ])])
        #expect(exercise.hiddenTests.isEmpty)
    }

    @Test func hiddenTestsFromTheirOwnFile() throws {
        let lesson = try instructorLesson(hidden: true)
        let exercise = try #require(lesson.exercise(id: "identity-block"))
        #expect(exercise.hiddenTests.count == 1)
        let test = exercise.hiddenTests[0]
        #expect(test.id == "identity-block.hidden-1")
        #expect(test.isHidden)
        #expect(test.fenceLocation == SourceLocation(file: "lesson.hidden.md", line: 6, column: 1))
        #expect(test.source.lineNumbers == [7])
        #expect(exercise.totalPoints == 3)
        #expect(lesson.hiddenTestsFile == "lesson.hidden.md")
        // Hidden tests are never cells of the lesson.
        #expect(lesson.cells.count == 5)
    }

    @Test func indentedFenceOffsetsColumns() throws {
        let lesson = try Lesson.parse(LessonFixtures.lesson("  ```swift\n  let a = 1\n  ```\n"), file: "l.md")
        let cell = try #require(lesson.cells.first)
        #expect(cell.source.text == "let a = 1")
        #expect(cell.source.location(line: 1, column: 5) == SourceLocation(file: "l.md", line: 7, column: 7))
    }

    @Test func otherLanguagesAreProse() throws {
        let lesson = try Lesson.parse(LessonFixtures.lesson("```text\nnot run\n```\n\n```python\nx = 1\n```\n"), file: "l.md")
        #expect(lesson.cells.isEmpty)
        #expect(lesson.items.count == 1)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let text = "---\r\nid: t\r\ntitle: T\r\norder: 1\r\n---\r\n```swift\r\nlet a = 1\r\n```\r\n"
        let lesson = try Lesson.parse(text, file: "l.md")
        #expect(lesson.cells.first?.source.text == "let a = 1")
        #expect(lesson.cells.first?.fenceLocation.line == 6)
    }
}
