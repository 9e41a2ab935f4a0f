/// Why a chart cannot be drawn.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// A logarithmic axis was asked for, but `series` (a line's name or a bar's label) has a value
    /// at or below 0 at position `index` (0-based).
    case logScaleNeedsPositiveValues(series: String, index: Int, value: Double)
    /// The size asked for cannot hold the chart's axes, labels, legend and notes. Heights are 0
    /// for charts whose height follows from their content (bar charts).
    case tooSmall(width: Int, height: Int, minimumWidth: Int, minimumHeight: Int)
    /// A series was built from `x` and `y` arrays of different lengths.
    case mismatchedLengths(series: String, xCount: Int, yCount: Int)

    public var description: String {
        switch self {
        case .logScaleNeedsPositiveValues(let series, let index, let value):
            return "cannot draw '\(series)' on a log scale: its value at position \(index) is "
                + "\(PlotNumber.compact(value)), and a log scale needs values above 0; "
                + "use scale: .linear, or leave out the values at or below 0"
        case .tooSmall(let width, 0, let minimumWidth, 0):
            return "a chart \(width) wide is too narrow for its labels, bars and values; it needs a width of at least \(minimumWidth)"
        case .tooSmall(let width, let height, let minimumWidth, let minimumHeight):
            return "a chart of \(width)×\(height) is too small for its axes, legend and notes; "
                + "it needs at least \(minimumWidth)×\(minimumHeight)"
        case .mismatchedLengths(let series, let xCount, let yCount):
            return "series '\(series)' has \(xCount) x values but \(yCount) y values; give one y for each x"
        }
    }
}
