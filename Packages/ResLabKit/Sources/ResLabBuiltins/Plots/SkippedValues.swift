/// The values a chart left out because they are NaN or infinite, and the note that says so.
struct SkippedValues {
    private(set) var descriptions: [String] = []

    /// Records one left-out value, described as the learner will recognise it
    /// (`loss at x = 3 (nan)`, `conv3 (inf)`).
    mutating func add(_ description: String) {
        descriptions.append(description)
    }

    /// `skipped 2 values that are not finite: loss at x = 3 (nan), loss at x = 4 (inf)`; at most
    /// four are named. `nil` when nothing was skipped.
    var note: String? {
        guard !descriptions.isEmpty else { return nil }
        let count = descriptions.count
        let head = count == 1 ? "skipped 1 value that is not finite: " : "skipped \(count) values that are not finite: "
        let named = descriptions.prefix(4).joined(separator: ", ")
        return head + named + (count > 4 ? ", …" : "")
    }
}
