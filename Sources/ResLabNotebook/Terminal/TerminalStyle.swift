import Foundation

/// Text attributes the terminal renderer uses, each mapped to an ANSI SGR code.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let dim = TextStyle(rawValue: 1 << 1)
    public static let italic = TextStyle(rawValue: 1 << 2)
    public static let underline = TextStyle(rawValue: 1 << 3)
    public static let strikethrough = TextStyle(rawValue: 1 << 4)
    /// Inline code and code blocks: cyan.
    public static let code = TextStyle(rawValue: 1 << 5)
    /// Headings: bold blue.
    public static let heading = TextStyle(rawValue: 1 << 6)

    /// `ESC [ codes m` for this style, or "" for no style.
    var sgr: String {
        var codes: [String] = []
        if contains(.bold) || contains(.heading) { codes.append("1") }
        if contains(.dim) { codes.append("2") }
        if contains(.italic) { codes.append("3") }
        if contains(.underline) { codes.append("4") }
        if contains(.strikethrough) { codes.append("9") }
        if contains(.heading) { codes.append("34") } else if contains(.code) { codes.append("36") }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static let reset = "\u{1B}[0m"
}

/// Whether to colour terminal output.
public enum TerminalColor {
    /// Colour only on a terminal, never under `NO_COLOR` (any non-empty value, as no-color.org
    /// asks) or `TERM=dumb`.
    public static func shouldUseColor(environment: [String: String], isTerminal: Bool) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }

    /// The decision for standard output of this process.
    public static func shouldUseColorOnStandardOutput() -> Bool {
        shouldUseColor(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
