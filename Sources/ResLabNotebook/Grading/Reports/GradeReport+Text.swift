extension GradeReport {
    /// A readable summary: per submission its total, each exercise's points, and each test that did
    /// not pass with its message and what went wrong (hidden tests: the message only).
    ///
    ///     statistics — Mean and clipping: 2 submissions, public and hidden tests
    ///
    ///     alice.md  5/5  all tests passed
    ///       mean  3/3 · clip  2/2
    ///     bob.md    2/5
    ///       mean  0/3 · clip  2/2
    ///       ✗ mean.samples (0/1): The mean of [1, 2, 6] is 3
    ///           the values differ
    ///           expected: 3.0
    ///           actual:   2.25
    public var text: String {
        let which = includesHiddenTests ? "public and hidden tests" : "public tests only"
        let count = submissions.count == 1 ? "1 submission" : "\(submissions.count) submissions"
        var lines = ["\(lessonID) — \(lessonTitle): \(count), \(which)", ""]
        let width = submissions.map(\.submission.count).max() ?? 0
        for grade in submissions {
            var headline = grade.submission.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(grade.points)/\(grade.maxPoints)"
            if let summary = grade.passSummary { headline += "  \(summary)" }
            lines.append(headline)
            lines.append("  " + exercises.map { column in
                let score = grade.score(of: column.id)
                return "\(column.id)  \(score.points)/\(score.outOf)"
            }.joined(separator: " · "))
            for problem in grade.problems {
                lines.append(Self.indent("! " + problem, by: 2))
            }
            for test in grade.tests where !test.passed {
                lines.append(Self.indent(Self.describe(test), by: 2))
            }
            lines.append("")
        }
        let total = submissions.reduce(0) { $0 + $1.points }
        let passing = submissions.filter(\.allPassed).count
        lines.append("\(passing) of \(submissions.count) passed every test; \(total) of \(maxPoints * submissions.count) points in all")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One failed test: `✗ id (hidden, 0/2): message`, then what went wrong, indented.
    static func describe(_ test: TestResult) -> String {
        let kind = test.isHidden ? "hidden, " : ""
        var lines = ["✗ \(test.id) (\(kind)\(test.points)/\(test.maxPoints)): \(test.message ?? test.outcome.rawValue)"]
        var details: [String] = []
        if let detail = test.detail { details.append(detail) }
        if let expected = test.expected { details.append("expected: \(expected)") }
        if let actual = test.actual { details.append("actual:   \(actual)") }
        lines += details.map { indent($0, by: 4) }
        return lines.joined(separator: "\n")
    }

    static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.splitLines().map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
