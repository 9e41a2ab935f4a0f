/// The outcome of reading one physical line from a `LineSource`.
enum LineReadResult: Equatable {
    /// A line, without its line terminator.
    case line(String)
    /// Ctrl-C at the prompt: the line typed so far is abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Where the `LineEditor` gets its lines from: GNU readline on a terminal, plain reads otherwise.
protocol LineSource: AnyObject {
    /// Shows `prompt` (if the source shows prompts) and reads one line. `initialText` is put into
    /// the line before the user types (a continuation line's indentation); sources that cannot
    /// edit a line ignore it.
    func readLine(prompt: String, initialText: String) -> LineReadResult
    /// Makes `entries` (oldest first) what the up arrow walks through.
    func setHistory(_ entries: [String])
    /// Writes `text` as is to the output the prompts go to.
    func write(_ text: String)
}
