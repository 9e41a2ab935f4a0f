/// Removes terminal control sequences from a byte stream, so tests can assert on the text a
/// program wrote rather than on how the terminal was told to draw it.
///
/// Streaming: a sequence split across two `feed` calls is still removed whole. Removed: CSI
/// (`ESC [` … final byte 0x40–0x7E), OSC and other string sequences (`ESC ]`, `ESC P`, `ESC X`,
/// `ESC ^`, `ESC _`, up to BEL or `ESC \`), character-set designations (`ESC (` + one byte), other
/// two-byte escapes, and every C0 control character except newline and tab (so `\r\n` becomes
/// `\n`, and readline's carriage returns, backspaces and bells disappear).
struct ANSIStripper {
    private enum State { case text, escape, controlSequence, string, stringEscape, designation }
    private var state = State.text

    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var kept: [UInt8] = []
        for byte in bytes {
            switch state {
            case .text:
                if byte == 0x1B {
                    state = .escape
                } else if byte == 0x0A || byte == 0x09 || (byte >= 0x20 && byte != 0x7F) {
                    kept.append(byte)
                }
            case .escape:
                switch byte {
                case UInt8(ascii: "["): state = .controlSequence
                case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"),
                     UInt8(ascii: "_"): state = .string
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                     UInt8(ascii: "#"), UInt8(ascii: "%"): state = .designation
                default: state = .text
                }
            case .controlSequence:
                if (0x40...0x7E).contains(byte) { state = .text }
            case .string:
                if byte == 0x07 { state = .text } else if byte == 0x1B { state = .stringEscape }
            case .stringEscape:
                state = byte == UInt8(ascii: "\\") ? .text : .string
            case .designation:
                state = .text
            }
        }
        return kept
    }
}
