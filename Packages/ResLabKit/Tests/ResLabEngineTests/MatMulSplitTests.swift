import Testing
import ResLabEngine
import ResLabTestSupport

/// Products large enough that `matmul` splits them across workers (by C's rows, or by its columns
/// when C has more columns than rows), in every transpose combination, against the defining sum in Double.
@Suite struct MatMulSplitTests {
    @Test(arguments: [
        (160, 128, 96),   // more rows than columns: split by rows
        (96, 128, 160),   // more columns: split by columns
        (6, 96, 2048),    // too few rows: split by columns
    ], [(false, false), (true, false), (false, true), (true, true)])
    func matchesTheDefinition(sizes: (m: Int, k: Int, n: Int), transposes: (Bool, Bool)) throws {
        let (m, k, n) = sizes
        let (transposeA, transposeB) = transposes
        let a = try Tensor(randomUniform: transposeA ? [k, m] : [m, k], lowerBound: -1, upperBound: 1, seed: 11)
        let b = try Tensor(randomUniform: transposeB ? [n, k] : [k, n], lowerBound: -1, upperBound: 1, seed: 12)
        let c = try matmul(a, transposed: transposeA, b, transposed: transposeB)
        #expect(c.shape == [m, n])
        let (av, bv) = (a.scalars, b.scalars)
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let x = transposeA ? av[p * m + i] : av[i * k + p]
                    let y = transposeB ? bv[j * k + p] : bv[p * n + j]
                    sum += Double(x) * Double(y)
                }
                expected[i * n + j] = Float(sum)
            }
        }
        #expect(isApproximatelyEqual(c.scalars, expected, absolute: 1e-3))
    }
}
