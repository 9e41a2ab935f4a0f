import Foundation
import ResLabNN

/// A REPL command a plugin adds: `:NAME ARGUMENTS`.
public struct ReplCommand {
    public let name: String
    /// One line for `:help`.
    public let summary: String
    /// `:histogram NAME [BINS]`
    public let usage: String
    /// Runs the command; what it returns is printed. Errors are shown and the REPL goes on.
    public let run: (_ arguments: String, _ context: CommandContext) throws -> String

    public init(name: String, summary: String, usage: String,
                run: @escaping (_ arguments: String, _ context: CommandContext) throws -> String) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.run = run
    }
}

/// What a REPL command or a cell role may use of the session it runs in.
public protocol CommandContext {
    /// The value bound to `name` in the session, if any.
    func value(named name: String) -> Value?
    /// Whether the output goes to a colour terminal.
    var useColor: Bool { get }
    /// The terminal's width in columns.
    var width: Int { get }
    // Declared last so that the requirements above keep their places in the witness table that
    // plugins built before it was added call through.
    /// Runs lesson-language `code` in the session (an expression such as `model.layers[1].weights`,
    /// or statements ending in one) and returns its final value; nil when it ends in a statement.
    /// What it prints goes where the session's output goes; it runs under the session's limits and
    /// stops on Ctrl-C. Meant for reading the session: names it declares or changes are not
    /// tracked for stale cells. Throws the interpreter's first error, positioned in the lesson
    /// when `code` is the cell's own source.
    func evaluate(_ code: String) throws -> Value?
}

/// How values of one native type show in each medium; nil from a closure means "use the default".
public struct ValueRenderer {
    public let typeName: String
    public let terminal: ((Value, _ width: Int, _ useColor: Bool) -> String?)?
    public let markdown: ((Value) -> String?)?
    public let html: ((Value) -> String?)?

    public init(typeName: String,
                terminal: ((Value, _ width: Int, _ useColor: Bool) -> String?)? = nil,
                markdown: ((Value) -> String?)? = nil,
                html: ((Value) -> String?)? = nil) {
        self.typeName = typeName
        self.terminal = terminal
        self.markdown = markdown
        self.html = html
    }
}

/// A role a lesson's code cell can take beyond the built-in ones: a cell fenced
/// ```` ```swift NAME key=value ... ```` is handed to `run` instead of the interpreter.
///
/// `run` gets the cell's source as written, its fence settings (every `key=value`, quotes
/// removed), and the session; what it returns is the cell's output (in the REPL, in `reslab run`
/// and in exports), and what it throws is the cell's error (the session goes on). A role that
/// computes from the session reads it through `context.value(named:)` or `context.evaluate(_:)`.
public struct CellRole {
    /// The word on the fence line; not `code`, `exercise`, `test`, `optional` or `hidden`.
    public let name: String
    /// One line for `:plugins` and the lesson format's error messages.
    public let summary: String
    /// Runs the cell's source; returns the text shown as its output.
    public let run: (_ source: String, _ settings: [String: String], _ context: CommandContext) throws -> String

    public init(name: String, summary: String,
                run: @escaping (_ source: String, _ settings: [String: String], _ context: CommandContext) throws -> String) {
        self.name = name
        self.summary = summary
        self.run = run
    }
}

/// A failed check in a graded test: what was expected, what came out, and a sentence.
public struct AssertionFailure: Error, CustomStringConvertible {
    public let message: String
    public let expected: String?
    public let actual: String?

    public init(_ message: String, expected: String? = nil, actual: String? = nil) {
        self.message = message
        self.expected = expected
        self.actual = actual
    }

    public var description: String {
        var text = message
        if let expected { text += "\n  expected: \(expected)" }
        if let actual { text += "\n  actual:   \(actual)" }
        return text
    }
}

/// A reader for a data set format ResLab does not know, tried before the built-in readers on the
/// paths `reslab train --data PATH` and lessons name.
public struct DataSetReader {
    public let name: String
    public let summary: String
    /// Whether this reader handles the file or folder at `url` (by extension or by a look at it).
    public let canRead: (_ url: URL) -> Bool
    public let read: (_ url: URL) throws -> DataSet

    public init(name: String, summary: String, canRead: @escaping (_ url: URL) -> Bool,
                read: @escaping (_ url: URL) throws -> DataSet) {
        self.name = name
        self.summary = summary
        self.canRead = canRead
        self.read = read
    }
}
