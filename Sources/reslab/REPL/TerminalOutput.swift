import Foundation
import ResLab

/// Where the REPL and `reslab run` write: standard output (flushed at once, so output keeps its
/// order with standard error and with streamed cell output), its width and whether it takes colour.
final class TerminalOutput: @unchecked Sendable {
    // Unchecked: the fields are set once; writes go through stdio, which locks the stream.
    let useColor: Bool
    let width: Int

    init(useColor: Bool = TerminalColor.shouldUseColorOnStandardOutput(), width: Int = TerminalOutput.columns()) {
        self.useColor = useColor
        self.width = width
    }

    /// Writes `text` as is.
    func write(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    /// Writes `text` and a line break.
    func line(_ text: String = "") {
        write(text + "\n")
    }

    /// Writes `text` to standard error, after what standard output holds.
    func error(_ text: String) {
        fflush(stdout)
        fputs(text.hasSuffix("\n") ? text : text + "\n", stderr)
    }

    /// `text` in the given SGR style (`1` bold, `2` dim, `31` red, `32` green, `33` yellow) when
    /// colour is on.
    func styled(_ text: String, _ codes: String) -> String {
        useColor ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    /// The terminal's width in columns: standard output's window size, else `COLUMNS`, else 80.
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
