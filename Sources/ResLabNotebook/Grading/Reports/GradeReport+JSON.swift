import Foundation

extension GradeReport {
    /// The whole report as JSON, keys sorted and pretty-printed, so equal reports are equal bytes:
    /// `{"lessonID", "lessonTitle", "exercises": [{"id", "title", "maxPoints"}], "includesHiddenTests",
    /// "submissions": [{"submission", "tests": [TestResult], "problems", "includesHiddenTests"}]}`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
