/// The code of a cell as handed to an interpreter, with the way back to the lesson file.
///
/// `text` is the code's lines joined by "\n" (no final newline). Line `k` of `text` (1-based) came
/// from line `lineNumbers[k - 1]` of `file`, indented there by `columnOffset` extra columns (the
/// spaces before the cell's fence). The lines need not be consecutive: a student template maps its
/// placeholder to the line of the `// BEGIN SOLUTION` marker it replaces.
public struct CellSource: Equatable, Sendable {
    public var text: String
    public var file: String
    /// One entry per line of `text`.
    public var lineNumbers: [Int]
    public var columnOffset: Int

    public init(text: String, file: String, lineNumbers: [Int], columnOffset: Int = 0) {
        self.text = text
        self.file = file
        self.lineNumbers = lineNumbers
        self.columnOffset = columnOffset
    }

    /// Code whose lines sit on consecutive file lines from `firstLine`.
    public init(text: String, file: String, firstLine: Int, columnOffset: Int = 0) {
        let count = text.splitLines().count
        self.init(text: text, file: file, lineNumbers: Array(firstLine..<(firstLine + count)), columnOffset: columnOffset)
    }

    /// Code from `(text, file line)` pairs.
    init(lines: [(text: String, line: Int)], file: String, fallbackLine: Int, columnOffset: Int) {
        if lines.isEmpty {
            self.init(text: "", file: file, lineNumbers: [fallbackLine], columnOffset: columnOffset)
        } else {
            self.init(text: lines.map(\.text).joined(separator: "\n"), file: file,
                      lineNumbers: lines.map(\.line), columnOffset: columnOffset)
        }
    }

    /// The file position of 1-based `line` and `column` of `text`.
    ///
    /// A line past the end (an error at end of input) maps past the last line.
    public func location(line: Int, column: Int) -> SourceLocation {
        let fileLine: Int
        if line >= 1, line <= lineNumbers.count {
            fileLine = lineNumbers[line - 1]
        } else if let last = lineNumbers.last, line > lineNumbers.count {
            fileLine = last + (line - lineNumbers.count)
        } else {
            fileLine = lineNumbers.first ?? 1
        }
        return SourceLocation(file: file, line: fileLine, column: column + columnOffset)
    }
}
