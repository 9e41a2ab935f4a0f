import Testing
@testable import ResLabNN

/// Every layer's backward (with respect to its input and each trainable weight) against central
/// differences, with the engine's `checkGradients`. Inputs are random but seeded; max pooling gets
/// well-separated values so no window has a near tie, and ReLU inputs stay away from 0.
@Suite struct LayerGradientCheckTests {
    /// Runs `layer` on `x`, with its trainable weights replaced by the checker's points.
    private func check(_ layer: Layer, input x: Tensor, training: Bool = false,
                       tolerance: Double = 2e-2) throws -> GradientCheckReport {
        try layer.build(inputShape: x.symbolicShape)
        let weights = layer.trainableWeights
        return try checkGradients(of: { points in
            for (variable, value) in zip(weights, points.dropFirst()) { variable.value = value }
            return try layer(points[0], training: training)
        }, at: [x] + weights.map(\.value), epsilon: 1e-2, tolerance: tolerance)
    }

    private func random(_ shape: [Int], seed: Int, low: Float = -1, high: Float = 1) throws -> Tensor {
        try Tensor(randomUniform: shape, lowerBound: low, upperBound: high, seed: seed)
    }

    @Test func conv2DValidAndSameWithStrides() throws {
        let valid = try check(Conv2D(filters: 3, kernelSize: 3, kernelInitializer: .glorotUniform(seed: 1),
                                     biasInitializer: .randomUniform(seed: 2)), input: random([2, 5, 5, 2], seed: 3))
        #expect(valid.passed, "\(valid)")
        let same = try check(Conv2D(filters: 2, kernelSize: 2, strides: 2, padding: .same,
                                    kernelInitializer: .glorotUniform(seed: 4)), input: random([1, 5, 5, 3], seed: 5))
        #expect(same.passed, "\(same)")
    }

    @Test func denseWithEachActivation() throws {
        for (index, activation) in [ActivationFunction.linear, .sigmoid, .tanh, .softmax].enumerated() {
            let report = try check(Dense(units: 3, activation: activation, kernelInitializer: .glorotUniform(seed: index),
                                         biasInitializer: .randomUniform(seed: 10 + index)),
                                   input: random([4, 5], seed: 20 + index))
            #expect(report.passed, "\(activation): \(report)")
        }
    }

    @Test func batchNormalizationTrainingAndInference() throws {
        let x = try random([3, 2, 2, 4], seed: 30, low: -2, high: 3)
        let training = try check(BatchNormalization(betaInitializer: .randomUniform(seed: 32),
                                                    gammaInitializer: .randomUniform(minval: 0.5, maxval: 1.5, seed: 31)),
                                 input: x, training: true)
        #expect(training.passed, "\(training)")
        let inference = try check(BatchNormalization(movingMeanInitializer: .randomUniform(seed: 33),
                                                     movingVarianceInitializer: .constant(1.7)),
                                  input: x, training: false)
        #expect(inference.passed, "\(inference)")
    }

    @Test func poolingPaddingAndReshapingLayers() throws {
        // Distinct values 0.1 apart (shuffled): no two in a window are closer than ε allows.
        var generator = SeededRandom(seed: 40)
        let distinct = try Tensor(shape: [1, 5, 5, 2], scalars: (0..<50).map { Float($0) * 0.1 }.shuffled(using: &generator))
        for layer: Layer in [try MaxPooling2D(poolSize: 2, padding: .same), try MaxPooling2D(poolSize: 3, strides: 2)] {
            let report = try check(layer, input: distinct)
            #expect(report.passed, "\(layer): \(report)")
        }
        let x = try random([2, 4, 4, 3], seed: 41)
        let layers: [Layer] = [try AveragePooling2D(poolSize: 3, strides: 2, padding: .same), try AveragePooling2D(poolSize: 2),
                               GlobalAveragePooling2D(), Flatten(), try ZeroPadding2D(padding: ((1, 0), (2, 1))),
                               try ChannelPaddingShortcut(filters: 5, strides: 2), Activation(.tanh), Softmax()]
        for layer in layers {
            let report = try check(layer, input: x)
            #expect(report.passed, "\(layer): \(report)")
        }
    }

    @Test func reluAwayFromItsKink() throws {
        let x = try Tensor(shape: [2, 3], scalars: [-1.5, 0.7, 2.0, -0.3, 0.4, -2.2])
        for layer: Layer in [ReLU(), Activation(.relu)] {
            let report = try check(layer, input: x)
            #expect(report.passed, "\(layer): \(report)")
        }
    }

    @Test func addSendsTheGradientToEveryInput() throws {
        let a = try random([2, 3], seed: 50), b = try random([2, 3], seed: 51)
        let report = try checkGradients(of: { points in try Add()([points[0], points[1]]) }, at: [a, b])
        #expect(report.passed, "\(report)")
    }

    @Test func theCoursesBlocksEndToEnd() throws {
        let x = try random([2, 4, 4, 4], seed: 60)
        let identity = try checkGradients(of: { points in
            try identityBlock(points[0], f: 3, filters: [2, 2, 4], training: true)
        }, at: [x], tolerance: 3e-2)
        #expect(identity.passed, "\(identity)")
        let convolutional = try checkGradients(of: { points in
            try convolutionalBlock(points[0], f: 2, filters: [2, 2, 3], s: 2, training: false)
        }, at: [x], tolerance: 3e-2)
        #expect(convolutional.passed, "\(convolutional)")
    }
}
