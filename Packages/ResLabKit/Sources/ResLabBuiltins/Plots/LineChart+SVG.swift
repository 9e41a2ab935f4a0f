extension LineChart {
    /// The chart as a standalone SVG document of `width` × `height` px: title, y ticks with
    /// horizontal grid lines, x ticks, axis labels, one polyline per run of finite points in each
    /// series' colour (with a dot at every point for series of at most 50 points, and always for a
    /// lone point), the legend and a note naming values left out. Elements carry classes
    /// (`title`, `axis`, `grid`, `tick`, `tick-label`, `axis-label`, `series`, `point`, `legend`,
    /// `note`) so that pages can style them.
    ///
    /// - Throws: `PlotError.tooSmall` if the plot area would be under 40 × 40 px;
    ///   `PlotError.logScaleNeedsPositiveValues` on a log axis with a value at or below 0.
    public func renderSVG(width: Int = 640, height: Int = 400) throws -> String {
        let data = try LineChartData(self)
        let top = title.isEmpty ? 16.0 : 40
        let footer = SVGFooter(names: series.map(\.name), note: data.skipped.note, width: Double(width) - 32)
        let bottom = 26 + (xLabel.isEmpty ? 0 : 20) + footer.height + 10
        let plotHeight = Double(height) - top - bottom
        guard plotHeight >= 40 else {
            throw PlotError.tooSmall(width: width, height: height, minimumWidth: width,
                                     minimumHeight: Int((top + bottom + 40).rounded(.up)))
        }
        let yAxis = data.yAxis(scale: yScale, targetIntervals: max(1, Int(plotHeight / 60)))
        let tickWidth = yAxis.ticks.map { SVGDocument.estimatedWidth($0.label) }.max() ?? 0
        let left = 16 + (yLabel.isEmpty ? 0 : 20) + tickWidth + 8
        let right = Double(width) - 20
        guard right - left >= 40 else {
            throw PlotError.tooSmall(width: width, height: height,
                                     minimumWidth: Int((left + 60).rounded(.up)), minimumHeight: height)
        }
        let plotBottom = top + plotHeight
        let xAxis = data.xAxis(targetIntervals: max(1, Int((right - left) / 80)))
        func place(_ point: PlotPoint) -> (Double, Double) {
            (left + xAxis.position(of: point.x) * (right - left), plotBottom - yAxis.position(of: point.y) * plotHeight)
        }

        var svg = SVGDocument(width: width, height: height)
        if !title.isEmpty {
            svg.text(title, class: "title", x: Double(width) / 2, y: 26, anchor: .middle, size: 16, bold: true)
        }
        for tick in yAxis.ticks {
            let y = plotBottom - tick.position * plotHeight
            svg.line(class: "grid", from: (left, y), to: (right, y), stroke: "#e5e5e5")
            svg.line(class: "tick", from: (left - 4, y), to: (left, y), stroke: "#333333")
            svg.text(tick.label, class: "tick-label", x: left - 6, y: y + 4, anchor: .end)
        }
        for tick in xAxis.ticks {
            let x = left + tick.position * (right - left)
            svg.line(class: "tick", from: (x, plotBottom), to: (x, plotBottom + 4), stroke: "#333333")
            svg.text(tick.label, class: "tick-label", x: x, y: plotBottom + 18, anchor: .middle)
        }
        svg.line(class: "axis", from: (left, top), to: (left, plotBottom), stroke: "#333333")
        svg.line(class: "axis", from: (left, plotBottom), to: (right, plotBottom), stroke: "#333333")
        if !yLabel.isEmpty {
            svg.text(yLabel, class: "axis-label", x: 20, y: top + plotHeight / 2, anchor: .middle, rotated: true)
        }
        if !xLabel.isEmpty {
            svg.text(xLabel, class: "axis-label", x: (left + right) / 2, y: plotBottom + 40, anchor: .middle)
        }
        if data.xRange == nil {
            svg.text("(no data)", class: "note", x: (left + right) / 2, y: top + plotHeight / 2, anchor: .middle,
                     fill: "#666666")
        }
        for (index, runs) in data.runs.enumerated() {
            let colour = PlotPalette.svgColour(index)
            let dotted = series[index].points.count <= 50
            for run in runs {
                if run.count > 1 { svg.polyline(class: "series", points: run.map(place), stroke: colour) }
                if dotted || run.count == 1 {
                    for point in run { svg.circle(class: "point", centre: place(point), radius: 3, fill: colour) }
                }
            }
        }
        footer.draw(in: &svg, left: 16, top: plotBottom + 26 + (xLabel.isEmpty ? 0 : 20) + 6)
        return svg.rendered(title: title.isEmpty ? "Line chart" : title)
    }
}
