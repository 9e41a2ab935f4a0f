/// The legend and the notes under an SVG chart: laid out first (to know their height), drawn
/// once the plot's size is settled.
struct SVGFooter {
    /// Height of one legend row and one note line, in px.
    static let legendRowHeight = 18.0
    static let noteLineHeight = 14.0

    /// Legend items (series index, name, x offset from the left margin) by row.
    let legendRows: [[(series: Int, name: String, x: Double)]]
    let noteLines: [String]

    /// Lays out a legend of `names` (none if all are empty) and `note` in `width` px.
    init(names: [String], note: String?, width: Double) {
        var rows: [[(series: Int, name: String, x: Double)]] = []
        if names.contains(where: { !$0.isEmpty }) {
            var row: [(series: Int, name: String, x: Double)] = []
            var x = 0.0
            for (series, name) in names.enumerated() {
                let itemWidth = 22 + SVGDocument.estimatedWidth(name)
                if !row.isEmpty && x + itemWidth > width {
                    rows.append(row)
                    row = []
                    x = 0
                }
                row.append((series, name, x))
                x += itemWidth + 16
            }
            rows.append(row)
        }
        legendRows = rows
        var lines: [String] = []
        if let note {
            let perLine = max(10, Int(width / (11 * 0.6)))
            var current = ""
            for word in ("note: " + note).split(separator: " ") {
                if !current.isEmpty && current.count + 1 + word.count > perLine {
                    lines.append(current)
                    current = ""
                }
                current += (current.isEmpty ? "" : " ") + word
            }
            if !current.isEmpty { lines.append(current) }
        }
        noteLines = lines
    }

    var height: Double {
        Double(legendRows.count) * Self.legendRowHeight + Double(noteLines.count) * Self.noteLineHeight
    }

    /// Draws the legend (a short line in each series' colour, then its name) and the notes, from
    /// `top`, starting at `left`.
    func draw(in document: inout SVGDocument, left: Double, top: Double) {
        var y = top
        for row in legendRows {
            for item in row {
                let colour = PlotPalette.svgColour(item.series)
                document.line(class: "legend-key", from: (left + item.x, y + 9), to: (left + item.x + 16, y + 9),
                              stroke: colour, strokeWidth: 3)
                document.text(item.name, class: "legend", x: left + item.x + 22, y: y + 13)
            }
            y += Self.legendRowHeight
        }
        for line in noteLines {
            document.text(line, class: "note", x: left, y: y + 11, size: 11, fill: "#666666")
            y += Self.noteLineHeight
        }
    }
}
