/// One problem found in a lesson file: where, what is wrong, and what to do about it.
public struct LessonDiagnostic: Equatable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// What is wrong, in one sentence.
    public var message: String
    /// What to change to fix it.
    public var fix: String
    /// The text of the offending line, shown under the message with a caret at the column.
    public var sourceLine: String?

    public init(location: SourceLocation, message: String, fix: String, sourceLine: String? = nil) {
        self.location = location
        self.message = message
        self.fix = fix
        self.sourceLine = sourceLine
    }

    /// ```
    /// lessons/03.md:41:22: error: test cell names exercise `identity-blok`, which no exercise cell defines
    ///     ```swift test exercise=identity-blok points=1 message="..."
    ///                        ^
    ///     fix: use one of: identity-block, convolutional-block
    /// ```
    public var description: String {
        "\(location): error: " + detail
    }

    /// The description without its `file:line:column: error: ` prefix: the message, the line
    /// with its caret, and the fix (what a cell error built from a diagnostic carries).
    public var detail: String {
        var text = message
        if let sourceLine {
            let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
            // Keep tabs so that the caret lines up under the same character.
            let padding = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
            text += "\n    \(sourceLine)\n    \(padding)^"
        }
        text += "\n    fix: \(fix)"
        return text
    }
}

/// Why a lesson could not be loaded.
public enum LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file was read but is malformed; every problem found, in file order.
    case malformed([LessonDiagnostic])

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): error: cannot read the lesson: \(reason)"
        case let .malformed(diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    /// The diagnostics of a malformed lesson (empty when the file was unreadable).
    public var diagnostics: [LessonDiagnostic] {
        if case let .malformed(diagnostics) = self { return diagnostics }
        return []
    }
}
