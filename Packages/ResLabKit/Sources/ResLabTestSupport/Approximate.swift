import ResLabEngine

/// Whether two arrays agree elementwise within `absolute + relative * |expected|`.
///
/// The tolerance is stated by each test; the default suits Float32 results of a few operations.
public func isApproximatelyEqual(_ actual: [Float], _ expected: [Float],
                                 absolute: Float = 1e-5, relative: Float = 1e-4) -> Bool {
    guard actual.count == expected.count else { return false }
    for (a, e) in zip(actual, expected) {
        if a.isNaN || e.isNaN { return false }
        if abs(a - e) > absolute + relative * abs(e) { return false }
    }
    return true
}
