/// What `reslab check` and `:check` print: for each exercise checked, each public test passed or
/// failed with its message and the values involved, the points so far, and what to do next.
public enum CheckReport {
    /// The report for `grade` (public tests only) of `exercises`.
    ///
    /// - Parameter hintsShown: exercise id → hints seen so far, to say whether a next one exists.
    public static func text(grade: SubmissionGrade, exercises: [Exercise],
                            hintsShown: [String: Int], hintCommand: String) -> String {
        var lines: [String] = []
        for problem in grade.problems { lines.append(GradeReport.indent("! " + problem, by: 0)) }
        if !grade.problems.isEmpty { lines.append("") }
        for exercise in exercises {
            let tests = grade.tests.filter { $0.exerciseID == exercise.id }
            let score = grade.score(of: exercise.id)
            lines.append("\(exercise.id)\(exercise.title.map { " — \($0)" } ?? "")")
            for test in tests {
                if test.passed {
                    lines.append("  ✓ \(test.id) (\(test.points)/\(test.maxPoints))")
                } else {
                    lines.append(GradeReport.indent(GradeReport.describe(test), by: 2))
                }
            }
            let passedCount = tests.filter(\.passed).count
            if tests.isEmpty {
                lines.append("  (this exercise has no public tests)")
            } else if passedCount == tests.count {
                lines.append("  public tests passed: \(score.points)/\(score.outOf) points "
                             + "(hidden tests, if any, run when your instructor grades)")
            } else {
                lines.append("  \(passedCount) of \(tests.count) public tests passed: \(score.points)/\(score.outOf) points")
                let seen = hintsShown[exercise.id] ?? 0
                if seen < exercise.hints.count {
                    lines.append("  stuck? \(hintCommand) \(exercise.id) gives hint \(seen + 1) of \(exercise.hints.count)")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

/// The hints of an exercise, one at a time in their order.
public enum HintDispenser {
    /// The next hint after `shown` (as Markdown) with its number, or a sentence saying there are no
    /// more; `shown` is advanced when a hint is given.
    public static func next(for exercise: Exercise, shown: inout Int) -> String {
        guard !exercise.hints.isEmpty else { return "`\(exercise.id)` has no hints." }
        guard shown < exercise.hints.count else {
            return "That was the last hint for `\(exercise.id)` (\(exercise.hints.count) of \(exercise.hints.count)). "
                + "Here they are again:\n\n" + exercise.hints.map { "\($0.number). \($0.markdown)" }.joined(separator: "\n\n")
        }
        let hint = exercise.hints[shown]
        shown += 1
        return "Hint \(hint.number) of \(exercise.hints.count) for `\(exercise.id)`:\n\n\(hint.markdown)"
    }
}
