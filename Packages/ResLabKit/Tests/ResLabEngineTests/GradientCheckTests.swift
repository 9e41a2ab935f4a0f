import Testing
import ResLabEngine

/// Every differentiable op's pullback against central differences (`checkGradients`).
/// Inputs keep away from kinks (0 for relu/abs, ties for max) by more than the step.
@Suite struct GradientCheckTests {
    func expectGradients(_ inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Double = 1e-2,
                         sourceLocation: SourceLocation = #_sourceLocation, _ function: @escaping ([Tensor]) throws -> Tensor) throws {
        let report = try checkGradients(of: function, at: inputs, epsilon: epsilon, tolerance: tolerance)
        #expect(report.passed, "\(report)", sourceLocation: sourceLocation)
    }

    /// Values of magnitude 0.2…1 with either sign: no kinks within the step.
    func awayFromZero(_ shape: [Int], seed: Int) throws -> Tensor {
        let u = try Tensor(randomUniform: shape, lowerBound: 0.2, upperBound: 1, seed: seed)
        let signs = try Tensor(randomUniform: shape, lowerBound: -1, upperBound: 1, seed: seed + 100)
        return try u * (signs .>= 0) - u * (signs .< 0)
    }

    /// Distinct values 0.05 apart in a seeded order: a max never ties within the step.
    func distinct(_ shape: [Int], seed: Int) throws -> Tensor {
        let count = shape.reduce(1, *)
        var generator = SeededRandom(seed: seed)
        let values = (0..<count).map { Float($0) * 0.05 - Float(count) * 0.025 }.shuffled(using: &generator)
        return try Tensor(shape: shape, scalars: values)
    }

    func uniform(_ shape: [Int], _ low: Float = -1, _ high: Float = 1, seed: Int) throws -> Tensor {
        try Tensor(randomUniform: shape, lowerBound: low, upperBound: high, seed: seed)
    }

    @Test func arithmetic() throws {
        let a = try uniform([2, 3], seed: 1), b = try uniform([3], 0.5, 2, seed: 2)
        try expectGradients([a, b]) { try $0[0] + $0[1] }
        try expectGradients([a, b]) { try $0[0] - $0[1] }
        try expectGradients([a, b]) { try $0[0] * $0[1] }
        try expectGradients([a, b]) { try $0[0] / $0[1] }
        try expectGradients([a]) { 2 * $0[0] + 1 }
        try expectGradients([a]) { 1 - $0[0] / 4 }
        try expectGradients([b]) { 3 / $0[0] }
        try expectGradients([a]) { -$0[0] }
    }

    @Test func elementwiseMath() throws {
        let x = try uniform([2, 3], seed: 3), positive = try uniform([2, 3], 0.5, 2, seed: 4)
        try expectGradients([x]) { exp($0[0]) }
        try expectGradients([positive]) { log($0[0]) }
        try expectGradients([positive]) { sqrt($0[0]) }
        try expectGradients([x]) { square($0[0]) }
        try expectGradients([try awayFromZero([2, 3], seed: 5)]) { abs($0[0]) }
        try expectGradients([positive, try uniform([3], seed: 6)]) { try pow($0[0], $0[1]) }
        try expectGradients([positive]) { pow($0[0], 2.5) }
        try expectGradients([try distinct([2, 3], seed: 7), try distinct([3], seed: 8)]) { try max($0[0], $0[1]) }
        try expectGradients([try distinct([2, 3], seed: 9), try distinct([2, 1], seed: 10)]) { try min($0[0], $0[1]) }
    }

    @Test func activations() throws {
        try expectGradients([try awayFromZero([3, 4], seed: 11)]) { relu($0[0]) }
        try expectGradients([try uniform([3, 4], -3, 3, seed: 12)]) { sigmoid($0[0]) }
        try expectGradients([try uniform([3, 4], -2, 2, seed: 13)]) { tanh($0[0]) }
        try expectGradients([try uniform([3, 4], -2, 2, seed: 14)]) { try softmax($0[0]) }
        try expectGradients([try uniform([3, 4], -2, 2, seed: 15)]) { try softmax($0[0], alongAxis: 0) }
        try expectGradients([try uniform([3, 4], -2, 2, seed: 16)]) { try logSoftmax($0[0]) }
        try expectGradients([try uniform([2, 3, 2], -2, 2, seed: 17)]) { try logSoftmax($0[0], alongAxis: 1) }
    }

    @Test func reductions() throws {
        let x = try uniform([2, 3, 4], seed: 18)
        try expectGradients([x]) { $0[0].sum() }
        try expectGradients([x]) { try $0[0].sum(squeezingAxes: 0, 2) }
        try expectGradients([x]) { try $0[0].mean(alongAxes: 1) }
        try expectGradients([x]) { $0[0].mean() }
        try expectGradients([try distinct([2, 3, 4], seed: 19)]) { try $0[0].max(squeezingAxes: -1) }
        try expectGradients([try distinct([2, 3, 4], seed: 20)]) { $0[0].max() }
        try expectGradients([x]) { try $0[0].variance(squeezingAxes: 0, 1) }
        try expectGradients([x]) { $0[0].variance() }
    }

    @Test func shapeOps() throws {
        let x = try uniform([2, 3, 4], seed: 21)
        try expectGradients([x]) { try $0[0].reshaped(to: [4, -1]) }
        try expectGradients([x]) { try $0[0].transposed(permutation: 2, 0, 1) }
        try expectGradients([x]) { try $0[0].slice(lowerBounds: [1, 0, 1], upperBounds: [2, 2, 4]) }
        try expectGradients([x, try uniform([2, 1, 4], seed: 22)]) { try concatenate([$0[0], $0[1]], axis: 1) }
        try expectGradients([x]) { try $0[0].padded(forSizes: [(0, 1), (2, 0), (1, 1)]) }
        try expectGradients([x]) { try $0[0].gathering(atIndices: [2, 0, 2], alongAxis: 1) }
        try expectGradients([try uniform([3], seed: 23)]) { try $0[0].broadcasted(to: [2, 3]) }
        try expectGradients([x]) { try $0[0].expandingShape(at: 1).squeezingShape(at: 1) }
    }

    @Test func matrixProducts() throws {
        let a = try uniform([3, 4], seed: 24), b = try uniform([4, 2], seed: 25)
        try expectGradients([a, b]) { try matmul($0[0], $0[1]) }
        try expectGradients([try uniform([4, 3], seed: 26), try uniform([2, 4], seed: 27)]) {
            try matmul($0[0], transposed: true, $0[1], transposed: true)
        }
        try expectGradients([try uniform([2, 3, 4], seed: 28), b]) { try matmul($0[0], $0[1]) }
        try expectGradients([try uniform([2, 4, 3], seed: 29), try uniform([2, 2, 4], seed: 30)]) {
            try matmul($0[0], transposed: true, $0[1], transposed: true)
        }
    }

    @Test func convolutions() throws {
        let x = try uniform([2, 5, 6, 2], seed: 31)
        let settings: [([Int], (Int, Int), Padding)] = [
            ([3, 3, 2, 3], (1, 1), .same), ([3, 3, 2, 3], (2, 2), .same), ([3, 3, 2, 2], (1, 1), .valid),
            ([2, 2, 2, 3], (1, 1), .same), ([3, 2, 2, 2], (2, 3), .valid), ([1, 1, 2, 3], (1, 1), .valid),
            ([1, 1, 2, 3], (2, 2), .same),
        ]
        for (index, (filterShape, strides, padding)) in settings.enumerated() {
            let filter = try uniform(filterShape, seed: 40 + index)
            try expectGradients([x, filter]) { try conv2D($0[0], filter: $0[1], strides: strides, padding: padding) }
        }
    }

    @Test func pooling() throws {
        let x = try distinct([2, 5, 5, 2], seed: 50)
        try expectGradients([x]) { try maxPool2D($0[0], filterSize: (3, 3), strides: (2, 2), padding: .valid) }
        try expectGradients([x]) { try maxPool2D($0[0], filterSize: (2, 2), strides: (2, 2), padding: .same) }
        try expectGradients([x]) { try avgPool2D($0[0], filterSize: (2, 2), strides: (2, 2), padding: .same) }
        try expectGradients([x]) { try avgPool2D($0[0], filterSize: (3, 3), strides: (1, 1), padding: .valid) }
    }

    @Test func batchNormalisation() throws {
        let x = try uniform([3, 2, 2, 3], -2, 2, seed: 60)
        let (offset, scale) = (try uniform([3], seed: 61), try uniform([3], 0.5, 1.5, seed: 62))
        let (mean, variance) = (try uniform([3], seed: 63), try uniform([3], 0.5, 2, seed: 64))
        try expectGradients([x, mean, variance, offset, scale]) {
            try batchNormInference($0[0], mean: $0[1], variance: $0[2], offset: $0[3], scale: $0[4])
        }
        try expectGradients([x, offset, scale]) { try batchNormTraining($0[0], offset: $0[1], scale: $0[2]).output }
        // Channels on axis 1 (NCHW-like), to exercise the strided layout.
        try expectGradients([try uniform([2, 3, 2, 2], -2, 2, seed: 65), offset, scale]) {
            try batchNormTraining($0[0], offset: $0[1], scale: $0[2], axis: 1).output
        }
    }
}
