import Foundation

/// Number formats shared by the terminal and SVG renderers.
enum PlotNumber {
    /// A tick label for `value` on an axis whose ticks are `step` apart: just enough decimals to
    /// tell neighbouring ticks apart (step 0.25 → 2 decimals, step 5 → none), or exponent
    /// notation for magnitudes of 10⁶ and more or steps below 10⁻⁴.
    static func tick(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1e6 || step < 1e-4 { return exponent(value) }
        var decimals = 0
        while decimals < 6 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { break }
            decimals += 1
        }
        return String(format: "%.\(decimals)f", value)
    }

    /// A label for the power of ten `10^exponent` on a log axis: `0.001` … `10000`, else `1e-5`.
    static func power(ofTen exponent: Int) -> String {
        if exponent >= 0 && exponent <= 4 { return String(format: "%.0f", pow(10, Double(exponent))) }
        if exponent < 0 && exponent >= -3 { return String(format: "%.\(-exponent)f", pow(10, Double(exponent))) }
        return "1e\(exponent)"
    }

    /// A value shown beside a bar or in a note: 3 significant digits (`0.0123`, `1.23e-5`,
    /// `512`), `nan`, `inf` or `-inf`.
    static func compact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return exponent(value)
    }

    /// `%.3g`, with the exponent (when there is one) written without padding.
    private static func exponent(_ value: Double) -> String {
        // `%g`'s exponent has a sign and two digits; drop the padding: 1e+06 → 1e6, 2.5e-05 → 2.5e-5.
        let text = String(format: "%.3g", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        let power = Int(text[text.index(after: e)...]) ?? 0
        return "\(mantissa)e\(power)"
    }
}
