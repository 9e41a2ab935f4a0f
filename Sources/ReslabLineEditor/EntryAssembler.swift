/// Joins physical lines into one entry while the host's parser says the text is incomplete.
///
/// Rules: a blank first line is skipped (a fresh prompt, nothing to run); each further line is
/// appended with `\n` and the whole text is offered to `completeness`; `.complete` and `.invalid`
/// end the entry, `.incomplete(indent:)` asks for a continuation line pre-filled with that many
/// spaces. Ctrl-C abandons the whole entry and starts again at the primary prompt. The end of input
/// in the middle of an entry hands over what was typed (so the parser can say what is missing); the
/// next call then reports the end of input.
struct EntryAssembler {
    var primaryPrompt: String
    var continuationPrompt: String
    let completeness: (String) -> Completeness

    /// Reads one entry from `source`, or returns `nil` at the end of input.
    func readEntry(from source: LineSource) -> String? {
        var lines: [String] = []
        var indent = 0
        while true {
            let prompt = lines.isEmpty ? primaryPrompt : continuationPrompt
            switch source.readLine(prompt: prompt, initialText: String(repeating: " ", count: indent)) {
            case .endOfInput:
                return lines.isEmpty ? nil : lines.joined(separator: "\n")
            case .interrupted:
                lines.removeAll()
                indent = 0
            case .line(let line):
                if lines.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
                lines.append(line)
                let text = lines.joined(separator: "\n")
                switch completeness(text) {
                case .complete, .invalid:
                    return text
                case .incomplete(let wanted):
                    indent = max(0, wanted)
                }
            }
        }
    }
}
