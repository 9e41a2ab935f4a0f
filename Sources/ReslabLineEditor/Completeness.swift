/// What the host's parser says about the text typed so far, which decides whether the
/// `LineEditor` hands the entry over or keeps reading continuation lines.
///
/// This is the contract of Python's `codeop` and Jupyter's `is_complete_request`.
public enum Completeness: Equatable, Sendable {
    /// The text is a whole entry: run it.
    case complete
    /// The text stops inside an open construct (an unclosed `{`, `(` or `[`, a trailing operator):
    /// read another line, pre-filled with `indent` spaces.
    case incomplete(indent: Int)
    /// The text can never become valid by adding lines: hand it over now so the parser reports
    /// the error instead of the learner typing on.
    case invalid
}
