import CReadline
import Glibc

/// Tab completion: readline's C callbacks bridged to the host's provider
/// `(line, cursor) -> [candidates]`.
///
/// Readline calls non-capturing C functions, so the provider and the candidates of the completion
/// in progress live in this static box. Completion only ever runs on the thread that reads lines.
enum ReadlineCompletion {
    nonisolated(unsafe) static var provider: ((String, Int) -> [String])?
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var nextCandidate = 0

    /// Readline keeps this pointer, so it is allocated once for the process and never freed.
    private static let wordBreakCharacters = UnsafePointer(strdup(CompletionWord.breakCharacters))

    static func install(_ provider: ((String, Int) -> [String])?) {
        self.provider = provider
        rl_completer_word_break_characters = wordBreakCharacters
        rl_attempted_completion_function = provider == nil ? nil : attempt
    }

    /// Readline's `rl_attempted_completion_function`: `text` is the word being completed, which
    /// spans bytes `start..<end` of `rl_line_buffer`.
    private static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
        // No fallback to file names, and no space after a unique match: after `x.shape` the learner
        // types `.`, `)` or `[` more often than a space; a provider that wants one includes it.
        rl_attempted_completion_over = 1
        rl_completion_append_character = 0
        guard let text, let provider = ReadlineCompletion.provider, let buffer = rl_line_buffer else {
            return nil
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(rl_end))
        let line = String(decoding: bytes, as: UTF8.self)
        let cursor = String(decoding: bytes.prefix(Int(rl_point)), as: UTF8.self).count
        let word = String(cString: text)
        // Candidates that do not extend the word would make readline's common prefix shorter
        // than what was typed, deleting the learner's text.
        candidates = provider(line, cursor).filter { $0.hasPrefix(word) }
        nextCandidate = 0
        guard !candidates.isEmpty else { return nil }
        return rl_completion_matches(text, generate)
    }

    /// Readline's generator: the `state`-th candidate (strdup'd; readline frees it), then `nil`.
    private static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { nextCandidate = 0 }
        guard nextCandidate < candidates.count else { return nil }
        defer { nextCandidate += 1 }
        return strdup(candidates[nextCandidate])
    }
}
