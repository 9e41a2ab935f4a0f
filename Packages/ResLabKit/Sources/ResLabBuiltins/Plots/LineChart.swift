/// A line chart of one or more named series: loss per epoch, or training error against depth for
/// plain and residual networks.
///
/// Render it for the terminal (`renderTerminal`, Unicode braille) or as a standalone SVG document
/// (`renderSVG`). The x axis is linear and spans the data exactly; the y axis is linear (widened
/// to whole ticks) or base-10 logarithmic (`yScale`). NaN and infinite values are left out and
/// noted under the chart; a constant series or a single point gets a domain around its value.
public struct LineChart: Equatable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var yScale: PlotScale
    public var series: [PlotSeries]

    public init(title: String = "", xLabel: String = "", yLabel: String = "", yScale: PlotScale = .linear,
                series: [PlotSeries]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.series = series
    }
}

/// What both renderers draw of a `LineChart`: each series cut into runs of consecutive finite
/// points, the ranges those cover, and what was left out.
struct LineChartData {
    /// `runs[s]`: series `s`'s runs; a NaN or infinite value ends a run.
    let runs: [[[PlotPoint]]]
    let skipped: SkippedValues
    /// The finite points' x and y ranges; `nil` when there is no finite point at all.
    let xRange: ClosedRange<Double>?
    let yRange: ClosedRange<Double>?

    /// - Throws: `PlotError.logScaleNeedsPositiveValues` for a finite y at or below 0 on a log axis.
    init(_ chart: LineChart) throws {
        var runs: [[[PlotPoint]]] = []
        var skipped = SkippedValues()
        var xs: [Double] = []
        var ys: [Double] = []
        for series in chart.series {
            var seriesRuns: [[PlotPoint]] = []
            var run: [PlotPoint] = []
            for (index, point) in series.points.enumerated() {
                guard point.x.isFinite && point.y.isFinite else {
                    skipped.add(point.x.isFinite
                        ? "\(series.name) at x = \(PlotNumber.compact(point.x)) (\(PlotNumber.compact(point.y)))"
                        : "\(series.name) point \(index) (x is \(PlotNumber.compact(point.x)))")
                    if !run.isEmpty { seriesRuns.append(run); run = [] }
                    continue
                }
                if chart.yScale == .logarithmic && point.y <= 0 {
                    throw PlotError.logScaleNeedsPositiveValues(series: series.name, index: index, value: point.y)
                }
                run.append(point)
                xs.append(point.x)
                ys.append(point.y)
            }
            if !run.isEmpty { seriesRuns.append(run) }
            runs.append(seriesRuns)
        }
        self.runs = runs
        self.skipped = skipped
        if let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() {
            xRange = xMin...xMax
            yRange = yMin...yMax
        } else {
            xRange = nil
            yRange = nil
        }
    }

    /// The y axis over the data (0…1 when there is none).
    func yAxis(scale: PlotScale, targetIntervals: Int) -> PlotAxis {
        guard let yRange else { return .linear(from: 0, to: 1, targetIntervals: targetIntervals, widen: true) }
        switch scale {
        case .linear:
            return .linear(from: yRange.lowerBound, to: yRange.upperBound, targetIntervals: targetIntervals, widen: true)
        case .logarithmic:
            return .logarithmic(from: yRange.lowerBound, to: yRange.upperBound, targetIntervals: targetIntervals)
        }
    }

    /// The x axis over the data exactly (0…1 when there is none).
    func xAxis(targetIntervals: Int) -> PlotAxis {
        .linear(from: xRange?.lowerBound ?? 0, to: xRange?.upperBound ?? 1,
                targetIntervals: targetIntervals, widen: false)
    }
}
