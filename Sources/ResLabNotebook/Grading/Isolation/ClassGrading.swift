import Foundation

/// Grades many submissions of one lesson, each in worker processes of its own (see
/// `SubmissionSupervisor`), several at a time.
///
/// Isolation between submissions: each gets its own process and its own empty scratch folder as
/// working, home and temporary folder (removed afterwards); a worker learns nothing but its job
/// (the lesson and hidden tests as text on its standard input, never their paths) and answers on
/// a pipe only the parent reads. So a submission cannot read the hidden tests by path, and cannot
/// see or change another submission's files or results.
public struct ClassGrading {
    public var command: WorkerCommand
    public var limits: GradingLimits
    /// Workers running at once.
    public var jobs: Int

    public init(command: WorkerCommand, limits: GradingLimits = GradingLimits(), jobs: Int = 1) {
        self.command = command
        self.limits = limits
        self.jobs = max(1, jobs)
    }

    /// Why a class could not be graded at all.
    public enum GradingError: Error, Equatable, CustomStringConvertible {
        case noSubmissions
        case unreadableSubmission(path: String, reason: String)
        case scratchFolder(String)

        public var description: String {
            switch self {
            case .noSubmissions:
                return "error: no submissions to grade\n    fix: name the submission files after the lesson"
            case let .unreadableSubmission(path, reason):
                return "\(path): error: cannot read the submission: \(reason)"
            case let .scratchFolder(reason):
                return "error: cannot make the scratch folders for grading: \(reason)"
            }
        }
    }

    /// Grades the submission files against the lesson at `lessonPath`.
    ///
    /// - Parameters:
    ///   - hiddenTestsPath: the hidden tests file; when nil, `NAME.hidden.md` beside the lesson if there is one.
    ///   - submissions: paths of `.md` (the lesson, filled in) or `.swift` files.
    /// - Throws: `LessonError` for a lesson or hidden tests file that cannot be loaded, `GradingError`.
    public func grade(lessonPath: String, hiddenTestsPath: String?, submissions: [String]) throws -> GradeReport {
        guard !submissions.isEmpty else { throw GradingError.noSubmissions }
        let lessonText = try Lesson.readText(lessonPath)
        let lessonName = URL(fileURLWithPath: lessonPath).lastPathComponent
        let hiddenPath = hiddenTestsPath ?? {
            let beside = Lesson.hiddenTestsPath(forLessonAt: lessonPath)
            return FileManager.default.fileExists(atPath: beside) ? beside : nil
        }()
        let hidden = try hiddenPath.map { (text: try Lesson.readText($0), file: URL(fileURLWithPath: $0).lastPathComponent) }
        let lesson = try Lesson.parse(lessonText, file: lessonName, hiddenTests: hidden)

        let names = Self.names(for: submissions)
        let texts = try submissions.map { path -> String in
            do {
                return try Lesson.readText(path)
            } catch let error as LessonError {
                if case let .unreadable(_, reason) = error { throw GradingError.unreadableSubmission(path: path, reason: reason) }
                throw error
            }
        }
        let scratch = NSTemporaryDirectory() + "reslab-grade-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        } catch {
            throw GradingError.scratchFolder("\(error)")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // A worker that dies before reading its job must not take the parent with it.
        signal(SIGPIPE, SIG_IGN)

        var environment: [String: String] = [:]
        if jobs > 1 { environment["OPENBLAS_NUM_THREADS"] = "1" }
        let supervisor = SubmissionSupervisor(command: command, lesson: lesson, lessonText: lessonText,
                                              hiddenTests: hidden, limits: limits, environment: environment)
        let grades = GradeSlots(count: submissions.count)
        let next = NextIndex()
        // Threads of our own rather than Dispatch's pool: they spend their time waiting for
        // children, and `jobs` of them must wait at once whatever the core count.
        let finished = DispatchGroup()
        for _ in 0..<min(jobs, submissions.count) {
            finished.enter()
            Thread {
                defer { finished.leave() }
                while let index = next.take(below: submissions.count) {
                    let folder = scratch + "/\(index)"
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    let grade = supervisor.grade(submissionText: texts[index], name: names[index],
                                                 isSwift: submissions[index].hasSuffix(".swift"), scratchFolder: folder)
                    try? FileManager.default.removeItem(atPath: folder)
                    grades.set(index, grade)
                }
            }.start()
        }
        finished.wait()
        return GradeReport(lesson: lesson, includesHiddenTests: hidden != nil, grades: grades.all)
    }

    /// Names for reports: the file names when they are all different, the paths as given otherwise.
    static func names(for paths: [String]) -> [String] {
        let fileNames = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        return Set(fileNames).count == fileNames.count ? fileNames : paths
    }
}

/// The next submission index for a grading thread to take.
private final class NextIndex: @unchecked Sendable {
    // Unchecked Sendable: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        defer { value += 1 }
        return value
    }
}

/// The grades, one slot per submission, filled by several threads.
private final class GradeSlots: @unchecked Sendable {
    // Unchecked Sendable: `slots` is only touched under `lock`.
    private let lock = NSLock()
    private var slots: [SubmissionGrade?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ grade: SubmissionGrade) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = grade
    }

    var all: [SubmissionGrade] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
