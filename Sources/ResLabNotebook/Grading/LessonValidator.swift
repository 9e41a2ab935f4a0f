import ResLabPlugin

/// `reslab validate`: checks that a lesson (the instructor's copy, with its hidden tests) is sound.
///
/// - every cell runs: the code cells and the reference solutions, in order, without an error;
/// - a loaded plugin registers the role of every plugin cell (grading leaves plugin cells out, so
///   they are not run here);
/// - every reference solution passes all its exercise's tests, public and hidden;
/// - every starting template fails at least one of its exercise's tests (with the other exercises'
///   reference solutions in place, so that only this template is being judged).
public struct LessonValidator {
    public let lesson: Lesson
    let host: PluginHost
    let limits: GradingLimits

    public init(lesson: Lesson, host: PluginHost, limits: GradingLimits = GradingLimits()) {
        self.lesson = lesson
        self.host = host
        self.limits = limits
    }

    /// One verdict: a sentence, and what went wrong when it failed.
    public struct Check: Equatable, Sendable {
        public var passed: Bool
        public var summary: String
        public var details: [String]
    }

    /// The validation of one lesson.
    public struct Report: Equatable, Sendable {
        public var lessonFile: String
        public var checks: [Check]

        public var isValid: Bool { checks.allSatisfy(\.passed) }

        /// `lesson.md: valid`, then `✓`/`✗` per check, details indented under a failed one.
        public var text: String {
            var lines = ["\(lessonFile): \(isValid ? "valid" : "NOT valid")"]
            for check in checks {
                lines.append("  \(check.passed ? "✓" : "✗") \(check.summary)")
                for detail in check.details { lines.append(GradeReport.indent(detail, by: 6)) }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    public func validate() -> Report {
        let grader = Grader(lesson: lesson, host: host, limits: limits)
        let references = Submission(name: lesson.file, code: .exerciseCells(Dictionary(
            lesson.exercises.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })))
        var checks: [Check] = []

        let reference = grader.grade(references)
        let codeCells = lesson.cells.filter { $0.role == .code && !$0.isOptional }.count
        let optional = lesson.cells.filter { $0.role == .code && $0.isOptional }.count
        let skipped = optional > 0 ? "; \(optional) optional cell\(optional == 1 ? "" : "s") not run" : ""
        checks.append(Check(passed: reference.problems.isEmpty,
                            summary: "every cell runs (\(codeCells) code cell\(codeCells == 1 ? "" : "s"), "
                                + "\(lesson.exercises.count) reference solution\(lesson.exercises.count == 1 ? "" : "s")\(skipped))",
                            details: reference.problems))
        let pluginCells = lesson.cells.filter { $0.role.pluginRoleName != nil }
        if !pluginCells.isEmpty {
            let unknown = pluginCells.compactMap { lesson.unknownRoleDiagnostic(for: $0, host: host) }
            let roles = Set(pluginCells.map(\.role.name)).sorted().map { "`\($0)`" }.joined(separator: ", ")
            checks.append(Check(passed: unknown.isEmpty,
                                summary: "a loaded plugin registers every plugin cell's role (\(pluginCells.count) "
                                    + "plugin cell\(pluginCells.count == 1 ? "" : "s"): \(roles))",
                                details: unknown.map(\.description)))
        }
        if lesson.hiddenTestsFile == nil {
            checks.append(Check(passed: true, summary: "no hidden tests file (only public tests are checked)", details: []))
        }
        for exercise in lesson.exercises {
            let tests = reference.tests.filter { $0.exerciseID == exercise.id }
            let failed = tests.filter { !$0.passed }
            let counts = "\(exercise.tests.count) public, \(exercise.hiddenTests.count) hidden"
            if !exercise.hasReferenceSolution {
                checks.append(Check(passed: false, summary: "\(exercise.id): no reference solution (// BEGIN SOLUTION … // END SOLUTION)",
                                    details: []))
            }
            checks.append(Check(passed: failed.isEmpty && !tests.isEmpty,
                                summary: tests.isEmpty ? "\(exercise.id): has no tests"
                                    : "\(exercise.id): the reference solution passes \(tests.count - failed.count) of \(tests.count) tests (\(counts))",
                                details: failed.map(Self.describeForInstructor)))

            var withTemplate = lesson.exercises.map { ($0.id, $0.source) }
            if let index = withTemplate.firstIndex(where: { $0.0 == exercise.id }) {
                withTemplate[index].1 = exercise.template
            }
            let templateGrade = grader.grade(
                Submission(name: lesson.file, code: .exerciseCells(Dictionary(withTemplate, uniquingKeysWith: { first, _ in first }))),
                exercises: [exercise.id])
            let templateFailures = templateGrade.tests.filter { !$0.passed }.count
            checks.append(Check(passed: templateFailures > 0,
                                summary: "\(exercise.id): the starting template fails \(templateFailures) of \(templateGrade.tests.count) tests",
                                details: templateFailures > 0 ? []
                                    : ["a learner would pass without writing anything: make a test check what the exercise asks for"]))
        }
        return Report(lessonFile: lesson.file, checks: checks)
    }

    /// A failed test with everything the instructor may see (hidden tests included).
    private static func describeForInstructor(_ test: TestResult) -> String {
        GradeReport.describe(test)
    }
}
