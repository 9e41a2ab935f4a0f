import ResLabPlugin

/// The comparisons behind `expectEqual` and `expectShape`, each returning the failure to report
/// (nil when the check passes).
enum ValueComparison {
    /// Whether `actual` is within `tolerance` of `expected`:
    /// `|actual − expected| ≤ tolerance × max(1, |expected|)`, an absolute tolerance for values up
    /// to 1 in magnitude and a relative one beyond (Float32 results of 578.137 cannot match to 1e-4
    /// absolutely). NaN matches nothing; infinities match only themselves.
    static func isClose(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
        if actual == expected { return true }
        guard actual.isFinite, expected.isFinite else { return false }
        return abs(actual - expected) <= tolerance * max(1, abs(expected))
    }

    /// Compares two values of the language (numbers, arrays, tensors, strings, Booleans).
    static func equal(actual: ComparableValue, expected: ComparableValue, tolerance: Double) -> AssertionFailure? {
        switch (actual, expected) {
        case let (.number(a, actualStyle), .number(e, expectedStyle)):
            guard !isClose(a, e, tolerance: tolerance) else { return nil }
            return AssertionFailure("the values differ" + describe(tolerance: tolerance),
                                    expected: expectedStyle.format(e), actual: actualStyle.format(a))
        case let (.numbers(actualShape, a, actualStyle), .numbers(expectedShape, e, expectedStyle)):
            guard actualShape == expectedShape else {
                return AssertionFailure("the shapes differ", expected: "shape \(expectedShape)", actual: "shape \(actualShape)")
            }
            return elementwise(shape: actualShape, actual: a, actualStyle: actualStyle,
                               expected: e, expectedStyle: expectedStyle, tolerance: tolerance)
        case let (.text(a), .text(e)):
            return a == e ? nil : AssertionFailure("the strings differ", expected: quoted(e), actual: quoted(a))
        case let (.bool(a), .bool(e)):
            return a == e ? nil : AssertionFailure("the Booleans differ", expected: String(e), actual: String(a))
        default:
            return AssertionFailure("cannot compare \(actual.kind) with \(expected.kind)",
                                    expected: expected.kind, actual: actual.kind)
        }
    }

    /// Element by element: how many differ, and the largest difference with its index.
    private static func elementwise(shape: [Int], actual: [Double], actualStyle: NumberStyle,
                                    expected: [Double], expectedStyle: NumberStyle, tolerance: Double) -> AssertionFailure? {
        var mismatches = 0
        var worst: (offset: Int, difference: Double)?
        for offset in actual.indices where !isClose(actual[offset], expected[offset], tolerance: tolerance) {
            mismatches += 1
            let difference = abs(actual[offset] - expected[offset])
            // A NaN (or infinite) difference outranks any finite one, so that it is the element shown.
            let outranks = worst.map { current in
                !current.difference.isNaN && (difference.isNaN || difference > current.difference)
            } ?? true
            if outranks { worst = (offset, difference) }
        }
        guard let worst else { return nil }
        let index = multiIndex(of: worst.offset, in: shape)
        let at = shape.isEmpty ? "" : " at \(index)"
        return AssertionFailure(
            "\(mismatches) of \(actual.count) values differ\(describe(tolerance: tolerance)); the largest difference is\(at)",
            expected: expectedStyle.format(expected[worst.offset]) + at,
            actual: actualStyle.format(actual[worst.offset]) + at)
    }

    /// Compares a value's shape with the shape expected. A symbolic tensor's unknown batch extent
    /// matches any expected extent.
    static func shape(of value: Value, expected: [Int]) -> AssertionFailure? {
        guard let actual = ComparableValue.shape(of: value) else {
            return AssertionFailure("the value has no shape (it is a \(value.type), not a tensor or an array)",
                                    expected: "shape \(expected)", actual: "\(value.type)")
        }
        let matches = actual.count == expected.count && zip(actual, expected).allSatisfy { $0 == nil || $0 == $1 }
        let shown = "[" + actual.map { $0.map(String.init) ?? "nil" }.joined(separator: ", ") + "]"
        return matches ? nil : AssertionFailure("the shape is wrong", expected: "shape \(expected)", actual: "shape \(shown)")
    }

    /// The row-major multi-index of element `offset` of a tensor of `shape`.
    static func multiIndex(of offset: Int, in shape: [Int]) -> [Int] {
        var index = Array(repeating: 0, count: shape.count)
        var rest = offset
        for axis in shape.indices.reversed() where shape[axis] > 0 {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }

    private static func describe(tolerance: Double) -> String {
        tolerance > 0 ? " (tolerance \(tolerance))" : ""
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
