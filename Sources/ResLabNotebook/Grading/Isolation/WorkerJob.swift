/// What the parent hands a worker process on its standard input: everything needed to grade one
/// submission, as text. The hidden tests travel here and nowhere else: the worker is never told a
/// path to them (nor to the instructor's lesson), so the learner's code has nothing to open.
public struct WorkerJob: Codable, Sendable, Equatable {
    public var lessonText: String
    /// The lesson's name in positions (`03-identity-and-convolutional-blocks.md`).
    public var lessonFile: String
    public var hiddenTestsText: String?
    public var hiddenTestsFile: String?
    public var submissionText: String
    /// The submission's name in reports and positions.
    public var submissionName: String
    public var submissionIsSwift: Bool
    public var limits: GradingLimits
    /// Results an earlier worker decided before it died; not run again.
    public var known: [TestResult]

    public init(lessonText: String, lessonFile: String, hiddenTestsText: String?, hiddenTestsFile: String?,
                submissionText: String, submissionName: String, submissionIsSwift: Bool,
                limits: GradingLimits, known: [TestResult]) {
        self.lessonText = lessonText
        self.lessonFile = lessonFile
        self.hiddenTestsText = hiddenTestsText
        self.hiddenTestsFile = hiddenTestsFile
        self.submissionText = submissionText
        self.submissionName = submissionName
        self.submissionIsSwift = submissionIsSwift
        self.limits = limits
        self.known = known
    }
}

/// One line a worker writes back to its parent (JSON, one object per line).
public enum WorkerMessage: Codable, Sendable, Equatable {
    /// Progress, streamed as it happens.
    case event(GradingEvent)
    /// The finished grade; the last line.
    case grade(SubmissionGrade)
    /// The job could not be graded at all (the lesson text does not parse): the message.
    case failure(String)
}
