/// The limits a submission is graded under.
///
/// Time is enforced twice: by the interpreter's time budget inside the run (which names the
/// function the code was in), and, when grading in a child process, by the parent killing a child
/// that overruns (for a single native call that never returns to the interpreter). Memory is
/// enforced by the child's address-space limit and the engine's `MemoryBudget`.
public struct GradingLimits: Codable, Sendable, Equatable {
    /// Seconds each test may run, unless the test sets its own `timeout=`; also the limit of each
    /// lesson cell and of the learner's code for each exercise.
    public var secondsPerTest: Double
    /// Seconds the whole submission may take (setup, the learner's code, every test); infinity
    /// for no total limit (checking one's own work, validating a lesson).
    public var secondsPerSubmission: Double
    /// Bytes of address space the process grading one submission may use.
    public var memoryBytes: Int

    public init(secondsPerTest: Double = 10, secondsPerSubmission: Double = 120, memoryBytes: Int = 4 << 30) {
        self.secondsPerTest = secondsPerTest
        self.secondsPerSubmission = secondsPerSubmission
        self.memoryBytes = memoryBytes
    }

    /// `10 s`, `2.5 s`: seconds as messages show them.
    static func format(seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
