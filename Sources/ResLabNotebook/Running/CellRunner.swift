/// What running a cell produced, in order.
public enum CellOutput: Equatable, Sendable {
    /// Printed text (`print`, a value's description), as it appeared.
    case text(String)
    /// A plot as a standalone SVG document (`<svg ...>...</svg>`); terminals show their own rendering.
    case svg(String)
}

/// A cell that stopped with an error: the interpreter's message and where in the lesson file it
/// happened (mapped back through `CellSource.location(line:column:)`).
public struct CellRunError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(message: String, location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: error: message`, or the message alone when there is no location.
    public var description: String {
        location.map { "\($0): error: \(message)" } ?? "error: \(message)"
    }
}

/// The outcome of running one cell: what it printed or plotted before it finished or failed.
public struct CellRunResult: Equatable, Sendable {
    public var outputs: [CellOutput]
    /// Nil when the cell ran to its end.
    public var error: CellRunError?

    public init(outputs: [CellOutput], error: CellRunError? = nil) {
        self.outputs = outputs
        self.error = error
    }
}

/// Runs code in one lesson environment: the seam between the lesson files and the interpreter.
///
/// A session hands a runner each cell's `CellSource` in turn; definitions persist between calls.
/// The runner parses `source.text` and reports errors at `source.location(line:column:)`, so that
/// they point into the lesson file even when the code is a student template whose lines are not
/// consecutive in the file.
public protocol CellRunner: AnyObject {
    func run(_ source: CellSource) -> CellRunResult
}
