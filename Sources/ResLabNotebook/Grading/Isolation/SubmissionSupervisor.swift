import Foundation

/// The parent side of isolated grading: grades one submission in worker processes, each with a
/// deadline, and turns a worker that dies or hangs into a failed test instead of a failed run.
///
/// A worker streams an event as each step starts and each test ends. When one dies (a crash, the
/// address-space limit) or overruns (killed by the parent, the backstop behind the interpreter's
/// own time budget), the test it was in fails with a message saying so, and a new worker grades
/// the remaining tests, told the results decided so far. A worker that dies outside a test (in
/// the learner's code or a lesson cell, which every new worker would run again) fails the
/// remaining tests at once.
struct SubmissionSupervisor {
    /// How to start a worker: `reslab grade-worker`.
    let command: WorkerCommand
    let lesson: Lesson
    let lessonText: String
    let hiddenTests: (text: String, file: String)?
    let limits: GradingLimits
    /// Extra environment for workers (e.g. `OPENBLAS_NUM_THREADS=1` when several run at once).
    let environment: [String: String]

    /// Seconds a worker may overrun a limit before the parent kills it: the interpreter stops
    /// runaway lesson code itself, so the parent only has to catch a native call that never returns.
    static func grace(for seconds: Double) -> Double { max(2, seconds / 2) }

    func grade(submissionText: String, name: String, isSwift: Bool, scratchFolder: String) -> SubmissionGrade {
        let tests = lesson.exercises.flatMap(\.tests) + lesson.exercises.flatMap(\.hiddenTests)
        let start = Date()
        var known: [String: TestResult] = [:]
        var problems: [String] = []
        while true {
            let remaining = limits.secondsPerSubmission - Date().timeIntervalSince(start)
            var attemptLimits = limits
            attemptLimits.secondsPerSubmission = max(0, remaining)
            let job = WorkerJob(lessonText: lessonText, lessonFile: lesson.file, hiddenTestsText: hiddenTests?.text,
                                hiddenTestsFile: hiddenTests?.file, submissionText: submissionText,
                                submissionName: name, submissionIsSwift: isSwift, limits: attemptLimits,
                                known: tests.compactMap { known[$0.id] })
            let attempt = WorkerAttempt(command: command, job: job, environment: environment,
                                        scratchFolder: scratchFolder, totalDeadline: start + limits.secondsPerSubmission
                                            + Self.grace(for: limits.secondsPerSubmission))
            let outcome = attempt.run(tests: tests)
            problems = outcome.problems
            for result in outcome.finished { known[result.id] = result }
            switch outcome.ending {
            case .graded(let grade):
                return grade
            case .failure(let message):
                return complete(name: name, tests: tests, known: known, problems: problems + [message],
                                rest: { .failure($0, .notRun, detail: "not run: \(message)") })
            case .diedInTest(let result):
                known[result.id] = result
                continue
            case .stopped(let current, let detail, let outcome):
                if let current { known[current.id] = current }
                return complete(name: name, tests: tests, known: known, problems: problems + [detail],
                                rest: { .failure($0, outcome, detail: detail) })
            }
        }
    }

    /// A grade from the results known, the other tests filled in by `rest`.
    private func complete(name: String, tests: [TestCase], known: [String: TestResult], problems: [String],
                          rest: (TestCase) -> TestResult) -> SubmissionGrade {
        SubmissionGrade(submission: name, tests: tests.map { known[$0.id] ?? rest($0) }, problems: problems,
                        includesHiddenTests: tests.contains { $0.isHidden })
    }
}

/// The program a worker runs as: an executable and its arguments (`reslab grade-worker`).
public struct WorkerCommand: Sendable, Equatable {
    public var executable: String
    public var arguments: [String]

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}
