import Testing
@testable import ResLabNN

/// Keras' fan rules and initialiser formulas (keras/src/initializers), checked by hand-computed
/// fans and by the moments of large samples.
@Suite struct InitializerTests {
    @Test func fansFollowKerasForVectorsMatricesAndHWIOKernels() {
        #expect(Initializer.fans(of: [7]) == (7, 7))
        #expect(Initializer.fans(of: [10, 20]) == (10, 20))
        // 3×3 kernel, 64 → 128 channels: fan-in 3·3·64, fan-out 3·3·128.
        #expect(Initializer.fans(of: [3, 3, 64, 128]) == (576, 1152))
        #expect(Initializer.fans(of: []) == (1, 1))
    }

    @Test func glorotUniformStaysWithinItsLimitWithTheUniformVariance() throws {
        let values = try Initializer.glorotUniform(seed: 1)(shape: [3, 3, 64, 128]).scalars
        let limit = Float((6.0 / (576.0 + 1152.0)).squareRoot())
        #expect(values.allSatisfy { abs($0) <= limit })
        // Uniform on ±L has variance L²/3.
        #expect(abs(variance(values) / Double(limit * limit / 3) - 1) < 0.03)
    }

    @Test func heAndGlorotNormalHaveTheirTargetVarianceAndTruncation() throws {
        let he = try Initializer.heNormal(seed: 2)(shape: [3, 3, 32, 64]).scalars
        let heScale = 2.0 / 288.0
        #expect(abs(variance(he) / heScale - 1) < 0.03)
        // Drawn within two standard deviations of the untruncated normal, σ = √scale / 0.8796….
        let heBound = Float(heScale.squareRoot() / 0.87962566103423978 * 2)
        #expect(he.allSatisfy { abs($0) <= heBound })
        let glorot = try Initializer.glorotNormal(seed: 3)(shape: [200, 300]).scalars
        #expect(abs(variance(glorot) / (2.0 / 500.0) - 1) < 0.03)
        let heUniform = try Initializer.heUniform(seed: 4)(shape: [100, 50]).scalars
        #expect(heUniform.allSatisfy { abs($0) <= Float((6.0 / 100.0).squareRoot()) })
    }

    @Test func kerasDefaultsForRandomUniformNormalAndConstants() throws {
        let uniform = try Initializer.randomUniform(seed: 5)(shape: [10_000]).scalars
        #expect(uniform.allSatisfy { $0 >= -0.05 && $0 < 0.05 })
        #expect(uniform.min()! < -0.049 && uniform.max()! > 0.049)
        let normal = try Initializer.randomNormal(seed: 6)(shape: [50_000]).scalars
        #expect(abs(variance(normal).squareRoot() - 0.05) < 0.001)
        #expect(try Initializer.zeros(shape: [2, 2]).scalars == [0, 0, 0, 0])
        #expect(try Initializer.ones(shape: [3]).scalars == [1, 1, 1])
        #expect(try Initializer.constant(0.5)(shape: [2]).scalars == [0.5, 0.5])
    }

    @Test func aSeedFixesTheValuesAndTheCoursesReseedingSpellingWorks() throws {
        let a = try Initializer.glorotUniform(seed: 0)(shape: [4, 4])
        let b = try Initializer.glorotUniform(seed: 0)(shape: [4, 4])
        let c = try Initializer.glorotUniform(seed: 1)(shape: [4, 4])
        #expect(a.scalars == b.scalars)
        #expect(a.scalars != c.scalars)
        // The course's `initializer(seed=0)`.
        let initializer: Initializer = .glorotUniform
        #expect(try initializer(seed: 0)(shape: [4, 4]).scalars == a.scalars)
        #expect(initializer(seed: 0) == .glorotUniform(seed: 0))
    }

    @Test func descriptionsUseTheSwiftSpelling() {
        #expect(Initializer.glorotUniform(seed: 0).description == "glorotUniform(seed: 0)")
        #expect(Initializer.randomUniform.description == "randomUniform(minval: -0.05, maxval: 0.05)")
        #expect(Initializer.zeros.description == "zeros")
    }

    private func variance(_ values: [Float]) -> Double {
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        return values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
    }
}
