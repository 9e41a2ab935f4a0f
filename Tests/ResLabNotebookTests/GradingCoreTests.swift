import Foundation
import ResLab
import Testing

/// The grader in this process, on the plain-numbers statistics lesson (no tensors needed).
@Suite struct GradingCoreTests {
    let lesson: Lesson
    let grader: Grader

    init() throws {
        lesson = try GradingFixtures.statisticsLesson()
        grader = Grader(lesson: lesson, host: try GradingFixtures.assertionHost(),
                        limits: GradingLimits(secondsPerTest: 1, secondsPerSubmission: 30))
    }

    private func result(_ grade: SubmissionGrade, _ id: String) throws -> TestResult {
        try #require(grade.tests.first { $0.id == id })
    }

    @Test func theReferenceSolutionEarnsEveryPoint() throws {
        let instructor = try GradingFixtures.text("statistics/lesson.md")
        let grade = grader.grade(Submission.parse(instructor, file: "reference.md", isSwift: false))
        #expect(grade.tests.map(\.id) == ["mean.samples", "mean.single", "clip.inside", "mean.negative", "clip.outside"])
        #expect(grade.tests.allSatisfy { $0.passed })
        #expect(grade.points == 5 && grade.maxPoints == 5)
        #expect(grade.score(of: "mean") == ExerciseScore(points: 3, outOf: 3))
        #expect(grade.problems.isEmpty)
        #expect(grade.passSummary == "all tests passed")
    }

    @Test func onlyPublicTestsSayPublicTestsPassed() throws {
        let instructor = try GradingFixtures.text("statistics/lesson.md")
        let grade = grader.grade(Submission.parse(instructor, file: "reference.md", isSwift: false), includeHidden: false)
        #expect(grade.tests.count == 3)
        #expect(grade.passSummary == "public tests passed")
    }

    @Test func aWrongAnswerFailsWithExpectedAndActualValues() throws {
        // Divides by one too many: [1, 2, 6] gives 9 / 4 = 2.25.
        let submission = try GradingFixtures.statisticsSubmission(meanBody: """
            var total = 0.0
            for x in xs { total += x }
            return total / Double(xs.count + 1)
        """)
        let grade = grader.grade(submission)
        let samples = try result(grade, "mean.samples")
        #expect(samples.outcome == .failed && samples.points == 0 && samples.maxPoints == 1)
        #expect(samples.message == "The mean of [1, 2, 6] is 3")
        #expect(samples.detail == "the values differ (tolerance 1e-09)")
        #expect(samples.expected == "3.0")
        #expect(samples.actual == "2.25")
        #expect(grade.points == 2)  // clip's two tests still pass
        #expect(grade.passSummary == nil)
    }

    @Test func aFailingHiddenTestShowsItsMessageButNeitherCodeNorExpectedValue() throws {
        // Right for the public tests' non-negative inputs, wrong for negative ones.
        let submission = try GradingFixtures.statisticsSubmission(meanBody: """
            var total = 0.0
            for x in xs { total += abs(x) }
            return total / Double(xs.count)
        """)
        let grade = grader.grade(submission)
        let hidden = try result(grade, "mean.negative")
        #expect(hidden.isHidden && hidden.outcome == .failed)
        #expect(hidden.message == "Negative numbers count too")
        #expect(hidden.expected == nil)
        #expect(hidden.actual == "4.0")
        let everything = try String(decoding: JSONEncoder().encode(grade), as: UTF8.self)
        #expect(!everything.contains("secretInput"))
        #expect(!everything.contains("2.0"))
    }

    @Test func anErrorInsideAHiddenTestNamesNoHiddenPosition() throws {
        let submission = try GradingFixtures.statisticsSubmission(meanBody: """
            return xs[5]
        """)
        let hidden = try result(grader.grade(submission), "mean.negative")
        let detail = try #require(hidden.detail)
        #expect(detail.contains("learner.md:"))          // the error is in the learner's code, shown
        #expect(detail.contains("return xs[5]"))
        #expect(detail.contains("at a hidden test"))     // the call from the hidden test, not shown
        #expect(!detail.contains("secretInput") && !detail.contains("hidden.md"))
    }

    @Test func anEndlessLoopTimesOutInTheFunctionAndTheNextTestsRun() throws {
        let submission = try GradingFixtures.statisticsSubmission(meanBody: """
            var total = 0.0
            while true { total += 1 }
            return total
        """)
        let grade = grader.grade(submission)
        let samples = try result(grade, "mean.samples")
        #expect(samples.outcome == .timedOut)
        #expect(samples.detail?.hasPrefix("timed out after 1 s in mean (learner.md:") == true)
        try #expect(result(grade, "clip.inside").passed)
        try #expect(result(grade, "clip.outside").passed)
    }

    @Test func codeThatRedefinesAnAssertionHelperDoesNotRun() throws {
        let submission = try GradingFixtures.statisticsSubmission(meanBody: """
            return 0.0
        }
        func expectEqual(_ a: Double, _ b: Double, tolerance: Double = 0) {
        """)
        let grade = grader.grade(submission)
        #expect(grade.problems.count == 1)
        #expect(grade.problems.first?.contains("`expectEqual` (an assertion helper the tests use)") == true)
        #expect(grade.score(of: "mean").points == 0)
    }

    @Test func codeThatChangesTheLessonsValuesDoesNotRun() throws {
        let submission = try GradingFixtures.statisticsSubmission(meanBody: """
            return 3.0
        }
        let samples = [3.0]
        func unused() -> Double {
            return 0.0
        """)
        let grade = grader.grade(submission)
        #expect(grade.problems.first?.contains("`samples` (defined by the lesson's cell 1 (line 10))") == true)
    }

    @Test func editedAndDeletedTestCellsAreGradedWithTheInstructorsTests() throws {
        // The learner wrote a wrong mean, then weakened one test and deleted another.
        var text = try GradingFixtures.statisticsSubmission(meanBody: "    return 0.0").code
        guard case .exerciseCells = text else { Issue.record("expected exercise cells"); return }
        let lessonText = try GradingFixtures.text("statistics/lesson.md")
            .replacingOccurrences(of: "expectEqual(mean(samples), 3.0, tolerance: 1e-9)", with: "expectTrue(true)")
            .replacingOccurrences(of: "expectEqual(mean([4.5]), 4.5)", with: "")
            .replacingOccurrences(of: "    var total = 0.0\n    for x in xs { total += x }\n    return total / Double(xs.count)\n",
                                  with: "    return 0.0\n")
        text = Submission.parse(lessonText, file: "cheat.md", isSwift: false).code
        let grade = grader.grade(Submission(name: "cheat.md", code: text))
        try #expect(result(grade, "mean.samples").outcome == .failed)
        try #expect(result(grade, "mean.single").outcome == .failed)
        #expect(grade.score(of: "mean").points == 0)
    }

    @Test func aMissingExerciseCellIsAProblemAndItsTestsFail() throws {
        let lessonText = try GradingFixtures.text("statistics/lesson.md")
            .replacingOccurrences(of: "```swift exercise id=clip", with: "```swift")
        let grade = grader.grade(Submission.parse(lessonText, file: "partial.md", isSwift: false))
        #expect(grade.problems.contains("the submission has no exercise cell `clip`: its tests cannot pass"))
        try #expect(result(grade, "clip.inside").detail?.contains("cannot find 'clip' in scope") == true)
        #expect(grade.score(of: "mean").points == 3)
    }

    @Test func aSwiftFileOfFunctionsIsGradedLikeTheCells() throws {
        let code = """
        import ResLab

        func mean(_ xs: [Double]) -> Double {
            return xs.reduce(0.0, +) / Double(xs.count)
        }

        func clip(_ x: Double, low: Double, high: Double) -> Double {
            return x < low ? low : (x > high ? high : x)
        }
        """
        let grade = grader.grade(Submission.parse(code, file: "functions.swift", isSwift: true))
        #expect(grade.problems == [])
        #expect(grade.points == 5)
    }

    @Test func aSwiftFileThatDoesNotParseIsReportedAtItsOwnPositions() throws {
        let grade = grader.grade(Submission.parse("func mean(_ xs: [Double]) -> Double {\n    return xs[0] +\n}\n",
                                                  file: "broken.swift", isSwift: true))
        #expect(grade.problems.first?.hasPrefix("your code does not parse:\nbroken.swift:2:19: error: expected expression after operator") == true)
        #expect(grade.points == 0)
    }

    @Test func eachTestRunsInAScopeOfItsOwn() throws {
        // Both hidden tests could define `secretInput`; a test's names never reach the next test.
        let instructor = try GradingFixtures.text("statistics/lesson.md")
        let grade = grader.grade(Submission.parse(instructor, file: "reference.md", isSwift: false))
        #expect(grade.allPassed)
    }
}
