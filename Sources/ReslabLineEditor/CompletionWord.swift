/// The word that tab completion replaces, shared by readline's configuration and by completion
/// providers so both cut the line at the same place.
///
/// A word is the longest run of characters before the cursor that contains none of
/// `completionWordBreakCharacters`. `.` and `(` are break characters, so in `x.sh` the word is
/// `sh` (a member) and in `Conv2D(fil` it is `fil` (an argument label); `:` is not, so a REPL
/// command such as `:ne` is one word, colon included.
public enum CompletionWord {
    /// The characters that end a completion word (passed to readline as
    /// `rl_completer_word_break_characters`).
    public static let breakCharacters = " \t\n\"'`@$><=;|&{}()[],.+-*/%!^~?\\"

    /// The word that ends at `cursor` in `line` (`cursor` counts `Character`s from the start and is
    /// clamped to the line).
    public static func word(in line: String, cursor: Int) -> Substring {
        let end = line.index(line.startIndex, offsetBy: min(max(cursor, 0), line.count))
        var start = end
        while start > line.startIndex {
            let previous = line.index(before: start)
            if breakCharacters.contains(line[previous]) { break }
            start = previous
        }
        return line[start..<end]
    }
}
