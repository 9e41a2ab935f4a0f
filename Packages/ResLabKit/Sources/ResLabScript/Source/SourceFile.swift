/// A piece of lesson code with the name it is reported under (`identity.swift`, `lesson1.md:cell 3`).
///
/// Shared by reference: every location in the AST points at its source, so an error can show the
/// offending line with a caret long after the snippet ran (a function defined in one notebook cell
/// may fail when another cell calls it).
public final class SourceFile: Sendable {
    /// The name used in `name:line:col` positions.
    public let name: String
    /// The full text.
    public let text: String
    /// The text split at line breaks, without the breaks.
    public let lines: [Substring]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of 1-based line `line`, or nil past the end.
    public func line(_ line: Int) -> Substring? {
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        return text.hasSuffix("\r") ? text.dropLast() : text
    }
}

/// A position in a `SourceFile`: 1-based line and column (columns count UTF-8 bytes, as the Swift
/// compiler's diagnostics do).
public struct SourceLocation: CustomStringConvertible, Sendable {
    public let source: SourceFile
    public let line: Int
    public let column: Int

    public init(source: SourceFile, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// The file name shown in diagnostics.
    public var file: String { source.name }

    /// `file:line:col`.
    public var description: String { "\(source.name):\(line):\(column)" }
}

extension SourceLocation: Hashable {
    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.source === rhs.source && lhs.line == rhs.line && lhs.column == rhs.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(source))
        hasher.combine(line)
        hasher.combine(column)
    }
}
