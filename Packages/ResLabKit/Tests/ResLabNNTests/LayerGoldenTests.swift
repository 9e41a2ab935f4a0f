import Testing
@testable import ResLabNN

/// Every layer's forward and backward against Keras 2 (Golden/layers.json): same inputs, same
/// injected weights; the backward is the gradient of Σ y·r for Keras' fixed r. Tolerance: 1e-5
/// absolute plus 1e-4 relative (Float32 sums in a different order).
@Suite struct LayerGoldenTests {
    static let cases: [LayerCase] = (try? GoldenFiles.load("layers.json")) ?? []

    @Test func theGoldenFileLoads() {
        #expect(Self.cases.count == 20)
    }

    @Test(arguments: Self.cases.map(\.name))
    func matchesKeras(caseName: String) throws {
        let golden = try #require(Self.cases.first { $0.name == caseName })
        let layer = try makeLayer(golden.name)
        let inputs = try golden.inputs.map { try $0.tensor.requiringGradient() }
        try layer.build(inputShape: inputs[0].symbolicShape)
        for (variable, value) in zip(layer.variables, golden.weights) { try variable.assign(try value.tensor) }
        for variable in layer.trainableWeights { variable.value = variable.value.requiringGradient() }
        let trainable = layer.trainableWeights.map(\.value)

        let output = layer.takesList ? try layer(inputs, training: golden.training) : try layer(inputs[0], training: golden.training)
        #expect(output.shape == golden.output.shape)
        #expect(firstMismatch(output.scalars, golden.output.values, absolute: 1e-5, relative: 1e-4) == nil)

        let objective = try (output * golden.upstream.tensor).sum()
        let gradients = try gradient(of: objective, wrt: inputs + trainable)
        for (actual, expected) in zip(gradients, golden.inputGradients + golden.weightGradients) {
            #expect(actual.shape == expected.shape)
            #expect(firstMismatch(actual.scalars, expected.values, absolute: 1e-5, relative: 1e-4) == nil)
        }
        #expect(gradients.count == golden.inputGradients.count + golden.weightGradients.count)
        // Batch norm's moving statistics after the call (unchanged unless training).
        for (variable, expected) in zip(layer.variables, golden.weightsAfter) {
            #expect(firstMismatch(variable.value.scalars, expected.values, absolute: 1e-6, relative: 1e-5) == nil,
                    "\(variable.path)")
        }
    }

    private func makeLayer(_ name: String) throws -> Layer {
        switch name {
        case "conv2d_valid_3x3": return try Conv2D(filters: 4, kernelSize: 3)
        case "conv2d_same_2x2_stride2": return try Conv2D(filters: 3, kernelSize: 2, strides: 2, padding: .same)
        case "conv2d_same_3x3_stride2": return try Conv2D(filters: 4, kernelSize: (3, 3), strides: (2, 2), padding: .same)
        case "conv2d_1x1_stride2": return try Conv2D(filters: 5, kernelSize: 1, strides: 2)
        case "dense_relu": return try Dense(units: 5, activation: .relu)
        case "dense_softmax": return try Dense(units: 4, activation: .softmax)
        case "batch_norm_training", "batch_norm_inference": return try BatchNormalization(axis: 3)
        case "max_pool_3x3_stride2_valid": return try MaxPooling2D(poolSize: (3, 3), strides: (2, 2))
        case "max_pool_2x2_same": return try MaxPooling2D(poolSize: 2, padding: .same)
        case "average_pool_2x2_valid": return try AveragePooling2D(poolSize: (2, 2))
        case "average_pool_3x3_stride2_same": return try AveragePooling2D(poolSize: 3, strides: 2, padding: .same)
        case "zero_padding_asymmetric": return try ZeroPadding2D(padding: ((1, 2), (0, 3)))
        case "global_average_pooling": return GlobalAveragePooling2D()
        case "flatten": return Flatten()
        case "activation_relu": return Activation(.relu)
        case "activation_sigmoid": return Activation(.sigmoid)
        case "activation_tanh": return Activation(.tanh)
        case "activation_softmax": return Activation(.softmax)
        case "add_three": return Add()
        default: throw NNError.invalidArgument(op: "makeLayer", message: "no layer for golden case \(name)")
        }
    }
}
