import Foundation

extension GradeReport {
    /// One test in Gradescope's `results.json`.
    struct GradescopeTest: Codable, Equatable {
        var name: String
        var score: Int
        var max_score: Int
        var output: String
        /// `visible` for public tests; `after_published` for hidden ones, whose output is only
        /// their message.
        var visibility: String
    }

    /// Gradescope's `results.json` for one submission.
    struct GradescopeResults: Codable, Equatable {
        var score: Int
        var max_score: Int
        var output: String
        var tests: [GradescopeTest]
    }

    /// Gradescope's `results.json` for the submission `grade`:
    /// `{"score", "max_score", "output", "tests": [{"name", "score", "max_score", "output", "visibility"}]}`.
    public static func gradescope(_ grade: SubmissionGrade) throws -> Data {
        let tests = grade.tests.map { test in
            GradescopeTest(name: test.id + (test.isHidden ? " (hidden)" : ""), score: test.points, max_score: test.maxPoints,
                           output: test.passed ? "passed" : describe(test),
                           visibility: test.isHidden ? "after_published" : "visible")
        }
        var output = grade.passSummary ?? "\(grade.points) of \(grade.maxPoints) points"
        if !grade.problems.isEmpty { output += "\n\n" + grade.problems.joined(separator: "\n\n") }
        let results = GradescopeResults(score: grade.points, max_score: grade.maxPoints, output: output, tests: tests)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(results)
        data.append(0x0A)
        return data
    }
}
