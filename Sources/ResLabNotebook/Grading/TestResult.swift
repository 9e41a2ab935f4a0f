/// How one graded test ended.
public enum TestOutcome: String, Codable, Sendable, Equatable {
    case passed
    /// An assertion failed, or the code stopped with an error.
    case failed
    /// The test ran past its time limit.
    case timedOut = "timed-out"
    /// The process grading the submission died during the test (a crash, or memory exhausted).
    case crashed
    /// The test could not run (the submission's total time ran out before it).
    case notRun = "not-run"
}

/// The result of one test on one submission: points, and what the learner reads about it.
///
/// For a hidden test only `message` (the author's sentence) and the failure's kind are filled in:
/// never its code, and never its expected value.
public struct TestResult: Codable, Sendable, Equatable {
    public var id: String
    public var exerciseID: String
    public var isHidden: Bool
    public var outcome: TestOutcome
    /// Points earned: the test's points when it passed, 0 otherwise.
    public var points: Int
    public var maxPoints: Int
    /// The author's `message=`, given when the test did not pass.
    public var message: String?
    /// What went wrong: the assertion's sentence, the error (with positions in the learner's file),
    /// or "timed out after 10 s in identityBlock".
    public var detail: String?
    /// The value the check expected (public tests only).
    public var expected: String?
    /// The value the learner's code produced.
    public var actual: String?

    public init(id: String, exerciseID: String, isHidden: Bool, outcome: TestOutcome, points: Int, maxPoints: Int,
                message: String? = nil, detail: String? = nil, expected: String? = nil, actual: String? = nil) {
        self.id = id
        self.exerciseID = exerciseID
        self.isHidden = isHidden
        self.outcome = outcome
        self.points = points
        self.maxPoints = maxPoints
        self.message = message
        self.detail = detail
        self.expected = expected
        self.actual = actual
    }

    /// A test that did not pass, worth nothing.
    static func failure(_ test: TestCase, _ outcome: TestOutcome, detail: String?,
                        expected: String? = nil, actual: String? = nil) -> TestResult {
        TestResult(id: test.id, exerciseID: test.exerciseID, isHidden: test.isHidden, outcome: outcome, points: 0,
                   maxPoints: test.points, message: test.message, detail: detail,
                   expected: test.isHidden ? nil : expected, actual: actual)
    }

    /// A test that passed, worth its points.
    static func success(_ test: TestCase) -> TestResult {
        TestResult(id: test.id, exerciseID: test.exerciseID, isHidden: test.isHidden, outcome: .passed,
                   points: test.points, maxPoints: test.points)
    }

    public var passed: Bool { outcome == .passed }
}
