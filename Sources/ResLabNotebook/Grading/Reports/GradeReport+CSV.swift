extension GradeReport {
    /// A gradebook (RFC 4180): a header `submission,EXERCISE…,total`, then one row per submission
    /// with its points per exercise and in all. Line ends are CRLF, as the RFC asks.
    public var csv: String {
        var rows = [["submission"] + exercises.map(\.id) + ["total"]]
        for grade in submissions {
            rows.append([grade.submission] + exercises.map { String(grade.score(of: $0.id).points) } + [String(grade.points)])
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
