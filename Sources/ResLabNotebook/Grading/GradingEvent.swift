/// What a grader is doing, reported as it happens: a worker process streams these to its parent,
/// so that when the process dies the parent knows which test or which code it died in.
public enum GradingEvent: Codable, Sendable, Equatable {
    /// Code other than a test started: `your code for identity-block`, `lesson cell 3`.
    case running(String)
    /// A test started (its id).
    case testStarted(String)
    case testFinished(TestResult)
    /// A problem with the submission as a whole (its text is what `SubmissionGrade.problems` gets).
    case problem(String)
}
