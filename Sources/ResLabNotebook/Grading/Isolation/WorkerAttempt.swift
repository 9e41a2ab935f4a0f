import Foundation

/// One worker process grading (the rest of) one submission, watched by the parent.
struct WorkerAttempt {
    let command: WorkerCommand
    let job: WorkerJob
    let environment: [String: String]
    let scratchFolder: String
    /// When the whole submission's time is up, whatever the worker is doing.
    let totalDeadline: Date

    /// How the attempt ended.
    enum Ending {
        /// The worker finished and sent its grade.
        case graded(SubmissionGrade)
        /// The worker could not grade at all (it did not start, or the lesson does not parse).
        case failure(String)
        /// The worker died or hung in a test, whose result this is; a new worker grades the rest.
        case diedInTest(TestResult)
        /// Grading this submission cannot go on: the other tests get `outcome` and `detail`.
        case stopped(current: TestResult?, detail: String, outcome: TestOutcome)
    }

    struct Outcome {
        /// Tests the worker finished before it ended.
        var finished: [TestResult] = []
        var problems: [String] = []
        var ending: Ending
    }

    func run(tests: [TestCase]) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.currentDirectoryURL = URL(fileURLWithPath: scratchFolder)
        process.environment = childEnvironment()
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return Outcome(ending: .failure("cannot start the grading worker \(command.executable): \(error)"))
        }
        let lines = LineReader(output.fileHandleForReading)
        let diagnostics = LineReader(errors.fileHandleForReading)
        if let data = try? JSONEncoder().encode(job) {
            // A worker that dies before reading makes this write fail (EPIPE; SIGPIPE is ignored
            // by `ClassGrading`): its death is reported below.
            try? input.fileHandleForWriting.write(contentsOf: data)
        }
        try? input.fileHandleForWriting.close()

        var outcome = Outcome(ending: .failure("the grading worker ended without a grade"))
        var graded: SubmissionGrade?
        var failure: String?
        var phase = "the lesson's set-up"
        var current: TestCase?
        var stepLimit = job.limits.secondsPerTest
        var stepDeadline = Date() + stepLimit + SubmissionSupervisor.grace(for: stepLimit)
        var killedAt: Date?
        reading: while true {
            switch lines.next(before: min(stepDeadline, totalDeadline)) {
            case .line(let line):
                guard let message = try? JSONDecoder().decode(WorkerMessage.self, from: Data(line.utf8)) else { continue }
                switch message {
                case .event(.running(let what)):
                    phase = what
                    current = nil
                    stepLimit = job.limits.secondsPerTest
                case .event(.testStarted(let id)):
                    current = tests.first { $0.id == id }
                    stepLimit = current?.timeout ?? job.limits.secondsPerTest
                case .event(.testFinished(let result)):
                    outcome.finished.append(result)
                    current = nil
                    phase = "between tests"
                    stepLimit = job.limits.secondsPerTest
                case .event(.problem(let problem)):
                    outcome.problems.append(problem)
                case .grade(let grade):
                    graded = grade
                case .failure(let message):
                    failure = message
                }
                stepDeadline = Date() + stepLimit + SubmissionSupervisor.grace(for: stepLimit)
            case .end:
                break reading
            case .timedOut:
                killedAt = Date()
                kill(process.processIdentifier, SIGKILL)
                break reading
            }
        }
        process.waitUntilExit()
        if let graded {
            outcome.ending = .graded(graded)
        } else if let failure {
            outcome.ending = .failure(failure)
        } else if let killedAt, killedAt >= totalDeadline {
            let detail = "not run: the submission used up its total time of "
                + GradingLimits.format(seconds: job.limits.secondsPerSubmission)
            let stopped = current.map { TestResult.failure($0, .timedOut, detail: "timed out: the submission used up its total time") }
            outcome.ending = .stopped(current: stopped, detail: detail, outcome: .notRun)
        } else if killedAt != nil {
            let detail = "timed out after \(GradingLimits.format(seconds: stepLimit))"
            if let current {
                outcome.ending = .diedInTest(.failure(current, .timedOut, detail: detail + " (stopped by the grader)"))
            } else {
                outcome.ending = .stopped(current: nil, detail: "\(detail) in \(phase) (stopped by the grader)", outcome: .timedOut)
            }
        } else {
            let reason = deathReason(process, diagnostics: diagnostics.remainingText())
            if let current {
                outcome.ending = .diedInTest(.failure(current, .crashed, detail: "the grading process \(reason) during this test"))
            } else {
                outcome.ending = .stopped(current: nil, detail: "the grading process \(reason) while running \(phase)",
                                          outcome: .crashed)
            }
        }
        return outcome
    }

    /// "crashed (signal 6, SIGABRT): out of memory (the limit is 4 GiB)".
    private func deathReason(_ process: Process, diagnostics: String) -> String {
        var reason: String
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            reason = "crashed (signal \(signal)\(Self.signalNames[signal].map { ", \($0)" } ?? ""))"
        } else {
            reason = "exited with status \(process.terminationStatus) without a grade"
        }
        let lowered = diagnostics.lowercased()
        if lowered.contains("allocat") || lowered.contains("out of memory") {
            reason += ": out of memory (the limit is \(ByteCount.format(job.limits.memoryBytes)))"
        }
        return reason
    }

    private static let signalNames: [Int32: String] = [
        SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGBUS: "SIGBUS",
        SIGFPE: "SIGFPE", SIGKILL: "SIGKILL",
    ]

    /// A small, fixed environment: the scratch folder as home and temporary folder, no crash
    /// backtraces (their addresses would make reports differ from run to run), glibc kept to two
    /// malloc arenas (see `GradingWorker.limitAddressSpace`), and what the caller adds.
    private func childEnvironment() -> [String: String] {
        let parent = ProcessInfo.processInfo.environment
        var environment = [
            "PATH": parent["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": scratchFolder,
            "TMPDIR": scratchFolder,
            "SWIFT_BACKTRACE": "enable=no",
            "MALLOC_ARENA_MAX": "2",
        ]
        if let libraries = parent["LD_LIBRARY_PATH"] { environment["LD_LIBRARY_PATH"] = libraries }
        environment.merge(self.environment) { _, new in new }
        return environment
    }
}

/// Byte counts as messages show them.
enum ByteCount {
    /// `4 GiB`, `512 MiB`, `1000 bytes`.
    static func format(_ bytes: Int) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
