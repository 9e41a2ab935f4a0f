import Foundation

/// A value axis: the domain it covers, how a value maps to a position along it, and its ticks.
///
/// Positions are fractions of the axis length, 0 at `lower`, 1 at `upper`. On a logarithmic axis
/// `lower` and `upper` are base-10 exponents and a value `v` sits at
/// `(log10(v) - lower) / (upper - lower)`.
struct PlotAxis {
    struct Tick: Equatable {
        /// Where the tick sits, as a fraction of the axis length.
        var position: Double
        var label: String
    }

    let scale: PlotScale
    let lower: Double
    let upper: Double
    let ticks: [Tick]

    /// Where `value` sits along the axis (outside 0…1 if it is outside the domain).
    func position(of value: Double) -> Double {
        let t = scale == .linear ? value : log10(value)
        return (t - lower) / (upper - lower)
    }

    /// A linear axis over `low…high` with ticks at multiples of a "nice" step: of 1, 2, 5 and
    /// 10 × 10ᵏ, the one nearest (by ratio) to `(high − low) / targetIntervals`. With `widen`, the domain grows to the ticks just outside the
    /// data (value axes); without, it is the data's range exactly (the x axis of a line chart). An
    /// empty range (`low == high`) is widened by half its value either way (by 1 around 0).
    static func linear(from low: Double, to high: Double, targetIntervals: Int, widen: Bool) -> PlotAxis {
        var (low, high) = (low, high)
        if low == high {
            let margin = low == 0 ? 1 : abs(low) / 2
            low -= margin
            high += margin
        }
        let raw = (high - low) / Double(max(1, targetIntervals))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }
            .min { abs(log($0 / raw)) < abs(log($1 / raw)) } ?? magnitude
        let lower = widen ? floor(low / step + 1e-9) * step : low
        let upper = widen ? ceil(high / step - 1e-9) * step : high
        let first = Int(ceil(lower / step - 1e-9))
        let last = Int(floor(upper / step + 1e-9))
        let ticks = (first...max(first, last)).map { k -> Tick in
            let value = Double(k) * step
            return Tick(position: (value - lower) / (upper - lower), label: PlotNumber.tick(value, step: step))
        }
        return PlotAxis(scale: .linear, lower: lower, upper: upper, ticks: ticks)
    }

    /// A base-10 logarithmic axis from a power of ten at or below `low` to the one at or above
    /// `high` (both above 0), with ticks at powers of ten: every one, or every `s`-th so that
    /// there are at most `targetIntervals` intervals, the lower end moved down to a tick so both
    /// ends carry one. With `strictlyBelow`, a `low` that is itself a power of ten gets the next
    /// power below, so a bar of that value still has a length.
    static func logarithmic(from low: Double, to high: Double, targetIntervals: Int,
                            strictlyBelow: Bool = false) -> PlotAxis {
        let lowExponent = log10(low)
        var lower = floor(lowExponent + 1e-9)
        if strictlyBelow && lower >= lowExponent - 1e-9 { lower -= 1 }
        var upper = ceil(log10(high) - 1e-9)
        if upper <= lower { upper = lower + 1 }
        let count = Int(upper - lower)
        let stride = max(1, Int((Double(count) / Double(max(1, targetIntervals))).rounded(.up)))
        lower = upper - Double(stride * Int((Double(count) / Double(stride)).rounded(.up)))
        let ticks = Swift.stride(from: Int(lower), through: Int(upper), by: stride).map { exponent in
            Tick(position: (Double(exponent) - lower) / (upper - lower), label: PlotNumber.power(ofTen: exponent))
        }
        return PlotAxis(scale: .logarithmic, lower: lower, upper: upper, ticks: ticks)
    }
}
