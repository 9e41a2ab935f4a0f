import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `reslab grade`, `validate`, `release` and `check` on lesson 3 and the submissions in
/// `Tests/Fixtures/Grading/submissions`, through the real binary and its worker processes.
@Suite(.serialized) struct GradeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let lesson = root.appendingPathComponent("lessons/03-identity-and-convolutional-blocks.md").path
    static func submission(_ name: String) -> String {
        root.appendingPathComponent("Tests/Fixtures/Grading/submissions/\(name)").path
    }
    static let all = ["correct.swift", "crash.swift", "edits-tests.md", "endless-loop.swift", "huge-allocation.swift",
                      "missing-batchnorm.swift", "no-shortcut.swift", "reads-hidden.swift", "wrong-padding.md"]
    /// Limits that keep the endless loop and the crash short (5 s a test, 1 GiB for the
    /// submission's data) yet leave honest submissions room: a correct one grades in 0.3 s alone.
    /// (Tests of a correct submission once timed out here even at 10 s: under the address-space
    /// limit glibc retried a failing arena reservation on every allocation; the worker now runs
    /// with two arenas and its limit counts only what the submission adds.)
    static let limits = ["--test-timeout", "5", "--memory", "1G"]

    private func grade(_ names: [String], _ options: [String], home: TestHome) throws -> ReslabProcess {
        let result = try ReslabProcess.run(["grade", Self.lesson] + names.map(Self.submission) + Self.limits + options, home: home)
        #expect(result.status == 0, "reslab grade failed: \(result.errors)")
        return result
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everySubmissionGetsTheScoreAndMessagesItDeserves() throws {
        let home = try TestHome()
        let output = try grade(Self.all, ["--format", "json", "--jobs", "2"], home: home).output
        let report = try json(output)
        let submissions = try #require(report["submissions"] as? [[String: Any]])
        var points: [String: Int] = [:]
        var details: [String: [String]] = [:]
        for submission in submissions {
            let name = try #require(submission["submission"] as? String)
            let tests = try #require(submission["tests"] as? [[String: Any]])
            points[name] = tests.compactMap { $0["points"] as? Int }.reduce(0, +)
            details[name] = tests.compactMap { $0["detail"] as? String } + (submission["problems"] as? [String] ?? [])
        }
        // Identity block 5 points (3 public, 2 hidden), convolutional block 4 (2 and 2).
        #expect(points == ["correct.swift": 9, "crash.swift": 4, "edits-tests.md": 6, "endless-loop.swift": 4,
                           "huge-allocation.swift": 4, "missing-batchnorm.swift": 7, "no-shortcut.swift": 6,
                           "reads-hidden.swift": 4, "wrong-padding.md": 4])
        #expect(submissions.map { $0["submission"] as? String } == Self.all)  // sorted by name
        #expect(details["crash.swift"]?.count == 5)
        #expect(details["crash.swift"]?.allSatisfy { $0.contains("crashed (signal 6, SIGABRT): out of memory (the limit is 1 GiB)") } == true)
        #expect(details["endless-loop.swift"]?.filter { $0.hasPrefix("timed out after 5 s in identityBlock") }.count == 5)
        #expect(details["huge-allocation.swift"]?.first?.contains("over the memory budget") == true)
        #expect(details["reads-hidden.swift"]?.first?.contains("only files inside this run's folder may be used") == true)
        #expect(details["wrong-padding.md"]?.first?.contains("cannot add shapes (3, 3, 3, 3) and (3, 4, 4, 3)") == true)
        // The submission that edited its tests is graded with the instructor's: its template fails them.
        #expect(details["edits-tests.md"]?.contains { $0.contains("values differ") } == true)
        // Hidden tests: their message, never their code or their expected values.
        for code in ["passThrough", ".zeros", "filters: [2, 2, 3]", "4.13005"] {
            #expect(!output.contains(code), "the report shows hidden test code: \(code)")
        }
        #expect(output.contains("The shortcut must be the block's input, added before the last ReLU"))
    }

    @Test func junitReportHasTheCommonStructure() throws {
        let home = try TestHome()
        let xml = try grade(["correct.swift", "missing-batchnorm.swift", "endless-loop.swift"], ["--format", "junit"], home: home).output
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "27")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["correct.swift", "endless-loop.swift", "missing-batchnorm.swift"])
        for suite in suites {
            #expect(suite.elements(forName: "testcase").count == 9)
            #expect(suite.elements(forName: "testcase").allSatisfy { $0.attribute(forName: "classname")?.stringValue != nil })
        }
        let loop = suites[1].elements(forName: "testcase")
        #expect(loop.filter { !$0.elements(forName: "error").isEmpty }.count == 5)  // the timeouts
        #expect(suites[1].attribute(forName: "errors")?.stringValue == "5")
        let batchNorm = suites[2].elements(forName: "testcase")
        #expect(batchNorm.filter { !$0.elements(forName: "failure").isEmpty }.count == 2)
        #expect(suites[0].elements(forName: "testcase").allSatisfy { $0.children == nil || $0.children?.isEmpty == true })
    }

    @Test func csvGradebookHasOneRowPerSubmissionAndOneColumnPerExercise() throws {
        let home = try TestHome()
        let csv = try grade(["no-shortcut.swift", "correct.swift"], ["--format", "csv"], home: home).output
        #expect(csv == "submission,identity-block,convolutional-block,total\r\ncorrect.swift,5,4,9\r\nno-shortcut.swift,2,4,6\r\n")
    }

    @Test func gradescopeResultsHaveTheirKeys() throws {
        let home = try TestHome()
        let single = try json(grade(["missing-batchnorm.swift"], ["--format", "gradescope"], home: home).output)
        #expect(Set(single.keys) == ["score", "max_score", "output", "tests"])
        #expect(single["score"] as? Int == 7 && single["max_score"] as? Int == 9)
        let tests = try #require(single["tests"] as? [[String: Any]])
        #expect(tests.count == 9)
        #expect(tests.allSatisfy { Set($0.keys) == ["name", "score", "max_score", "output", "visibility"] })
        #expect(tests.filter { $0["visibility"] as? String == "after_published" }.count == 4)
        let out = home.path("gradescope")
        _ = try grade(["correct.swift", "no-shortcut.swift"], ["--format", "gradescope", "--out", out], home: home)
        let correct = try json(String(contentsOfFile: out + "/correct.swift/results.json", encoding: .utf8))
        #expect(correct["score"] as? Int == 9)
        #expect(correct["output"] as? String == "all tests passed")
    }

    @Test func reportsAreTheSameBytesWhateverTheOrder() throws {
        let home = try TestHome()
        let names = ["wrong-padding.md", "correct.swift", "no-shortcut.swift", "missing-batchnorm.swift"]
        for format in ["json", "text", "junit", "csv"] {
            let first = try grade(names, ["--format", format], home: home).output
            let second = try grade(names.reversed(), ["--format", format, "--jobs", "2"], home: home).output
            #expect(first == second, "\(format) differs with the order of the submissions")
        }
    }

    @Test func validateAcceptsLessonThreeAndReleaseStripsItsSolutions() throws {
        let home = try TestHome()
        let validation = try ReslabProcess.run(["validate", Self.lesson], home: home)
        #expect(validation.status == 0)
        #expect(validation.output.contains("identity-block: the reference solution passes 5 of 5 tests (3 public, 2 hidden)"))
        #expect(validation.output.contains("convolutional-block: the starting template fails 4 of 4 tests"))
        let out = home.path("student")
        let release = try ReslabProcess.run(["release", Self.lesson, "--out", out], home: home)
        #expect(release.status == 0)
        let student = try String(contentsOfFile: out + "/03-identity-and-convolutional-blocks.md", encoding: .utf8)
        #expect(!student.contains("BEGIN SOLUTION") && !student.contains("padding: .same, kernelInitializer"))
        #expect(!FileManager.default.fileExists(atPath: out + "/03-identity-and-convolutional-blocks.hidden.md"))
    }

    @Test func checkGivesHintsInOrderAndTheSolutionOnlyAfterPassing() throws {
        let home = try TestHome()
        let out = home.path("student")
        _ = try ReslabProcess.run(["release", Self.lesson, "--out", out], home: home)
        let student = out + "/03-identity-and-convolutional-blocks.md"
        let failing = try ReslabProcess.run(["check", "identity-block", "--lesson", student], home: home)
        #expect(failing.status == 1)
        #expect(failing.output.contains("1 of 3 public tests passed: 1/3 points"))  // the template keeps the shape
        #expect(failing.output.contains("reslab check --hint identity-block gives hint 1 of 3"))
        let first = try ReslabProcess.run(["check", "identity-block", "--hint", "--lesson", student], home: home)
        #expect(first.output.hasPrefix("Hint 1 of 3 for `identity-block`"))
        let second = try ReslabProcess.run(["check", "identity-block", "--hint", "--lesson", student], home: home)
        #expect(second.output.hasPrefix("Hint 2 of 3 for `identity-block`"))
        let refused = try ReslabProcess.run(["check", "identity-block", "--solution", "--lesson", Self.lesson], home: home)
        #expect(refused.status != 0 && refused.errors.contains("shown once your code passes"))
        let passing = try ReslabProcess.run(["check", "identity-block", "--lesson", Self.lesson], home: home)
        #expect(passing.status == 0)
        #expect(passing.output.contains("public tests passed: 3/3 points"))
        #expect(!passing.output.contains("all tests passed"))
        let solution = try ReslabProcess.run(["check", "identity-block", "--solution", "--lesson", Self.lesson], home: home)
        #expect(solution.output.contains("padding: .same"))
    }
}
