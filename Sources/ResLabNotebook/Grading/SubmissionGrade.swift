/// Everything grading found out about one submission: each test's result, and problems that are
/// not one test's (the learner's code did not run, a lesson cell failed after it).
public struct SubmissionGrade: Codable, Sendable, Equatable {
    /// The submission's name in reports (its file name).
    public var submission: String
    /// Results in the lesson's order: public tests, then hidden ones, each in file order.
    public var tests: [TestResult]
    /// Problems with the submission as a whole, in the order they happened, positions in its file.
    public var problems: [String]
    /// Whether the hidden tests were run (a report says "public tests passed" otherwise).
    public var includesHiddenTests: Bool

    public init(submission: String, tests: [TestResult], problems: [String], includesHiddenTests: Bool) {
        self.submission = submission
        self.tests = tests
        self.problems = problems
        self.includesHiddenTests = includesHiddenTests
    }

    public var points: Int { tests.reduce(0) { $0 + $1.points } }
    public var maxPoints: Int { tests.reduce(0) { $0 + $1.maxPoints } }

    /// Points earned and available on one exercise's tests.
    public func score(of exerciseID: String) -> ExerciseScore {
        let mine = tests.filter { $0.exerciseID == exerciseID }
        return ExerciseScore(points: mine.reduce(0) { $0 + $1.points }, outOf: mine.reduce(0) { $0 + $1.maxPoints })
    }

    /// Whether every test that ran passed.
    public var allPassed: Bool { tests.allSatisfy(\.passed) }

    /// "all tests passed" when the hidden tests ran too, "public tests passed" when only the public
    /// ones did (never claiming more than what ran), nil when a test failed.
    public var passSummary: String? {
        guard allPassed else { return nil }
        return includesHiddenTests ? "all tests passed" : "public tests passed"
    }
}
