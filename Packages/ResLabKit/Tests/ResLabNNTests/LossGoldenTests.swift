import Testing
@testable import ResLabNN

/// Each loss's value and gradient against Keras 2 (Golden/losses.json), including a row whose
/// true class has probability 0 (Keras clips to [1e-7, 1 − 1e-7]) and one that does not sum to 1.
@Suite struct LossGoldenTests {
    static let cases: [LossCase] = (try? GoldenFiles.load("losses.json")) ?? []

    @Test func theGoldenFileLoads() {
        #expect(Self.cases.count == 7)
    }

    @Test(arguments: Self.cases.map(\.name))
    func matchesKeras(caseName: String) throws {
        let golden = try #require(Self.cases.first { $0.name == caseName })
        let loss: Loss
        switch caseName {
        case "categorical_from_probabilities": loss = .categoricalCrossentropy
        case "categorical_from_logits": loss = .categoricalCrossentropy(fromLogits: true)
        case "sparse_from_probabilities": loss = .sparseCategoricalCrossentropy
        case "sparse_from_logits": loss = .sparseCategoricalCrossentropy(fromLogits: true)
        case "binary_from_probabilities": loss = .binaryCrossentropy
        case "binary_from_logits": loss = .binaryCrossentropy(fromLogits: true)
        default: loss = .meanSquaredError
        }
        let predictions = try golden.predictions.tensor.requiringGradient()
        let value = try loss(try golden.labels.tensor, predictions)
        #expect(value.shape == [])
        #expect(firstMismatch(value.scalars, [golden.loss], absolute: 1e-6, relative: 1e-5) == nil)
        let slope = try gradient(of: value, wrt: [predictions])[0]
        #expect(firstMismatch(slope.scalars, golden.gradient.values, absolute: 1e-6, relative: 1e-4) == nil)
    }

    @Test func mismatchedLabelsAreRefusedWithBothShapes() throws {
        let predictions = try Tensor(shape: [2, 3], scalars: [0.2, 0.3, 0.5, 0.1, 0.1, 0.8])
        #expect {
            _ = try Loss.categoricalCrossentropy(try Tensor(shape: [2], scalars: [0, 2]), predictions)
        } throws: { "\($0)".contains("[2]") && "\($0)".contains("[2, 3]") && "\($0)".contains("sparseCategoricalCrossentropy") }
        #expect(throws: NNError.self) {
            _ = try Loss.sparseCategoricalCrossentropy(try Tensor(shape: [2], scalars: [0, 3]), predictions)
        }
    }
}
