import Testing
@testable import ResLabNN

/// The course's identity and convolutional blocks against Keras 2 running the course's own code
/// (Golden/blocks.json), with weights injected by layer name: the blocks are built in a fresh
/// name scope, so their automatic names are Keras' (`conv2d`, `batch_normalization_1`, …).
@Suite struct BlockGoldenTests {
    static let cases: [BlockCase] = (try? GoldenFiles.load("blocks.json")) ?? []

    @Test func theGoldenFileLoads() {
        #expect(Self.cases.count == 4)
    }

    @Test(arguments: Self.cases.indices)
    func matchesKeras(index: Int) throws {
        let golden = Self.cases[index]
        let model = try LayerNames.withFreshScope { () throws -> Model in
            let input = try Input(shape: Array(golden.input.shape.dropFirst()))
            let output = golden.name == "identity_block"
                ? try identityBlock(input, f: 3, filters: [2, 3, 4], training: golden.training)
                : try convolutionalBlock(input, f: 3, filters: [2, 3, 5], s: 2, training: golden.training)
            return try Model(inputs: input, outputs: output)
        }
        var injected = 0
        for layer in model.layers {
            guard let values = golden.weights[layer.name] else { continue }
            for (variable, value) in zip(layer.variables, values) { try variable.assign(try value.tensor) }
            injected += 1
        }
        #expect(injected == golden.weights.count)
        // The training mode is fixed by the blocks' `training:`, whatever mode the model runs in.
        for mode in [false, true] {
            let output = try model.run([try golden.input.tensor], training: mode)[0]
            #expect(output.shape == golden.output.shape)
            #expect(firstMismatch(output.scalars, golden.output.values, absolute: 1e-5, relative: 1e-4) == nil,
                    "\(golden.name), training \(golden.training)")
        }
    }

    /// One function, two uses: called on numbers the block computes at once; called on a symbolic
    /// input it builds a model. With the course's seeded initialiser both get the same weights, so
    /// both give the same numbers.
    @Test func theSameBlockComputesEagerlyAndBuildsAModel() throws {
        let x = try Tensor(randomUniform: [2, 5, 5, 3], lowerBound: -1, upperBound: 1, seed: 7)
        let eager = try convolutionalBlock(x, f: 3, filters: [2, 3, 5], s: 2, training: false)
        let input = try Input(shape: [5, 5, 3])
        let model = try Model(inputs: input, outputs: try convolutionalBlock(input, f: 3, filters: [2, 3, 5], s: 2, training: false))
        let built = try model.predict(x: x)
        #expect(eager.shape == [2, 3, 3, 5])
        #expect(firstMismatch(built.scalars, eager.scalars, absolute: 0, relative: 0) == nil)
        let identity = try identityBlock(try Tensor(randomUniform: [1, 3, 3, 4], seed: 1), f: 2, filters: [1, 2, 4])
        #expect(identity.shape == [1, 3, 3, 4])
        #expect(identity.scalars.allSatisfy { $0 >= 0 })
    }

    @Test func aShortcutOfTheWrongShapeIsRefusedWithAHint() throws {
        let input = try Input(shape: [4, 4, 3])
        #expect {
            _ = try identityBlock(input, f: 3, filters: [2, 2, 8])
        } throws: { error in
            "\(error)".contains("a shortcut must match the main path's shape; project it with a 1×1 convolution")
        }
    }
}
