/// One point of a line chart.
public struct PlotPoint: Equatable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named line of a line chart. Points are joined in the order given; a point whose `x` or `y`
/// is NaN or infinite is left out (the line breaks there) and the chart notes it.
public struct PlotSeries: Equatable, Sendable {
    public var name: String
    public var points: [PlotPoint]

    public init(name: String, points: [PlotPoint]) {
        self.name = name
        self.points = points
    }

    /// `values[i]` at `x = firstX + i`: loss per epoch with `firstX = 1`.
    public init(name: String, values: [Double], firstX: Double = 1) {
        self.init(name: name, points: values.enumerated().map { PlotPoint(x: firstX + Double($0.offset), y: $0.element) })
    }

    /// `y[i]` at `x[i]`: training error against depth.
    /// - Throws: `PlotError.mismatchedLengths` if the arrays differ in length.
    public init(name: String, x: [Double], y: [Double]) throws {
        guard x.count == y.count else {
            throw PlotError.mismatchedLengths(series: name, xCount: x.count, yCount: y.count)
        }
        self.init(name: name, points: zip(x, y).map { PlotPoint(x: $0, y: $1) })
    }
}

/// One bar of a bar chart: gradient norm of one layer.
public struct PlotBar: Equatable, Sendable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// How values map to length along the value axis.
public enum PlotScale: Equatable, Sendable {
    case linear
    /// Base-10 logarithmic: equal ratios take equal lengths. Needs values above 0.
    case logarithmic
}
