/// Why the `LineEditor` could not read or write its history file.
public enum LineEditorError: Error, Equatable, CustomStringConvertible {
    case historyUnreadable(path: String, reason: String)
    case historyUnwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .historyUnreadable(let path, let reason):
            return "cannot read the history file \(path): \(reason); fix or remove it to start a new history"
        case .historyUnwritable(let path, let reason):
            return "cannot write the history file \(path): \(reason); this session's history is not saved"
        }
    }
}
