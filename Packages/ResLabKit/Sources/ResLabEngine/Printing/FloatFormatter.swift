import Foundation

/// Formats the elements of one array the way NumPy's `str()` does with its default options
/// (precision 8, `floatmode='maxprec'`): the shortest digits that identify each Float32, at most
/// eight after the point, every element padded to a common width so that columns align.
///
/// Positional notation unless the non-zero magnitudes reach 1e8, go below 1e-4, or span more than
/// a factor of 1000; then scientific, with mantissas padded to the same number of digits.
struct FloatFormatter {
    private var scientific = false
    private var padLeft = 0
    private var padRight = 0
    private var mantissaDigits = 0

    /// A formatter sized for `values` (the elements that will be shown). Exponents take at least
    /// two digits, which is all a Float needs (|exponent| ≤ 45).
    init(for values: [Float]) {
        let finite = values.filter { $0.isFinite }
        let magnitudes = finite.filter { $0 != 0 }.map { Swift.abs($0) }
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            scientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1000
        }
        if scientific {
            let parts = finite.map(Self.scientificParts)
            mantissaDigits = parts.map(\.fraction.count).max() ?? 0
            padLeft = parts.map(\.integer.count).max() ?? 0
            padRight = 4 + mantissaDigits
        } else {
            let parts = finite.map(Self.positionalParts)
            padLeft = parts.map(\.integer.count).max() ?? 0
            padRight = parts.map(\.fraction.count).max() ?? 0
        }
        if finite.count != values.count {
            // Room for "nan", "inf" or "-inf" in the column.
            let infinityWidth = values.contains { $0 == -.infinity } ? 4 : 3
            padLeft = Swift.max(padLeft, Swift.max(3, infinityWidth) - (padRight + 1))
        }
    }

    func format(_ value: Float) -> String {
        guard value.isFinite else {
            let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: Swift.max(0, padLeft + padRight + 1 - text.count)) + text
        }
        if scientific {
            // Mantissas are padded with the value's further exact digits, not zeros, as NumPy's
            // Dragon4 does (2/3 as Float prints 6.6666669e-01 beside seven-digit neighbours);
            // C's %e gives exactly those digits. `#` keeps the point when there are no digits after it.
            let text = String(format: "%#.\(mantissaDigits)e", Double(value))
            let point = text.firstIndex(of: ".") ?? text.startIndex
            return leftPadded(String(text[..<point])) + text[point...]
        }
        let parts = Self.positionalParts(value)
        return leftPadded(parts.integer) + "." + parts.fraction + String(repeating: " ", count: padRight - parts.fraction.count)
    }

    private func leftPadded(_ text: String) -> String {
        String(repeating: " ", count: Swift.max(0, padLeft - text.count)) + text
    }

    // MARK: - Shortest digits

    /// The shortest decimal digits that read back as `value` (no leading or trailing zeros) and the
    /// position of the decimal point relative to them: value = 0.d₁d₂… × 10^point.
    private static func shortestDigits(_ value: Float) -> (negative: Bool, digits: [Character], point: Int) {
        var text = Swift.abs(value).description  // Swift prints the shortest round-tripping digits
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = Array(pieces[0]), fraction = pieces.count > 1 ? Array(pieces[1]) : []
        var digits = integer + fraction
        var point = integer.count + exponent
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        return (value.sign == .minus, digits, digits.isEmpty ? 1 : point)
    }

    private static func positionalParts(_ value: Float) -> (integer: String, fraction: String) {
        let (negative, digits, point) = shortestDigits(value)
        let sign = negative ? "-" : ""
        var integer: String, fraction: String
        if point <= 0 {
            integer = "0"
            fraction = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            integer = String(digits) + String(repeating: "0", count: point - digits.count)
            fraction = ""
        } else {
            integer = String(digits[..<point])
            fraction = String(digits[point...])
        }
        if integer.isEmpty { integer = "0" }
        if fraction.count > 8 {
            // More than the precision: round to eight places, then drop trailing zeros.
            let rounded = String(format: "%.8f", Swift.abs(Double(value)))
            let pieces = rounded.split(separator: ".")
            integer = String(pieces[0])
            fraction = String(pieces.count > 1 ? pieces[1] : "")
            while fraction.last == "0" { fraction.removeLast() }
        }
        return (sign + integer, fraction)
    }

    /// The shortest mantissa of `value` in scientific notation, split at the point ("-1", "5" for -1.5e-05).
    private static func scientificParts(_ value: Float) -> (integer: String, fraction: String) {
        let (negative, digits, _) = shortestDigits(value)
        let sign = negative ? "-" : ""
        guard let first = digits.first else { return (sign + "0", "") }
        return (sign + String(first), String(digits.dropFirst()))
    }
}
