import Testing
@testable import ResLabNotebook
import ResLabPlugin

/// Malformed lessons: each gives a diagnostic naming file:line:column and what to do.
@Suite struct LessonDiagnosticsTests {
    /// The diagnostics of parsing `text` as `l.md` (and `hidden` as `l.hidden.md`), as
    /// `line:column message` strings.
    func problems(_ text: String, hidden: String? = nil) -> [String] {
        do {
            _ = try Lesson.parse(text, file: "l.md", hiddenTests: hidden.map { ($0, "l.hidden.md") })
            return []
        } catch let error as LessonError {
            return error.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    func lesson(_ body: String) -> String { LessonFixtures.lesson(body) }

    @Test func unknownRole() throws {
        // Any word may name a plugin's role, so the parser takes it; the check against the loaded
        // plugins' roles reports it.
        let text = lesson("```swift exercize id=a\n```\n")
        #expect(problems(text) == [])
        let parsed = try Lesson.parse(text, file: "l.md")
        do {
            try parsed.checkCellRoles(against: PluginHost())
            Issue.record("the role should be unknown")
        } catch let error as LessonError {
            #expect(error.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" } == [
                "l.md:6:10 unknown cell role `exercize`: no loaded plugin registers it",
            ])
            #expect(error.diagnostics.first?.fix.hasPrefix("perhaps `exercise` was meant;") == true)
        }
    }

    @Test func testForUnknownExercise() {
        let text = lesson("```swift exercise id=a\n```\n\n```swift test exercise=b points=1 message=\"m\"\n```\n")
        #expect(problems(text) == ["l.md:9:15 this test names exercise `b`, which no exercise cell defines"])
    }

    @Test func unterminatedSolution() {
        let text = lesson("```swift exercise id=a\nfunc f() {\n    // BEGIN SOLUTION\n    return\n}\n```\n")
        #expect(problems(text) == ["l.md:8:1 the solution region opened here has no `// END SOLUTION`"])
    }

    @Test func markerThatIsNotAMarker() {
        let text = lesson("```swift exercise id=a\n/* BEGIN SOLUTION */\nlet secret = 42\n```\n")
        #expect(problems(text) == [
            "l.md:7:1 `/* BEGIN SOLUTION */` looks like a `// BEGIN SOLUTION` marker but is not one",
        ])
    }

    @Test func markersOutsideExercises() {
        let text = lesson("```swift\n  // BEGIN SOLUTION\nlet a = 1\n// END SOLUTION\n```\n")
        #expect(problems(text) == [
            "l.md:7:3 `// BEGIN SOLUTION` in a code cell",
            "l.md:9:1 `// END SOLUTION` in a code cell",
        ])
    }

    @Test func templateMustFollowASolutionAndBeCommented() {
        let text = lesson("""
        ```swift exercise id=a
        // BEGIN SOLUTION
        let a = 1
        // END SOLUTION
        // BEGIN TEMPLATE
        let a = 0
        // END TEMPLATE
        // BEGIN TEMPLATE
        // END TEMPLATE
        ```

        """)
        #expect(problems(text) == [
            "l.md:11:1 template lines must be commented out in the instructor's copy",
            "l.md:13:1 `// BEGIN TEMPLATE` without a matching opening marker",
            "l.md:14:1 `// END TEMPLATE` without a matching opening marker",
        ])
    }

    @Test func duplicateIDs() {
        let text = lesson("""
        ```swift id=setup
        ```

        ```swift exercise id=setup
        ```

        ```swift test exercise=setup id=t points=1 message="m"
        ```

        ```swift test exercise=setup id=t points=1 message="m"
        ```

        """)
        #expect(problems(text) == [
            "l.md:9:19 the id `setup` is already used on line 6",
            "l.md:15:1 the id `t` is already used on line 12",
        ])
    }

    @Test func badFrontMatter() {
        #expect(problems("# No front matter\n") == ["l.md:1:1 the lesson has no front matter"])
        #expect(problems("---\nid: a\ntitle: T\n") == ["l.md:1:1 the front matter opened on line 1 is never closed"])
        #expect(problems("---\nid: a b\ntitle: T\norder: first\ntitel: x\n---\n") == [
            "l.md:2:1 the lesson id is not a valid id",
            "l.md:4:1 `order` must be a whole number",
            "l.md:5:1 unknown front matter key `titel`",
        ])
        #expect(problems("---\nid: a\n---\n") == [
            "l.md:1:1 the front matter has no `title`",
            "l.md:1:1 the front matter has no `order`",
        ])
        let yaml = problems("---\nid: a\ntitle: [unclosed\norder: 1\n---\n")
        #expect(yaml == ["l.md:4:6 the front matter is not valid YAML: while parsing a flow sequence did not find expected ',' or ']'"])
    }

    @Test func testCellSettings() {
        let text = lesson("""
        ```swift exercise id=a points=x
        ```

        ```swift test exercise=a message="m" colour=red timeout=-1
        ```

        ```swift test exercise=a points=1 message="unclosed
        ```

        ```swift test exercise=a points=1 points=2 message=""
        ```

        """)
        #expect(problems(text) == [
            "l.md:6:24 `points=x` is not a whole number of points",
            "l.md:9:10 a test cell needs `points=`",
            "l.md:9:38 unknown setting `colour` for this cell",
            "l.md:9:49 `timeout=-1` is not a number of seconds",
            "l.md:12:43 the quoted value of `message` is never closed",
            "l.md:15:35 `points` is given twice",
            "l.md:15:44 the test's message is empty",
        ])
    }

    @Test func unclosedFence() {
        #expect(problems(lesson("```swift\nlet a = 1\n")) == ["l.md:6:1 the code fence opened here is never closed"])
    }

    @Test func hiddenTestsFileProblems() {
        let hidden = """
        ---
        lesson: other
        ---
        ```swift
        let helper = 1
        ```

        ```swift test exercise=nope points=1 message="m"
        ```

        """
        #expect(problems(lesson("```swift exercise id=a points=2\n```\n"), hidden: hidden) == [
            "l.md:6:1 exercise `a` has no tests",
            "l.hidden.md:2:1 these hidden tests are for lesson `other`, not `t`",
            "l.hidden.md:4:1 the hidden tests file holds only test cells",
            "l.hidden.md:8:15 this hidden test names exercise `nope`, which no exercise cell defines",
        ])
    }

    @Test func hiddenKeywordInTheLesson() {
        #expect(problems(lesson("```swift exercise id=a\n```\n\n```swift test hidden exercise=a points=1 message=m\n```\n")) == [
            "l.md:9:15 hidden tests do not go in the lesson itself",
        ])
    }

    @Test func pointsMustAddUp() {
        let body = "```swift exercise id=a points=3\n```\n\n```swift test exercise=a points=2 message=m\n```\n"
        #expect(problems(lesson(body)).isEmpty)
        #expect(problems(lesson(body), hidden: "```swift test exercise=a points=2 message=m\n```\n") == [
            "l.md:6:1 exercise `a` declares points=3 but its tests give 4 (2 public, 2 hidden)",
        ])
        let tooMany = "```swift exercise id=a points=1\n```\n\n```swift test exercise=a points=2 message=m\n```\n"
        #expect(problems(lesson(tooMany)) == [
            "l.md:6:1 exercise `a` declares points=1 but its public tests already give 2",
        ])
    }

    @Test func nestedCellIsReported() {
        #expect(problems(lesson("- item\n\n  ```swift exercise id=a\n  ```\n")) == [
            "l.md:8:3 this `swift` block is inside a list or a quote, so it is not a cell",
        ])
    }

    @Test func descriptionShowsLineCaretAndFix() {
        let diagnostic = LessonDiagnostic(
            location: SourceLocation(file: "l.md", line: 6, column: 10), message: "unknown cell role or flag `exercize`",
            fix: "use a role", sourceLine: "```swift exercize id=a")
        #expect(diagnostic.description == """
        l.md:6:10: error: unknown cell role or flag `exercize`
            ```swift exercize id=a
                     ^
            fix: use a role
        """)
    }
}
