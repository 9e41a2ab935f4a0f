extension BarChart {
    /// The chart drawn with Unicode block characters, `width` columns wide and one line per bar
    /// (lines carry no trailing spaces and are joined by `\n`, with no final newline).
    ///
    /// Layout: the title (centred); per bar its label (cut to a third of the width), the bar and
    /// its value (3 significant digits) in a column of its own; the value axis (`──┬──`) with tick
    /// labels; the value label (centred); a note naming values left out. Bars have a resolution of
    /// ⅛ column to the right (`▏`…`▉`) and ½ column to the left of 0 (`▐`). A bar starts at the
    /// baseline (0, or a log axis's start) and is `round((p − p₀) · columns · 8)` eighths long,
    /// `p` and `p₀` being the value's and the baseline's positions along the axis (0…1).
    ///
    /// - Throws: `PlotError.tooSmall` if fewer than 8 columns remain for the bars;
    ///   `PlotError.logScaleNeedsPositiveValues` on a log axis with a value at or below 0.
    public func renderTerminal(width: Int = 72, colour: Bool = false) throws -> String {
        let data = try BarChartData(self)
        var lines: [TerminalLine] = []
        if !title.isEmpty { lines.append(.centred(title, width: width)) }
        guard !bars.isEmpty else {
            lines.append(.centred("(no data)", width: width))
            return lines.map { $0.rendered(colour: colour) }.joined(separator: "\n")
        }
        let labelWidth = min(bars.map(\.label.count).max() ?? 0, max(1, width / 3))
        let values = bars.map { PlotNumber.compact($0.value) }
        let valueWidth = values.map(\.count).max() ?? 0
        let columns = width - labelWidth - valueWidth - 2
        guard columns >= 8 else {
            throw PlotError.tooSmall(width: width, height: 0, minimumWidth: labelWidth + valueWidth + 10, minimumHeight: 0)
        }
        let axis = data.axis(scale: scale, targetIntervals: max(1, columns / 10))
        let barStart = labelWidth + 1
        let baseline = BarChartData.baseline(of: axis)
        let zero = Int((baseline * Double(columns)).rounded())

        for (bar, value) in zip(bars, values) {
            var line = TerminalLine(width: width)
            line.put(Self.cut(bar.label, to: labelWidth), at: 0)
            if bar.value.isFinite {
                // In columns, from the baseline. The baseline is snapped to a column edge, so a bar is
                // also clamped to the bar area, which it could overrun by half a column.
                let length = (axis.position(of: bar.value) - baseline) * Double(columns)
                if length >= 0 {
                    let eighths = min(Int((length * 8).rounded()), (columns - zero) * 8)
                    line.put(String(repeating: "█", count: eighths / 8) + Self.partialBlocks[eighths % 8],
                             at: barStart + zero, series: 0)
                } else {
                    let halves = min(Int((-length * 2).rounded()), zero * 2)
                    let text = (halves % 2 == 1 ? "▐" : "") + String(repeating: "█", count: halves / 2)
                    line.put(text, at: barStart + zero - text.count, series: 0)
                }
            }
            line.put(value, at: barStart + columns + 1)
            lines.append(line)
        }

        var axisLine = TerminalLine(width: width)
        axisLine.put(String(repeating: "─", count: columns), at: barStart)
        var tickLine = TerminalLine(width: width)
        for tick in axis.ticks {
            let column = barStart + min(columns - 1, Int((tick.position * Double(columns)).rounded()))
            axisLine.put("┬", at: column)
            let start = min(max(0, column - tick.label.count / 2), width - tick.label.count)
            guard tickLine.isBlank((start - 1)..<(start + tick.label.count + 1)) else { continue }
            tickLine.put(tick.label, at: start)
        }
        lines += [axisLine, tickLine]
        if !valueLabel.isEmpty { lines.append(.centred(valueLabel, width: width)) }
        if let note = data.skipped.note { lines += TerminalLine.wrapped("note: " + note, width: width) }
        return lines.map { $0.rendered(colour: colour) }.joined(separator: "\n")
    }

    /// `""`, then ⅛ … ⅞ of a column, filled from the left.
    private static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `label` cut to `width` columns, ending in `…` when cut.
    private static func cut(_ label: String, to width: Int) -> String {
        label.count <= width ? label : String(label.prefix(max(0, width - 1))) + "…"
    }
}
