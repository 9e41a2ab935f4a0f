/// Why a cell's outputs no longer match the session: something it depends on changed after it ran.
public enum StaleReason: Equatable, Sendable {
    /// The cell's code was edited after it ran.
    case edited
    /// `name`, which the cell uses, was declared again (or, with `isDefinition` false, changed) by
    /// `origin` in execution `executionCount`, after the cell ran.
    case redefined(name: String, by: ExecutionOrigin, executionCount: Int, isDefinition: Bool)
    /// The cell uses `name` from `cell`, whose code was edited after this cell ran.
    case dependencyEdited(name: String, cell: Int)
    /// The cell uses `name` from `cell`, which is stale itself.
    case dependencyStale(name: String, cell: Int)

    /// The cell this reason points at, when re-running that cell first is part of the fix.
    public var dependencyCell: Int? {
        switch self {
        case .edited, .redefined: return nil
        case .dependencyEdited(_, let cell), .dependencyStale(_, let cell): return cell
        }
    }

    /// A sentence about cell `number`: `cell 4 uses `model`, which cell 3 redefined after cell 4 ran`.
    public func sentence(aboutCell number: Int) -> String {
        switch self {
        case .edited:
            return "cell \(number) was edited after it ran"
        case let .redefined(name, origin, count, isDefinition):
            let verb = isDefinition ? "redefined" : "changed"
            let by: String
            switch origin {
            case .cell(let other): by = "cell \(other) \(verb)"
            case .prompt: by = "you \(verb) at the prompt ([\(count)])"
            }
            return "cell \(number) uses `\(name)`, which \(by) after cell \(number) ran"
        case let .dependencyEdited(name, cell):
            return "cell \(number) uses `\(name)` from cell \(cell), which was edited since"
        case let .dependencyStale(name, cell):
            return "cell \(number) uses `\(name)` from cell \(cell), which is stale itself"
        }
    }
}

/// Where a cell stands in a session.
public enum CellState: Equatable, Sendable {
    /// Not run in this session.
    case notRun
    /// Ran to its end in execution `executionCount`, and nothing it depends on changed since.
    case ran(executionCount: Int)
    /// Stopped with an error (or was interrupted) in execution `executionCount`.
    case failed(executionCount: Int)
    /// Ran in execution `executionCount`, but something it depends on changed since (first reason
    /// first).
    case stale(executionCount: Int, reasons: [StaleReason])

    /// The execution count, when the cell has run.
    public var executionCount: Int? {
        switch self {
        case .notRun: return nil
        case .ran(let count), .failed(let count), .stale(let count, _): return count
        }
    }
}
