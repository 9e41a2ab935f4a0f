/// An error in lesson code, from any stage: the parser, lowering, the resolver, or running.
///
/// The value holds the facts (kind, position, message, hint, call chain); `rendered` turns them into
/// the text a learner sees:
///
///     block.swift:4:14: error: division by zero
///         return a / b
///                  ^
///     hint: …
///       at block.swift:4:14 in divide(_:by:)
///       at block.swift:8:7 in top-level code
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    /// Which stage found the error, and for limits which limit.
    public enum Kind: Sendable, Equatable {
        /// Swift's parser rejected the text.
        case syntax
        /// Valid Swift outside the lesson language's subset.
        case unsupported
        /// Found before running: an undefined name, a wrong label, assigning a `let`…
        case resolution
        /// Found while running: a type mismatch, overflow, an index out of range, a native error.
        case runtime
        /// A step, depth or time limit was exceeded.
        case limit(ExecutionLimits.Limit)
        /// The host asked the run to stop (Ctrl-C).
        case interrupted
    }

    /// One entry of a runtime error's chain of calls, innermost first.
    public struct Frame: Sendable, Equatable {
        /// Where execution was in that function: the error itself for the first frame, the call
        /// to the next-inner function for the others.
        public let location: SourceLocation
        /// `divide(_:by:)`, `closure`, or `top-level code`.
        public let function: String

        public init(location: SourceLocation, function: String) {
            self.location = location
            self.function = function
        }
    }

    public let kind: Kind
    public let message: String
    public let location: SourceLocation
    /// What to do about it, when something useful can be said ("did you mean 'count'?").
    public let hint: String?
    /// Filled for runtime errors; empty for errors found before running.
    public var frames: [Frame]

    public init(_ kind: Kind, _ message: String, at location: SourceLocation, hint: String? = nil,
                frames: [Frame] = []) {
        self.kind = kind
        self.message = message
        self.location = location
        self.hint = hint
        self.frames = frames
    }

    /// `file:line:col: error: message`, the first line of `rendered`.
    public var headline: String { "\(location): error: \(message)" }

    public var description: String { rendered }

    /// The full report: headline, the source line with a caret under the column, the hint, and the
    /// chain of calls when there is more than the top level.
    public var rendered: String {
        var lines = [headline]
        if let text = location.source.line(location.line) {
            lines.append(String(text))
            lines.append(Self.caretLine(under: location.column, in: text))
        }
        if let hint { lines.append("hint: \(hint)") }
        if frames.count > 1 {
            for frame in frames { lines.append("  at \(frame.location) in \(frame.function)") }
        }
        return lines.joined(separator: "\n")
    }

    /// Spaces up to the 1-based byte `column` (tabs kept, so the caret lines up in a terminal
    /// under tabbed code), then `^`: the line printed under a line of code to point at an error.
    public static func caretLine(under column: Int, in text: Substring) -> String {
        var prefix = ""
        var byte = 1
        for character in text {
            let width = character.utf8.count
            if byte + width > column { break }
            prefix.append(character == "\t" ? "\t" : " ")
            byte += width
        }
        return prefix + "^"
    }
}

extension Array where Element == ScriptError {
    /// Every error rendered, separated by blank lines.
    public var rendered: String { map(\.rendered).joined(separator: "\n\n") }
}
