extension GradeReport {
    /// JUnit XML in the common layout CI tools read: `<testsuites>` with one `<testsuite>` per
    /// submission and one `<testcase>` per test (`classname` = submission.exercise). A failed test
    /// has a `<failure>` (assertion or error), a timed-out or crashed one an `<error>`, one not run
    /// `<skipped>`. Points are kept as properties of each suite (`score`, `max_score`). No times:
    /// the same grades give the same bytes.
    public var junit: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let all = submissions.flatMap(\.tests)
        lines.append("<testsuites name=\"\(XMLText.escape(lessonID))\" tests=\"\(all.count)\" "
                     + "failures=\"\(all.filter { $0.outcome == .failed }.count)\" "
                     + "errors=\"\(all.filter { $0.outcome == .timedOut || $0.outcome == .crashed }.count)\" "
                     + "skipped=\"\(all.filter { $0.outcome == .notRun }.count)\">")
        for grade in submissions {
            let tests = grade.tests
            lines.append("  <testsuite name=\"\(XMLText.escape(grade.submission))\" tests=\"\(tests.count)\" "
                         + "failures=\"\(tests.filter { $0.outcome == .failed }.count)\" "
                         + "errors=\"\(tests.filter { $0.outcome == .timedOut || $0.outcome == .crashed }.count)\" "
                         + "skipped=\"\(tests.filter { $0.outcome == .notRun }.count)\">")
            lines.append("    <properties>")
            lines.append("      <property name=\"score\" value=\"\(grade.points)\"/>")
            lines.append("      <property name=\"max_score\" value=\"\(grade.maxPoints)\"/>")
            lines.append("    </properties>")
            for test in tests {
                let open = "    <testcase name=\"\(XMLText.escape(test.id))\" "
                    + "classname=\"\(XMLText.escape(grade.submission + "." + test.exerciseID))\""
                if test.passed {
                    lines.append(open + "/>")
                    continue
                }
                lines.append(open + ">")
                let message = XMLText.escape(test.message ?? test.outcome.rawValue)
                let body = XMLText.escape(Self.failureBody(test))
                switch test.outcome {
                case .failed:
                    lines.append("      <failure message=\"\(message)\" type=\"\(test.expected != nil || test.actual != nil ? "assertion" : "error")\">\(body)</failure>")
                case .timedOut, .crashed:
                    lines.append("      <error message=\"\(message)\" type=\"\(test.outcome.rawValue)\">\(body)</error>")
                case .notRun:
                    lines.append("      <skipped message=\"\(XMLText.escape(test.detail ?? "not run"))\"/>")
                case .passed:
                    break
                }
                lines.append("    </testcase>")
            }
            if !grade.problems.isEmpty {
                lines.append("    <system-out>\(XMLText.escape(grade.problems.joined(separator: "\n\n")))</system-out>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The detail, expected and actual values of a failed test, one per line.
    static func failureBody(_ test: TestResult) -> String {
        var lines: [String] = []
        if let detail = test.detail { lines.append(detail) }
        if let expected = test.expected { lines.append("expected: \(expected)") }
        if let actual = test.actual { lines.append("actual:   \(actual)") }
        return lines.joined(separator: "\n")
    }
}
