extension String {
    /// The lines of a file's text, without their line terminators ("\n" or "\r\n"). A final line
    /// terminator does not start another line; the empty text has no lines.
    func fileLines() -> [String] {
        var lines = splitLines()
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The text split at "\n" and "\r\n" (one `Character` in Swift, hence not found by splitting at
    /// "\n"), keeping empty lines: "a\n" gives ["a", ""].
    func splitLines() -> [String] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// The string without trailing spaces, tabs and carriage returns.
    func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }

    /// The string without leading and trailing whitespace.
    func trimmed() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    /// The leading spaces and tabs of the string.
    var leadingIndentation: String {
        String(unicodeScalars.prefix { $0 == " " || $0 == "\t" })
    }
}
