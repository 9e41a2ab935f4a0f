extension BarChart {
    /// The chart as a standalone SVG document `width` px wide and as tall as its bars need
    /// (24 px a bar): title, one bar per finite value from the baseline (0, or a log axis's start)
    /// in the first series colour, labels on the left, values on the right, vertical grid lines at
    /// the value axis's ticks, the value label and a note naming values left out. Element classes
    /// are those of `LineChart.renderSVG`, with `bar`, `bar-label` and `bar-value`.
    ///
    /// - Throws: `PlotError.tooSmall` if fewer than 40 px remain for the bars;
    ///   `PlotError.logScaleNeedsPositiveValues` on a log axis with a value at or below 0.
    public func renderSVG(width: Int = 640) throws -> String {
        let data = try BarChartData(self)
        let rowHeight = 24.0
        let top = title.isEmpty ? 16.0 : 40
        let values = bars.map { PlotNumber.compact($0.value) }
        let left = 16 + (bars.map { SVGDocument.estimatedWidth($0.label) }.max() ?? 0) + 8
        let right = Double(width) - 16 - (values.map { SVGDocument.estimatedWidth($0) }.max() ?? 0) - 8
        guard right - left >= 40 else {
            throw PlotError.tooSmall(width: width, height: 0, minimumWidth: Int((Double(width) - (right - left) + 40).rounded(.up)),
                                     minimumHeight: 0)
        }
        let footer = SVGFooter(names: [], note: data.skipped.note, width: Double(width) - 32)
        let plotBottom = top + Double(max(1, bars.count)) * rowHeight
        let height = plotBottom + 26 + (valueLabel.isEmpty ? 0 : 20) + footer.height + 10
        let axis = data.axis(scale: scale, targetIntervals: max(1, Int((right - left) / 80)))
        let baseline = left + BarChartData.baseline(of: axis) * (right - left)

        var svg = SVGDocument(width: width, height: Int(height.rounded(.up)))
        if !title.isEmpty {
            svg.text(title, class: "title", x: Double(width) / 2, y: 26, anchor: .middle, size: 16, bold: true)
        }
        for tick in axis.ticks {
            let x = left + tick.position * (right - left)
            svg.line(class: "grid", from: (x, top), to: (x, plotBottom), stroke: "#e5e5e5")
            svg.line(class: "tick", from: (x, plotBottom), to: (x, plotBottom + 4), stroke: "#333333")
            svg.text(tick.label, class: "tick-label", x: x, y: plotBottom + 18, anchor: .middle)
        }
        if bars.isEmpty {
            svg.text("(no data)", class: "note", x: (left + right) / 2, y: top + rowHeight / 2 + 4, anchor: .middle,
                     fill: "#666666")
        }
        for (index, (bar, value)) in zip(bars, values).enumerated() {
            let y = top + Double(index) * rowHeight
            svg.text(bar.label, class: "bar-label", x: left - 8, y: y + rowHeight / 2 + 4, anchor: .end)
            if bar.value.isFinite {
                let end = left + axis.position(of: bar.value) * (right - left)
                svg.rect(class: "bar", x: min(baseline, end), y: y + 4, width: abs(end - baseline),
                         height: rowHeight - 8, fill: PlotPalette.svgColour(0))
            }
            svg.text(value, class: "bar-value", x: right + 8, y: y + rowHeight / 2 + 4)
        }
        svg.line(class: "axis", from: (baseline, top), to: (baseline, plotBottom), stroke: "#333333")
        svg.line(class: "axis", from: (left, plotBottom), to: (right, plotBottom), stroke: "#333333")
        if !valueLabel.isEmpty {
            svg.text(valueLabel, class: "axis-label", x: (left + right) / 2, y: plotBottom + 40, anchor: .middle)
        }
        footer.draw(in: &svg, left: 16, top: plotBottom + 26 + (valueLabel.isEmpty ? 0 : 20) + 6)
        return svg.rendered(title: title.isEmpty ? "Bar chart" : title)
    }
}
