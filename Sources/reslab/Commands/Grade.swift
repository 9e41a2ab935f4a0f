import ArgumentParser
import Foundation
import ResLab

/// `reslab grade LESSON SUBMISSION…`: grades a class's submissions, each in worker processes of its
/// own with limits on time and memory, into one report.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade submissions of a lesson's exercises, each isolated, into a report.",
        discussion: """
            A submission is the lesson file with its exercise cells filled in, or a .swift file with \
            the exercise's functions. Only the exercise code is taken from a submission: the tests \
            are the instructor's. Each submission is graded in a process of its own, with a time \
            limit per test, a total time limit and a memory limit; a submission that loops, crashes \
            or exhausts memory fails that test with a message, and grading goes on. Reports are \
            sorted by submission name and hold no times, so the same submissions give the same bytes.
            """)

    @ArgumentParser.Argument(help: "The lesson (the instructor's copy).")
    var lesson: String

    @ArgumentParser.Argument(help: "The submissions: lesson files (.md) or Swift files (.swift).")
    var submissions: [String]

    @Option(help: "The hidden tests file (default: LESSON.hidden.md beside the lesson, if present).")
    var hidden: String?

    @Option(help: "text, json, junit, csv or gradescope (one results.json per submission).")
    var format: ReportFormat = .text

    @Option(help: "Where to write the report (a folder for gradescope with several submissions); standard output when absent.")
    var out: String?

    @Option(help: "Submissions graded at once.")
    var jobs: Int = 1

    @Option(help: "Seconds each test may run, unless the test sets its own timeout=.")
    var testTimeout: Double = GradingLimits().secondsPerTest

    @Option(help: "Seconds a whole submission may take.")
    var submissionTimeout: Double = GradingLimits().secondsPerSubmission

    @Option(help: "Memory a submission may use on top of what its grading process needs to run (an address-space limit): bytes, or with K, M or G.")
    var memory: String = "4G"

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit, csv, gradescope
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard testTimeout > 0, submissionTimeout > 0 else { throw ValidationError("--test-timeout and --submission-timeout must be positive") }
        guard let bytes = MemoryBudget.parse(memory), bytes >= 256 << 20 else {
            throw ValidationError("--memory takes a size of at least 256M, such as 2G or 512M; got \(memory)")
        }
        _ = bytes
    }

    func run() throws {
        let limits = GradingLimits(secondsPerTest: testTimeout, secondsPerSubmission: submissionTimeout,
                                   memoryBytes: MemoryBudget.parse(memory) ?? GradingLimits().memoryBytes)
        let grading = ClassGrading(command: WorkerCommand(executable: try Self.executablePath(), arguments: ["grade-worker"]),
                                   limits: limits, jobs: jobs)
        let report: GradeReport
        do {
            report = try grading.grade(lessonPath: lesson, hiddenTestsPath: hidden, submissions: submissions)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        try write(report)
    }

    private func write(_ report: GradeReport) throws {
        switch format {
        case .text: try emit(Data(report.text.utf8))
        case .json: try emit(report.json())
        case .junit: try emit(Data(report.junit.utf8))
        case .csv: try emit(Data(report.csv.utf8))
        case .gradescope:
            if report.submissions.count == 1, let grade = report.submissions.first {
                try emit(GradeReport.gradescope(grade))
                return
            }
            guard let out else {
                throw ValidationError("--format gradescope with several submissions writes one results.json each: give --out FOLDER")
            }
            for grade in report.submissions {
                try AtomicFile.write(GradeReport.gradescope(grade), toPath: "\(out)/\(grade.submission)/results.json")
            }
        }
    }

    private func emit(_ data: Data) throws {
        if let out {
            try AtomicFile.write(data, toPath: out)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// This executable, which the workers run as `reslab grade-worker`.
    static func executablePath() throws -> String {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ValidationError("cannot find the reslab executable to start grading workers")
        }
        return path
    }
}

/// `reslab grade-worker`: grades the one submission described on standard input (see
/// `GradingWorker`). Started by `reslab grade`; not for people.
struct GradeWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade-worker", shouldDisplay: false)

    func run() throws {
        let scratch = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let status = GradingWorker.run {
            try makeStandardHost(fileAccess: .confined(to: scratch))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
