import ResLab
import Testing

/// The notebook session: execution counts, outputs per cell, errors at lesson positions, batch
/// runs, interruption and the variable inspector.
@Suite struct SessionTests {
    @Test func executionsAreNumberedAcrossCellsAndPromptEntries() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["var a = 1", "let b = a + 1"]))
        #expect(try session.run(cell: 1).executionCount == 1)
        #expect(try session.run(cell: 2).executionCount == 2)
        #expect(session.runEntry("a = 10").executionCount == 3)
        #expect(try session.run(cell: 1).executionCount == 4)
        #expect(session.state(ofCell: 1) == .ran(executionCount: 4))
        #expect(session.state(ofCell: 2).executionCount == 2)
        #expect(session.transcript.map(\.cellNumber) == [1, 2])
        #expect(session.transcript.map(\.executionCount) == [4, 2])
        #expect(session.executionCount == 4)
    }

    @Test func outputsArePrintedTextThenTheFinalValue() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: [
            "print(\"hello\")\nprint(1 + 2)\nlet xs = [1.0, 2.5]\nxs",
            "let n = 3",
            "Bars([1.0, 2.0, 4.0])",
        ]))
        let first = try session.run(cell: 1)
        #expect(first.outputs == [.text("hello\n3\n"), .text("[Double] = [1.0, 2.5]")])
        #expect(try session.run(cell: 2).outputs.isEmpty)
        // A value whose type has a renderer giving SVG is kept as a plot.
        let plot = try session.run(cell: 3)
        #expect(plot.outputs == [.svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>Bars([1.0, 2.0, 4.0])</title></svg>")])
        let value = try #require(plot.value)
        #expect(session.runner.terminalText(for: value, width: 40, useColor: false) == "bars drawn in 40 columns: Bars([1.0, 2.0, 4.0])")
        #expect(session.runEntry("n * 2").outputs == [.text("Int = 6")])
    }

    @Test func outputStreamsToTheSinkAsItIsPrinted() throws {
        final class Pieces: @unchecked Sendable { var all: [String] = [] }
        let pieces = Pieces()
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["for i in 1...3 { print(i) }"]))
        session.outputSink = { pieces.all.append($0) }
        try session.run(cell: 1)
        #expect(pieces.all == ["1\n", "2\n", "3\n"])
    }

    /// Line numbers below are the lesson text's own, counted by hand.
    static let errorsLesson = """
    ---
    id: errors
    title: Errors
    order: 1
    ---
    Prose.

    ```swift
    func divide(_ a: Int, by b: Int) -> Int {
        return a / b
    }
    ```

      ```swift
      let ü = "ü"
      let n = ü + nope
      ```

    ```swift
    let zero = 0
    divide(1, by: zero)
    ```
    """

    @Test func errorsPointIntoTheLessonFile() throws {
        let session = try SessionFixtures.session(try Lesson.parse(Self.errorsLesson, file: "errors.md"))
        #expect(try session.run(cell: 1).succeeded)
        // Line 2 of a cell whose fence, indented by two spaces, is on line 14; `nope` is the 13th
        // character of its line (the 14th byte: `ü` takes two), plus the fence's two spaces.
        let unresolved = try #require(try session.run(cell: 2).error)
        #expect(unresolved.location == SourceLocation(file: "errors.md", line: 16, column: 15))
        #expect(unresolved.description.hasPrefix("errors.md:16:15: error: cannot find 'nope' in scope\n    let n = ü + nope\n                ^"))
        // A runtime error inside a function from cell 1, called by cell 3: at cell 1's line, with
        // the chain of calls mapped too.
        let division = try #require(try session.run(cell: 3).error)
        #expect(division.location == SourceLocation(file: "errors.md", line: 10, column: 14))
        #expect(division.message.hasPrefix("division by zero"))
        #expect(division.description.contains("at errors.md:10:14 in divide(_:by:)"))
        #expect(division.description.contains("at errors.md:21:1 in top-level code"))
        #expect(session.state(ofCell: 3) == .failed(executionCount: 3))
    }

    @Test func promptEntriesReportErrorsAtTheirExecutionNumber() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["let a = 1"]))
        try session.run(cell: 1)
        let error = try #require(session.runEntry("let b = 2\nlet c = b + missing").error)
        #expect(error.location == SourceLocation(file: "[2]", line: 2, column: 13))
    }

    @Test func batchRunsSkipOptionalAndTestCellsAndStopAtTheFirstError() throws {
        let lesson = try SessionFixtures.lesson([
            (info: "", code: "var log = [String]()\nlog.append(\"one\")"),
            (info: "optional", code: "log.append(\"optional\")"),
            (info: "exercise id=ex points=1", code: "func twice(_ x: Int) -> Int { x * 2 }"),
            (info: "test exercise=ex points=1 message=\"twice\"", code: "log.append(\"test\")"),
            (info: "", code: "log"),
        ])
        let plain = try SessionFixtures.session(lesson)
        var seen: [Int] = []
        let executions = plain.runAll(includeOptional: false, willRun: { seen.append($0.number) })
        #expect(seen == [1, 3, 5])
        #expect(executions.last?.outputs == [.text("[String] = [\"one\"]")])
        #expect(plain.state(ofCell: 2) == .notRun)
        #expect(plain.state(ofCell: 4) == .notRun)

        let all = try SessionFixtures.session(lesson)
        #expect(all.runAll(includeOptional: true).last?.outputs == [.text("[String] = [\"one\", \"optional\"]")])

        let failing = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["let a = 1", "let b = a / 0", "let c = 3"]))
        #expect(failing.runAll(includeOptional: false).map(\.executionCount) == [1, 2])
        #expect(failing.state(ofCell: 3) == .notRun)
    }

    @Test func anInterruptedRunEndsWithAnErrorAndTheSessionGoesOn() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: [
            "var n = 0\nwhile true {\n    n += 1\n    if n == 5 { stopSoon() }\n}",
        ]))
        let interrupted = try session.run(cell: 1)
        #expect(interrupted.wasInterrupted)
        #expect(interrupted.error?.message.hasPrefix("interrupted") == true)
        #expect(session.runEntry("n").outputs == [.text("Int = 5")])
    }

    @Test func variablesListTypeShapeAndPreview() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: [
            "let bars = Bars([1.0, 2.0])\nvar rate = 0.5\nlet words = [\"a long line of words\", \"and another\"]\nfunc f(_ x: Int, y: Int) -> Int { x + y }",
        ]))
        try session.run(cell: 1)
        let variables = session.variables(previewLength: 20)
        #expect(variables.map(\.name) == ["bars", "f", "rate", "words"])
        #expect(variables.map(\.type) == ["Bars", "(Int, Int) -> Int", "Double", "[String]"])
        #expect(variables.map(\.shape) == [[2], nil, nil, nil])
        #expect(variables.map(\.preview) == ["Bars([1.0, 2.0])", "func f(_:y:)", "0.5", "[\"a long line of wo…"])
        #expect(variables.map(\.isConstant) == [true, true, false, true])
    }

    @Test func asACellRunnerItReportsOutputsAndErrorsAtLessonPositions() throws {
        let lesson = try Lesson.parse(Self.errorsLesson, file: "errors.md")
        let session = try SessionFixtures.session(lesson)
        let runner: CellRunner = session.runner
        #expect(runner.run(lesson.cells[0].source) == CellRunResult(outputs: []))
        let result = runner.run(lesson.cells[2].source)
        #expect(result.error?.location == SourceLocation(file: "errors.md", line: 10, column: 14))
        #expect(runner.run(CellSource(text: "divide(9, by: 3)", file: "check", firstLine: 1)).outputs == [.text("Int = 3")])
    }

    @Test func restartForgetsNamesAndRunsButKeepsEdits() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["let a = 1", "a + 1"]))
        _ = session.runAll(includeOptional: false)
        try session.edit(cell: 1, code: "let a = 5")
        session.restart()
        #expect(session.executionCount == 0)
        #expect(session.state(ofCell: 1) == .notRun)
        #expect(session.variables().isEmpty)
        #expect(try session.runWithDependencies(cell: 2).last?.outputs == [.text("Int = 6")])
    }

    @Test func runningAMissingCellIsAnError() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["let a = 1"]))
        #expect(throws: NotebookSession.SessionError.noSuchCell(number: 4, count: 1)) { try session.run(cell: 4) }
    }
}
