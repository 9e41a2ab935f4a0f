import Foundation
import Testing

/// The REPL without a terminal: commands and code read line by line from standard input.
@Suite("REPL through a pipe")
struct REPLPipeTests {
    let home: TestHome
    let lessons: String

    init() throws {
        home = try TestHome()
        lessons = try REPLFixtures.install(in: home)
    }

    @Test func runsCommandsAndCodeLineByLineAndSavesTheLearnersPlace() throws {
        let input = """
        :next
        doubled + 1
        func triple(_ x: Int) -> Int {
            return x * 3
        }
        triple(5)
        :list
        :goto 9
        :bogus

        """
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: input, home: home)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        // The first cell ran on opening the lesson, the second on :next.
        #expect(run.output.contains("── cell 1 of 5 · line 12"))
        #expect(run.output.contains("rate is 0.5\n"))
        #expect(run.output.contains("Prose before cell two."))
        #expect(run.output.contains("[2] Double = 1.0\n"))
        #expect(run.output.contains("[3] Double = 2.0\n"))
        #expect(run.output.contains("[5] Int = 15\n"))
        #expect(run.output.contains("▶ 2   [2]    code"))
        #expect(run.output.contains("  4   [ ]    test for twice               line 30    runs on :check"))
        #expect(run.output.contains("error: there is no cell 9: the lesson's cells are numbered 1 to 5"))
        #expect(run.output.contains("error: unknown command :bogus; :help lists the commands"))
        #expect(run.output.hasSuffix("Saved your place: fixture, cell 2.\n"))
        let progress = try String(contentsOfFile: home.path("state/reslab/progress.json"), encoding: .utf8)
        #expect(progress.contains("\"currentLesson\" : \"fixture\""))
        #expect(progress.contains("\"currentCell\" : 2"))
    }

    @Test func staleCellsAreReportedAndRefreshed() throws {
        let input = """
        :next
        rate = 2.0
        :run
        :list

        """
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: input, home: home)
        #expect(run.output.contains("stale: cell 2 uses `rate`, which you changed at the prompt ([3]) after cell 2 ran; :run 2 to refresh\n"))
        #expect(run.output.contains("[4] Double = 4.0\n"))
        #expect(run.output.contains("▶ 2   [4]    code                         line 19    ran"))
    }

    @Test func varsAndShowInspectTheSession() throws {
        let input = """
        :next
        let words = ["alpha", "beta"]
        :vars
        :show words
        :show nothing

        """
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: input, home: home)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("name      type      shape  value"))
        #expect(lines.contains("doubled   Double           1.0"))
        #expect(lines.contains("var rate  Double           0.5"))
        #expect(lines.contains("words     [String]         [\"alpha\", \"beta\"]"))
        #expect(lines.contains("words: [String]"))
        #expect(lines.contains("[\"alpha\", \"beta\"]"))
        #expect(run.output.contains("error: no name `nothing` in the session (:vars lists the names)"))
    }

    @Test func editOpensTheExerciseInTheEditorAndRunsItBack() throws {
        let editor = home.path("fake-editor")
        // The "editor" checks it was given the exercise's code, then replaces it.
        try """
        #!/bin/sh
        grep -q 'return x \\* 2' "$1" || exit 3
        printf 'func twice(_ x: Int) -> Int {\\n    return x + x + 1\\n}\\n' > "$1"

        """.write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let first = try ReslabProcess.run(["lessons/fixture.md"], input: ":goto 3\n:edit\ntwice(20)\n", home: home,
                                          environment: ["EDITOR": editor])
        #expect(first.output.contains("Running your code for `twice`:"))
        #expect(first.output.contains("[5] Int = 41\n"))
        let saved = try String(contentsOfFile: home.path("state/reslab/work/fixture/twice.swift"), encoding: .utf8)
        #expect(saved == "func twice(_ x: Int) -> Int {\n    return x + x + 1\n}")
        // The next run starts from the learner's code.
        let second = try ReslabProcess.run(["lessons/fixture.md"], input: "twice(1)\n", home: home)
        #expect(second.output.contains("exercise twice (your code)"))
        #expect(second.output.contains("[4] Int = 3\n"))
    }

    @Test func exportWritesTheSessionsOutputs() throws {
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: ":next\n:export md out.md\n", home: home)
        #expect(run.output.contains("Wrote out.md"))
        let exported = try String(contentsOfFile: home.path("out.md"), encoding: .utf8)
        #expect(exported.contains("```text\nrate is 0.5\n```"))
        #expect(exported.contains("```text\nDouble = 1.0\n```"))
    }

    @Test func pluginsAreListedAndAPluginThatCannotLoadIsReported() throws {
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: ":plugins\n:plugin load missing.so\n:plugin\nlet t = Tensor([[1.0, 2.0]])\n:vars\n",
                                        home: home)
        #expect(run.status == 0)
        #expect(run.output.contains("\nplots 1.0.0 (built-in): types: LineChart, BarChart; functions: lineChart("))
        #expect(run.output.contains("\nengine 1.0.0 (built-in): types: Tensor"))
        #expect(run.output.contains("/missing.so: no such file\n"))
        #expect(run.output.contains("error: usage: :plugin load PATH\n"))
        // A tensor's shape shows in the variable inspector.
        #expect(run.output.contains("\nt         Tensor  [1, 2]  "))
    }

    @Test func withoutALessonTheRepLRunsCode() throws {
        let run = try ReslabProcess.run([], input: "let x = 40\nx + 2\n:progress\n", home: home,
                                        environment: ["RESLAB_LESSONS": home.path("nowhere")])
        #expect(run.status == 0)
        #expect(run.output.contains("[2] Int = 42\n"))
    }
}
