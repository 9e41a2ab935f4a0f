import Testing
@testable import ResLabEngine

/// Adam's vectorised update (each variant the CPU can run: AVX-512, AVX2) against its scalar loop
/// (bit for bit) and a value worked by hand.
struct OptimizerKernelsTests {
    @Test(arguments: [Int32(512), 256])
    func theVectorUpdateIsTheScalarOneBitForBit(width: Int32) throws {
        guard width <= OwnGEMM.nativeWidth else { return }
        let count = 16 * 67 + 7  // whole vectors and a scalar tail
        var p = try Tensor(randomUniform: [count], lowerBound: -1, upperBound: 1, seed: 1).scalars
        let g = try Tensor(randomNormal: [count], mean: 0, standardDeviation: 3, seed: 2).scalars
        var m = try Tensor(randomUniform: [count], lowerBound: -0.1, upperBound: 0.1, seed: 3).scalars
        var v = try Tensor(randomUniform: [count], lowerBound: 0, upperBound: 0.01, seed: 4).scalars
        var (p2, m2, v2) = (p, m, v)
        for _ in 0..<3 {
            OptimizerKernels.adamUpdate(&p, gradient: g, m: &m, v: &v, count: count, alpha: 0.001, keep1: 0.1, keep2: 0.001, epsilon: 1e-7,
                                        width: width)
            OptimizerKernels.scalarAdamUpdate(&p2, gradient: g, m: &m2, v: &v2, count: count, alpha: 0.001, keep1: 0.1, keep2: 0.001, epsilon: 1e-7)
        }
        #expect(p.map(\.bitPattern) == p2.map(\.bitPattern))
        #expect(m.map(\.bitPattern) == m2.map(\.bitPattern))
        #expect(v.map(\.bitPattern) == v2.map(\.bitPattern))
    }

    /// One step from m = v = 0: m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 0.00025,
    /// p = 1 − 0.05·0.01 / (√0.00025 + 1e-7) = 1 − 0.0005 / 0.0158114883 = 0.96837733.
    @Test func oneStepByHand() {
        var p = [Float](repeating: 1, count: 17), m = [Float](repeating: 0, count: 17), v = [Float](repeating: 0, count: 17)
        let g = [Float](repeating: 0.5, count: 17)
        OptimizerKernels.adamUpdate(&p, gradient: g, m: &m, v: &v, count: 17, alpha: 0.01, keep1: 0.1, keep2: 0.001, epsilon: 1e-7)
        for i in 0..<17 {
            #expect(abs(m[i] - 0.05) < 1e-8 && abs(v[i] - 0.00025) < 1e-9)
            #expect(abs(p[i] - 0.96837733) < 1e-6, "p[\(i)] = \(p[i])")
        }
    }
}
