/// Where a piece of code that ran in a notebook session came from.
public enum ExecutionOrigin: Hashable, Sendable, CustomStringConvertible {
    /// A lesson cell, by its `Cell.number`.
    case cell(Int)
    /// An entry typed at the REPL's prompt.
    case prompt

    /// `cell 3` or `the prompt`, as messages name it.
    public var description: String {
        switch self {
        case .cell(let number): return "cell \(number)"
        case .prompt: return "the prompt"
        }
    }
}
