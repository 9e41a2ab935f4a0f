/// Keys as a terminal sends them to the program (xterm's encoding, which readline binds).
enum TerminalKey: String {
    case enter = "\r"
    case tab = "\t"
    case up = "\u{1B}[A"
    case down = "\u{1B}[B"
    case right = "\u{1B}[C"
    case left = "\u{1B}[D"
    case backspace = "\u{7F}"
    /// Ctrl-C: the terminal turns it into SIGINT for the foreground process.
    case controlC = "\u{03}"
    /// Ctrl-D: end of input on an empty line.
    case controlD = "\u{04}"
}
