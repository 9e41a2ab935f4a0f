import Testing
import ResLabEngine
import ResLabTestSupport

/// Channel-last batch normalisation runs a fused kernel split across workers; the same data with
/// its channels on axis 1 runs the general kernel. Both must give the same output, statistics and
/// gradients, on a tensor large enough (4×32×32×16, 65,536 values) for the fused sums to be split.
struct BatchNormLayoutTests {
    @Test func fusedChannelLastAgreesWithTheGeneralPath() throws {
        let x = try Tensor(randomUniform: [4, 32, 32, 16], lowerBound: -3, upperBound: 5, seed: 70).requiringGradient()
        let offset = try Tensor(randomUniform: [16], lowerBound: -1, upperBound: 1, seed: 71).requiringGradient()
        let scale = try Tensor(randomUniform: [16], lowerBound: 0.5, upperBound: 1.5, seed: 72).requiringGradient()
        let dy = try Tensor(randomUniform: [4, 32, 32, 16], lowerBound: -1, upperBound: 1, seed: 73)

        let last = try batchNormTraining(x, offset: offset, scale: scale, axis: 3)
        let lastGradients = try gradient(of: try last.output * dy, wrt: [x, offset, scale])

        let xFirst = try x.withoutDerivative().transposed(permutation: [0, 3, 1, 2]).requiringGradient()
        let first = try batchNormTraining(xFirst, offset: offset, scale: scale, axis: 1)
        let firstGradients = try gradient(of: try first.output * dy.transposed(permutation: [0, 3, 1, 2]), wrt: [xFirst, offset, scale])

        #expect(isApproximatelyEqual(last.mean.scalars, first.mean.scalars))
        #expect(isApproximatelyEqual(last.unbiasedVariance.scalars, first.unbiasedVariance.scalars))
        #expect(isApproximatelyEqual(try first.output.transposed(permutation: [0, 2, 3, 1]).scalars, last.output.scalars))
        #expect(isApproximatelyEqual(try firstGradients[0].transposed(permutation: [0, 2, 3, 1]).scalars, lastGradients[0].scalars))
        #expect(isApproximatelyEqual(firstGradients[1].scalars, lastGradients[1].scalars, absolute: 1e-3))
        #expect(isApproximatelyEqual(firstGradients[2].scalars, lastGradients[2].scalars, absolute: 1e-3))
        // The mean of x over 4096 values uniform on [-3, 5] is near 1; the output is centred.
        #expect(last.mean.scalars.allSatisfy { abs($0 - 1) < 0.2 })
        #expect(abs(last.output.scalars.reduce(0, +) / Float(x.count) - offset.scalars.reduce(0, +) / 16) < 1e-3)
    }
}
