/// One line of a terminal chart being composed: a row of single-width cells, each optionally in
/// a series' colour. Every character the charts use (braille, blocks, box drawing, markers) takes
/// one terminal column; so, by assumption, does every character of a title or label.
struct TerminalLine {
    private var cells: [(character: Character, series: Int?)]

    init(width: Int) {
        cells = Array(repeating: (" ", nil), count: max(0, width))
    }

    var width: Int { cells.count }

    /// Writes `text` from column `column`; what falls outside the line is cut off.
    mutating func put(_ text: String, at column: Int, series: Int? = nil) {
        for (offset, character) in text.enumerated() where column + offset >= 0 && column + offset < cells.count {
            cells[column + offset] = (character, series)
        }
    }

    mutating func put(_ character: Character, at column: Int, series: Int? = nil) {
        guard column >= 0 && column < cells.count else { return }
        cells[column] = (character, series)
    }

    /// Whether columns `range` hold only spaces.
    func isBlank(_ range: Range<Int>) -> Bool {
        range.clamped(to: 0..<cells.count).allSatisfy { cells[$0].character == " " }
    }

    /// The line without trailing spaces; with `colour`, cells of a series are wrapped in its ANSI
    /// colour (one escape per run of cells in the same colour).
    func rendered(colour: Bool) -> String {
        guard let last = cells.lastIndex(where: { $0.character != " " }) else { return "" }
        var text = ""
        var index = 0
        while index <= last {
            let series = colour ? cells[index].series : nil
            var run = ""
            while index <= last && (colour ? cells[index].series : nil) == series {
                run.append(cells[index].character)
                index += 1
            }
            text += series.map { PlotPalette.coloured(run, series: $0) } ?? run
        }
        return text
    }

    /// `text` centred in `width` columns (cut if longer), as a line.
    static func centred(_ text: String, width: Int) -> TerminalLine {
        var line = TerminalLine(width: width)
        line.put(text, at: max(0, (width - text.count) / 2))
        return line
    }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word is cut).
    static func wrapped(_ text: String, width: Int) -> [TerminalLine] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { text in
            var line = TerminalLine(width: width)
            line.put(text, at: 0)
            return line
        }
    }
}
