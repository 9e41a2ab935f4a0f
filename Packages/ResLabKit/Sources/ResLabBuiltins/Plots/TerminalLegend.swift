/// The legend under a terminal chart: `● plain   ■ residual`, each series' marker (in its colour
/// when colour is on) and name, wrapped to the chart's width. None when no series has a name.
enum TerminalLegend {
    static func lines(names: [String], width: Int) -> [TerminalLine] {
        guard names.contains(where: { !$0.isEmpty }) else { return [] }
        var lines: [TerminalLine] = []
        var line = TerminalLine(width: width)
        var column = 0
        for (series, name) in names.enumerated() {
            let itemWidth = 2 + name.count
            if column > 0 && column + 3 + itemWidth > width {
                lines.append(line)
                line = TerminalLine(width: width)
                column = 0
            }
            if column > 0 { column += 3 }
            line.put(PlotPalette.marker(series), at: column, series: series)
            line.put(name, at: column + 2)
            column += itemWidth
        }
        lines.append(line)
        return lines
    }
}
