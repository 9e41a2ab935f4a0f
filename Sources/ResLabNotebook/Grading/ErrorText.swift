import ResLabScript

/// A language error as the learner may read it: positions in the lesson or submission file, the
/// line of code with a caret when the code is the learner's or the lesson's, and nothing of a
/// hidden test but the fact that the error passed through one.
enum ErrorText {
    static func render(_ error: ScriptError, in table: SnippetTable) -> String {
        var lines: [String] = []
        if let location = table.fileLocation(of: error.location) {
            lines.append("\(location): error: \(error.message)")
            if let code = table.visibleLine(at: error.location) {
                lines.append("    " + code)
                lines.append("    " + ScriptError.caretLine(under: error.location.column, in: code[...]))
            }
        } else {
            lines.append("error (in a hidden test): \(error.message)")
        }
        if let hint = error.hint { lines.append("hint: \(hint)") }
        if error.frames.count > 1 {
            for frame in error.frames {
                if let location = table.fileLocation(of: frame.location) {
                    lines.append("  at \(location) in \(frame.function)")
                } else {
                    lines.append("  at a hidden test")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The base name of the innermost function the error happened in (`identityBlock` for
    /// `identityBlock(_:f:filters:)`), or nil at the top level of a snippet.
    static func innermostFunction(of error: ScriptError) -> String? {
        guard let frame = error.frames.first, frame.function != "top-level code" else { return nil }
        return String(frame.function.prefix { $0 != "(" })
    }
}
