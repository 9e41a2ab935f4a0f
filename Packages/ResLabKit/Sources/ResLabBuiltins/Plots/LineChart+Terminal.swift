extension LineChart {
    /// The chart drawn with Unicode characters, `width` columns by `height` lines (lines carry no
    /// trailing spaces and are joined by `\n`, with no final newline).
    ///
    /// Layout, top to bottom: the title (centred), the y label, the plot (y tick labels, `┤`/`│`,
    /// then braille lines with each series' marker at its points), the x axis (`└──┬──`), x tick
    /// labels, the x label (centred), the legend, and a note naming values left out. Empty parts
    /// take no line. A point maps to the dot `x = round(p_x · (2·columns − 1))`,
    /// `y = round((1 − p_y) · (4·rows − 1))`, `p` being its position along each axis (0…1).
    ///
    /// - Parameter colour: each series in an ANSI colour (for terminals that support it; off
    ///   under `NO_COLOR` or when the output is not a terminal: that is the caller's decision).
    /// - Throws: `PlotError.tooSmall` if fewer than 2 plot rows or 8 plot columns remain;
    ///   `PlotError.logScaleNeedsPositiveValues` on a log axis with a value at or below 0.
    public func renderTerminal(width: Int = 72, height: Int = 20, colour: Bool = false) throws -> String {
        let data = try LineChartData(self)
        var header: [TerminalLine] = []
        if !title.isEmpty { header.append(.centred(title, width: width)) }
        if !yLabel.isEmpty { header += TerminalLine.wrapped(yLabel, width: width) }
        var footer: [TerminalLine] = []
        if !xLabel.isEmpty { footer.append(.centred(xLabel, width: width)) }
        footer += TerminalLegend.lines(names: series.map(\.name), width: width)
        if let note = data.skipped.note { footer += TerminalLine.wrapped("note: " + note, width: width) }

        let chrome = header.count + 2 + footer.count
        let rows = height - chrome
        guard rows >= 2 else {
            throw PlotError.tooSmall(width: width, height: height, minimumWidth: width, minimumHeight: chrome + 2)
        }
        let yAxis = data.yAxis(scale: yScale, targetIntervals: max(1, rows / 3))
        let gutter = yAxis.ticks.map(\.label.count).max() ?? 0
        let columns = width - gutter - 2
        guard columns >= 8 else {
            throw PlotError.tooSmall(width: width, height: height, minimumWidth: gutter + 10, minimumHeight: height)
        }
        let xAxis = data.xAxis(targetIntervals: max(1, columns / 10))

        var canvas = BrailleCanvas(columns: columns, rows: rows)
        func dot(_ point: PlotPoint) -> (x: Int, y: Int) {
            (Int((xAxis.position(of: point.x) * Double(2 * columns - 1)).rounded()),
             Int(((1 - yAxis.position(of: point.y)) * Double(4 * rows - 1)).rounded()))
        }
        for (index, runs) in data.runs.enumerated() {
            for run in runs {
                for (from, to) in zip(run, run.dropFirst()) {
                    canvas.drawLine(from: dot(from), to: dot(to), series: index)
                }
            }
        }
        // Markers after all lines, so a later series' line never hides an earlier series' point.
        for (index, runs) in data.runs.enumerated() {
            for point in runs.joined() {
                let position = dot(point)
                canvas.setMarker(PlotPalette.marker(index), x: position.x, y: position.y, series: index)
            }
        }

        var tickLabels: [Int: String] = [:]
        for tick in yAxis.ticks {
            let row = Int(((1 - tick.position) * Double(4 * rows - 1)).rounded()) / 4
            if tickLabels[row] == nil { tickLabels[row] = tick.label }
        }
        var plot: [TerminalLine] = []
        for row in 0..<rows {
            var line = TerminalLine(width: width)
            if let label = tickLabels[row] { line.put(label, at: gutter - label.count) }
            line.put(tickLabels[row] == nil ? "│" : "┤", at: gutter + 1)
            for column in 0..<columns {
                let cell = canvas.cell(column: column, row: row)
                line.put(cell.character, at: gutter + 2 + column, series: cell.series)
            }
            plot.append(line)
        }
        if data.xRange == nil {
            plot[(rows - 1) / 2].put("(no data)", at: gutter + 2 + max(0, (columns - 9) / 2))
        }

        var axis = TerminalLine(width: width)
        axis.put("└" + String(repeating: "─", count: columns), at: gutter + 1)
        var labels = TerminalLine(width: width)
        for tick in xAxis.ticks {
            let column = gutter + 2 + Int((tick.position * Double(2 * columns - 1)).rounded()) / 2
            axis.put("┬", at: column)
            let start = min(max(0, column - tick.label.count / 2), width - tick.label.count)
            guard labels.isBlank((start - 1)..<(start + tick.label.count + 1)) else { continue }
            labels.put(tick.label, at: start)
        }
        return (header + plot + [axis, labels] + footer).map { $0.rendered(colour: colour) }.joined(separator: "\n")
    }
}
