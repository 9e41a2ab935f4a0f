import Foundation
import ResLabBuiltins
import ResLabFrontend
import ResLabNN
import ResLabPlugin
import ResLabScript
import Synchronization

/// Grades a learner's code against a lesson's tests, in this process.
///
/// One grading run is one fresh interpreter session: the lesson's code cells and the learner's
/// exercise code run in the lesson's order (optional cells skipped; the learner's code in place
/// of each exercise cell), then every test, public ones first, then hidden ones, each in file
/// order and each in a scope of its own so that one test's names do not leak into the next.
/// Every step runs under the time limit; a test that fails scores nothing and says why, and the
/// next test still runs.
///
/// The learner's code may not redefine or change a name the lesson's cells define or an
/// assertion helper (`func expectEqual(…) {}` would make every test pass): such code does not
/// run, and the submission's problems say why.
///
/// This class isolates nothing beyond the interpreter's limits: a crash in a native takes the
/// process with it. `reslab grade` runs it in a child process per submission (`GradingWorker`).
public final class Grader {
    public let lesson: Lesson
    public var limits: GradingLimits
    let registry: NativeRegistry
    /// Names the learner's code may not define or change, with where they come from.
    let protectedNames: [String: String]
    /// The run in progress, for `cancel()` from another thread.
    private let active = ActiveRun()

    /// - Parameters:
    ///   - lesson: the instructor's copy (with hidden tests loaded when they are to run).
    ///   - host: the plugins the lesson's code runs against (the engine bindings, the assertion helpers).
    public init(lesson: Lesson, host: PluginHost, limits: GradingLimits = GradingLimits()) {
        self.lesson = lesson
        self.limits = limits
        registry = host.registry
        var protected: [String: String] = [:]
        for plugin in host.plugins {
            for selector in plugin.contributions.assertions {
                protected[String(selector.prefix { $0 != "(" })] = "an assertion helper the tests use"
            }
        }
        let analyzer = ScriptSession(registry: host.registry)
        for cell in lesson.cells where cell.role == .code {
            for name in analyzer.analyze(cell.source.text).analysis.defines where protected[name] == nil {
                protected[name] = "defined by the lesson's cell \(cell.number) (line \(cell.fenceLocation.line))"
            }
        }
        protectedNames = protected
    }

    /// Grades `submission`.
    ///
    /// - Parameters:
    ///   - includeHidden: whether the hidden tests run (they exist only when the lesson was loaded
    ///     with them).
    ///   - exercises: only these exercises' tests run (all when nil).
    ///   - known: results decided before (by an earlier attempt that crashed), used instead of
    ///     running those tests again.
    ///   - events: told of each step as it starts and each test as it ends.
    public func grade(_ submission: Submission, includeHidden: Bool = true, exercises: Set<String>? = nil,
                      known: [String: TestResult] = [:], events: @escaping (GradingEvent) -> Void = { _ in }) -> SubmissionGrade {
        let run = GradingRun(grader: self, submission: submission, events: events)
        active.set(run)
        defer { active.set(nil) }
        run.runLessonCode()
        let tests = lesson.exercises.flatMap(\.tests) + (includeHidden ? lesson.exercises.flatMap(\.hiddenTests) : [])
        var results: [TestResult] = []
        for test in tests where exercises?.contains(test.exerciseID) ?? true {
            if let result = known[test.id] {
                results.append(result)
                continue
            }
            if run.isCancelled {
                results.append(.failure(test, .notRun, detail: "not run: grading was interrupted"))
                continue
            }
            events(.testStarted(test.id))
            let result = run.runTest(test)
            events(.testFinished(result))
            results.append(result)
        }
        let ranHidden = includeHidden && lesson.exercises.contains { !$0.hiddenTests.isEmpty }
        return SubmissionGrade(submission: submission.name, tests: results, problems: run.problems,
                               includesHiddenTests: ranHidden)
    }
}

extension Grader {
    /// Stops the grading in progress (Ctrl-C at the REPL): the running code stops with
    /// "interrupted" and the tests after it are not run. Safe to call from any thread.
    public func cancel() { active.cancel() }
}

/// The grading run of a `Grader` that `cancel()` reaches.
private final class ActiveRun: @unchecked Sendable {
    // Unchecked Sendable: `run` is only touched under `lock`.
    private let lock = NSLock()
    private var run: GradingRun?

    func set(_ run: GradingRun?) { lock.withLock { self.run = run } }

    func cancel() {
        lock.withLock {
            run?.isCancelled = true
            run?.session.cancellation.cancel()
        }
    }
}

/// One submission's grading: its session, its snippets and its problems so far.
private final class GradingRun {
    let grader: Grader
    let submission: Submission
    let events: (GradingEvent) -> Void
    let session: ScriptSession
    let table = SnippetTable()
    /// When the submission's total time is up; nil for no total limit.
    let deadline: ContinuousClock.Instant?
    private(set) var problems: [String] = []
    /// Set by `Grader.cancel()`, from another thread; read between tests.
    private let cancelled = Atomic<Bool>(false)
    var isCancelled: Bool {
        get { cancelled.load(ordering: .relaxed) }
        set { cancelled.store(newValue, ordering: .relaxed) }
    }

    init(grader: Grader, submission: Submission, events: @escaping (GradingEvent) -> Void) {
        self.grader = grader
        self.submission = submission
        self.events = events
        session = ScriptSession(registry: grader.registry)
        let total = grader.limits.secondsPerSubmission
        deadline = total.isFinite ? ContinuousClock.now + .milliseconds(Int(min(total, 1e9) * 1000)) : nil
    }

    private func report(_ problem: String) {
        problems.append(problem)
        events(.problem(problem))
    }

    // MARK: - The lesson's code and the learner's

    /// Runs the lesson's code cells and the learner's code in the lesson's order.
    func runLessonCode() {
        var ranSwiftFile = false
        for cell in grader.lesson.cells {
            switch cell.role {
            case .test:
                continue
            case .plugin:
                // A plugin cell shows something of the session (a histogram); the lesson format
                // asks that it define nothing later code uses, and grading hosts need not load
                // the lesson's plugins, so grading leaves such cells out.
                continue
            case .code:
                guard !cell.isOptional else { continue }
                events(.running("lesson cell \(cell.number)"))
                if let failure = execute(cell.source, origin: .lesson) {
                    report("lesson cell \(cell.number) (line \(cell.fenceLocation.line)) stopped with an error "
                           + "after the submission's code ran:\n" + failure)
                }
            case .exercise:
                guard let id = cell.exerciseID else { continue }
                switch submission.code {
                case .exerciseCells(let cells):
                    guard let source = cells[id] else {
                        report("the submission has no exercise cell `\(id)`: its tests cannot pass")
                        continue
                    }
                    runLearnerCode(source, describedAs: "your code for `\(id)`")
                case .swiftFile(let source):
                    guard !ranSwiftFile else { continue }
                    ranSwiftFile = true
                    runLearnerCode(source, describedAs: "your code")
                }
            }
        }
    }

    private func runLearnerCode(_ source: CellSource, describedAs what: String) {
        events(.running(what))
        let snippet = table.add(source, origin: .learner)
        let parsed = ScriptFrontend.parse(source.text, file: snippet.key)
        guard let program = parsed.program else {
            report("\(what) does not parse:\n" + parsed.errors.map { ErrorText.render($0, in: table) }.joined(separator: "\n"))
            return
        }
        let analysis = session.check(program).analysis
        let clashes = analysis.defines.union(analysis.mutates).filter { grader.protectedNames[$0] != nil }.sorted()
        guard clashes.isEmpty else {
            let listed = clashes.map { "`\($0)` (\(grader.protectedNames[$0] ?? ""))" }.joined(separator: ", ")
            report("\(what) did not run: it defines or changes \(listed); give your names other names")
            return
        }
        if let failure = execute(program, origin: .learner, limit: grader.limits.secondsPerTest) {
            report("\(what) stopped with an error:\n" + failure)
        }
    }

    /// Runs lesson code; returns the error as the learner may read it, or nil when it ran.
    private func execute(_ source: CellSource, origin: GradedSnippet.Origin) -> String? {
        let snippet = table.add(source, origin: origin)
        let parsed = ScriptFrontend.parse(source.text, file: snippet.key)
        guard let program = parsed.program else {
            return parsed.errors.map { ErrorText.render($0, in: table) }.joined(separator: "\n")
        }
        return execute(program, origin: origin, limit: grader.limits.secondsPerTest)
    }

    private func execute(_ program: Program, origin: GradedSnippet.Origin, limit: Double) -> String? {
        session.limits = executionLimits(seconds: limit)
        let result = session.execute(program)
        guard let error = result.errors.first else { return nil }
        if case .limit(.time) = error.kind {
            return timeoutText(error, seconds: session.limits.maxSeconds)
        }
        return result.errors.map { ErrorText.render($0, in: table) }.joined(separator: "\n")
    }

    // MARK: - Tests

    func runTest(_ test: TestCase) -> TestResult {
        let seconds = min(test.timeout ?? grader.limits.secondsPerTest, remainingSeconds)
        guard seconds > 0 else {
            return .failure(test, .notRun, detail: "not run: the submission used up its total time of "
                            + GradingLimits.format(seconds: grader.limits.secondsPerSubmission))
        }
        let snippet = table.add(test.source, origin: test.isHidden ? .hiddenTest(id: test.id) : .lesson)
        let parsed = ScriptFrontend.parse(test.source.text, file: snippet.key)
        guard let program = parsed.program else {
            return .failure(test, .failed, detail: "the test itself does not parse; tell your instructor"
                            + (test.isHidden ? "" : ":\n" + parsed.errors.map { ErrorText.render($0, in: table) }.joined(separator: "\n")))
        }
        // A scope of its own: the test's names end with it.
        let location = program.statements.first?.location
            ?? ResLabScript.SourceLocation(source: program.source, line: 1, column: 1)
        let scoped = Program(source: program.source, statements: [.block(program.statements, location)])
        session.limits = executionLimits(seconds: seconds)
        // Layer names (`add_3`) appear in error messages: counting afresh in each test keeps a
        // test's message the same whatever ran before it (another test, a crashed attempt).
        LayerNames.reset()
        _ = AssertionLog.shared.takeFailure(of: session.cancellation)
        let result = session.execute(scoped)
        let assertion = AssertionLog.shared.takeFailure(of: session.cancellation)
        guard let error = result.errors.first else { return .success(test) }
        if case .limit(.time) = error.kind {
            return .failure(test, .timedOut, detail: timeoutText(error, seconds: seconds))
        }
        if case .runtime = error.kind, let failure = assertion {
            return .failure(test, .failed, detail: failure.message, expected: failure.expected, actual: failure.actual)
        }
        return .failure(test, .failed, detail: ErrorText.render(error, in: table))
    }

    private var remainingSeconds: Double {
        guard let deadline else { return .infinity }
        let left = deadline - ContinuousClock.now
        return Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
    }

    /// "timed out after 10 s in identityBlock".
    private func timeoutText(_ error: ScriptError, seconds: Double) -> String {
        var text = "timed out after \(GradingLimits.format(seconds: seconds))"
        if let function = ErrorText.innermostFunction(of: error) {
            text += " in \(function)"
        } else if table.isLearnerCode(error.location) {
            text += " in your code"
        }
        if let location = table.fileLocation(of: error.location), table.isLearnerCode(error.location) {
            text += " (\(location))"
        }
        return text
    }

    /// The interpreter's limits for one step: a time budget, no step budget (time is what a grader
    /// limits; an endless loop runs out of it), the usual call depth.
    private func executionLimits(seconds: Double) -> ExecutionLimits {
        ExecutionLimits(maxSteps: .max, maxSeconds: seconds, howToRaise: [
            .time: "an endless loop? Each test may run \(GradingLimits.format(seconds: seconds))",
        ])
    }
}
