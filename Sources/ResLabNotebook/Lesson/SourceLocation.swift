/// A position in a lesson file: the file as the user named it, a 1-based line and a 1-based column
/// (counted in Unicode scalars, as editors and cmark count them).
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers print and editors jump to.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}
