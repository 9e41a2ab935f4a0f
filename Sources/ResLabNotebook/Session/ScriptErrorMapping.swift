import ResLabScript

/// Turns the interpreter's errors, whose positions are in the snippet that ran, into errors at
/// lesson file positions (`lesson.md:20:7`), through the `CellSource` each snippet came from.
///
/// Every snippet is parsed under a source name of its own, so an error inside a function that an
/// earlier cell defined maps to that earlier cell's lines.
struct ScriptErrorMapping {
    /// The cell sources of the snippets run so far, by the source name they were parsed under.
    private var sources: [String: CellSource] = [:]

    mutating func register(_ source: CellSource, as name: String) {
        sources[name] = source
    }

    /// The lesson position of a snippet position: the file line of the snippet's line, and the
    /// column converted from the parser's UTF-8 bytes to Unicode scalars (what lesson positions
    /// count), plus the cell's fence indentation. A snippet that is not a cell keeps its own name.
    func location(of location: ResLabScript.SourceLocation) -> SourceLocation {
        let column = Self.scalarColumn(byteColumn: location.column, in: location.source.line(location.line))
        guard let cell = sources[location.source.name] else {
            return SourceLocation(file: location.source.name, line: location.line, column: column)
        }
        return cell.location(line: location.line, column: column)
    }

    /// `error` at its lesson position. The message's first line is the interpreter's message; the
    /// code line with a caret under the column, the hint and the chain of calls follow, indented,
    /// so that `CellRunError.description` reads like a compiler's report.
    func map(_ error: ScriptError) -> CellRunError {
        var lines = [error.message]
        if let text = error.location.source.line(error.location.line) {
            lines.append("    " + text)
            lines.append("    " + ScriptError.caretLine(under: error.location.column, in: text))
        }
        if let hint = error.hint { lines.append("    hint: \(hint)") }
        if error.frames.count > 1 {
            for frame in error.frames { lines.append("    at \(location(of: frame.location)) in \(frame.function)") }
        }
        return CellRunError(message: lines.joined(separator: "\n"), location: location(of: error.location))
    }

    /// The 1-based scalar column of a 1-based UTF-8 byte column in `line`; a column past the end of
    /// the line (an error at the end of input) keeps its distance from the end.
    static func scalarColumn(byteColumn: Int, in line: Substring?) -> Int {
        guard let line, byteColumn > 1 else { return max(byteColumn, 1) }
        var bytes = 0
        var scalars = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if bytes + width > byteColumn - 1 { return scalars + 1 }
            bytes += width
            scalars += 1
        }
        return scalars + 1 + (byteColumn - 1 - bytes)
    }
}
