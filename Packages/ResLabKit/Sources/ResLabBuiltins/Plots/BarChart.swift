/// A horizontal bar chart: one labelled bar per value, e.g. the gradient norm of each layer, from
/// the input (top) to the output (bottom).
///
/// The value axis is linear (from 0, or across 0 when some values are negative, widened to whole
/// ticks) or base-10 logarithmic (`scale`), which shows the gradient norms of a deep plain network
/// shrinking by orders of magnitude. NaN and infinite values get no bar and are noted.
public struct BarChart: Equatable, Sendable {
    public var title: String
    /// What the values are (`gradient norm`), shown under the value axis.
    public var valueLabel: String
    public var scale: PlotScale
    public var bars: [PlotBar]

    public init(title: String = "", valueLabel: String = "", scale: PlotScale = .linear, bars: [PlotBar]) {
        self.title = title
        self.valueLabel = valueLabel
        self.scale = scale
        self.bars = bars
    }

    /// Bars from parallel arrays of labels and values (extra entries of the longer array are
    /// dropped).
    public init(title: String = "", valueLabel: String = "", scale: PlotScale = .linear,
                labels: [String], values: [Double]) {
        self.init(title: title, valueLabel: valueLabel, scale: scale,
                  bars: zip(labels, values).map { PlotBar(label: $0, value: $1) })
    }
}

/// What both renderers draw of a `BarChart`: the finite values' range and what was left out.
struct BarChartData {
    let skipped: SkippedValues
    /// The range of the finite values; `nil` when there is none.
    let range: ClosedRange<Double>?

    /// - Throws: `PlotError.logScaleNeedsPositiveValues` for a finite value at or below 0 on a log axis.
    init(_ chart: BarChart) throws {
        var skipped = SkippedValues()
        var values: [Double] = []
        for (index, bar) in chart.bars.enumerated() {
            guard bar.value.isFinite else {
                skipped.add("\(bar.label) (\(PlotNumber.compact(bar.value)))")
                continue
            }
            if chart.scale == .logarithmic && bar.value <= 0 {
                throw PlotError.logScaleNeedsPositiveValues(series: bar.label, index: index, value: bar.value)
            }
            values.append(bar.value)
        }
        self.skipped = skipped
        if let low = values.min(), let high = values.max() { range = low...high } else { range = nil }
    }

    /// The value axis: linear from 0 (or across it), or logarithmic with the smallest value
    /// strictly inside; 0…1 when no value is finite.
    func axis(scale: PlotScale, targetIntervals: Int) -> PlotAxis {
        guard let range else { return .linear(from: 0, to: 1, targetIntervals: targetIntervals, widen: true) }
        switch scale {
        case .linear:
            return .linear(from: min(0, range.lowerBound), to: max(0, range.upperBound),
                           targetIntervals: targetIntervals, widen: true)
        case .logarithmic:
            return .logarithmic(from: range.lowerBound, to: range.upperBound,
                                targetIntervals: targetIntervals, strictlyBelow: true)
        }
    }

    /// Where a bar starts along the axis (0…1): at 0 on a linear axis, at the axis's start on a
    /// log axis.
    static func baseline(of axis: PlotAxis) -> Double {
        axis.scale == .linear ? min(1, max(0, axis.position(of: 0))) : 0
    }
}
