import Foundation
import Testing
@testable import ResLabNN

/// `compile`, `fit`, `evaluate` and `predict` on small problems whose answers are known.
@Suite struct TrainingTests {
    /// Two Gaussian-free, linearly separable classes: label 1 when x₀ + x₁ > 0.
    private func separable(count: Int, seed: Int) throws -> (x: Tensor, y: Tensor) {
        var generator = SeededRandom(seed: seed)
        var xs: [Float] = [], ys: [Float] = []
        for _ in 0..<count {
            let a = generator.nextUniform(-1, 1), b = generator.nextUniform(-1, 1)
            xs += [a, b, generator.nextUniform(-1, 1)]
            ys += a + b > 0 ? [0, 1] : [1, 0]
        }
        return (try Tensor(shape: [count, 3], scalars: xs), try Tensor(shape: [count, 2], scalars: ys))
    }

    private func smallModel() throws -> Model {
        let input = try Input(shape: [3])
        var x = try Dense(units: 8, activation: .tanh, kernelInitializer: .glorotUniform(seed: 1))(input)
        x = try Dropout(rate: 0.1, seed: 3)(x)
        x = try Dense(units: 2, activation: .softmax, kernelInitializer: .glorotUniform(seed: 2))(x)
        return try Model(inputs: input, outputs: x)
    }

    @Test func fitLearnsASeparableProblemAndRecordsTheHistory() throws {
        let (x, y) = try separable(count: 200, seed: 1)
        let validation = try separable(count: 50, seed: 2)
        let model = try smallModel()
        try model.compile(optimizer: try Adam(learningRate: 0.05), loss: .categoricalCrossentropy, metrics: [.accuracy])
        let history = try model.fit(x: x, y: y, batchSize: 16, epochs: 15, validationData: validation, seed: 4,
                                    output: .silent)
        #expect(history.epoch == Array(0..<15))
        #expect(Set(history.history.keys) == ["loss", "accuracy", "val_loss", "val_accuracy"])
        #expect(history.loss.last! < history.loss.first! / 3)
        #expect(history["val_accuracy"]!.last! >= 0.95)
        #expect(model.history == history)
        let evaluation = try model.evaluate(x: validation.x, y: validation.y, batchSize: 7)
        #expect(abs(evaluation["loss"]! - history["val_loss"]!.last!) < 1e-6)
        #expect(evaluation["accuracy"] == history["val_accuracy"]!.last!)
    }

    @Test func aSeedGivesTheSameLossesToTheLastDigit() throws {
        let (x, y) = try separable(count: 64, seed: 5)
        func run(seed: Int) throws -> [Double] {
            let model = try smallModel()
            try model.compile(optimizer: try SGD(learningRate: 0.1, momentum: 0.9), loss: .categoricalCrossentropy)
            return try model.fit(x: x, y: y, batchSize: 10, epochs: 3, seed: seed, output: .silent).loss
        }
        let first = try run(seed: 11)
        #expect(try run(seed: 11) == first)
        #expect(try run(seed: 12) != first)
    }

    @Test func evaluateIsTheSampleWeightedMeanOfTheBatchLosses() throws {
        let (x, y) = try separable(count: 10, seed: 6)
        let model = try smallModel()
        try model.compile(optimizer: try Adam(), loss: .categoricalCrossentropy, metrics: [.accuracy])
        let whole = try model.evaluate(x: x, y: y, batchSize: 10)
        let batched = try model.evaluate(x: x, y: y, batchSize: 3)
        #expect(abs(whole["loss"]! - batched["loss"]!) < 1e-6)
        #expect(whole["accuracy"] == batched["accuracy"])
        // The loss of the predictions, computed directly.
        let direct = try Loss.categoricalCrossentropy(y, try model.predict(x: x))
        #expect(abs(Double(direct.scalars[0]) - whole["loss"]!) < 1e-6)
    }

    @Test func predictJoinsBatchesAndIgnoresDropout() throws {
        let (x, _) = try separable(count: 7, seed: 7)
        let model = try smallModel()
        let once = try model.predict(x: x, batchSize: 7)
        #expect(once.shape == [7, 2])
        #expect(try model.predict(x: x, batchSize: 3).scalars == once.scalars)
        #expect(try model.predict(x: x).scalars == once.scalars)
    }

    @Test func theStepHookGetsEachLayersGradientNorm() throws {
        let (x, y) = try separable(count: 12, seed: 8)
        let dense = try Dense(units: 2, activation: .softmax, kernelInitializer: .glorotUniform(seed: 9))
        let model = try Sequential([dense], inputShape: [3])
        try model.compile(optimizer: try SGD(learningRate: 0.1), loss: .categoricalCrossentropy, metrics: [.accuracy])
        // The expected first-step norm, from the weights before any update.
        let kernel = dense.kernel!.value.requiringGradient(), bias = dense.bias!.value.requiringGradient()
        let loss = try Loss.categoricalCrossentropy(y, try softmax(try matmul(x, kernel) + bias))
        let expected = try gradient(of: loss, wrt: [kernel, bias])
            .flatMap(\.scalars).reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()

        var reports: [StepReport] = []
        try model.fit(x: x, y: y, batchSize: 12, epochs: 2, shuffle: false, output: .silent) { reports.append($0) }
        #expect(reports.map(\.epoch) == [0, 1])
        #expect(reports.map(\.batch) == [0, 0])
        #expect(reports.map(\.iteration) == [1, 2])
        #expect(reports[0].gradientNorms.map(\.layer) == [dense.name])
        #expect(abs(reports[0].gradientNorms[0].norm - expected) < 1e-5 * expected)
        #expect(abs(reports[0].loss - Double(loss.scalars[0])) < 1e-6)
        #expect(reports[0].metrics.keys.sorted() == ["accuracy"])
    }

    @Test func progressIsOneLinePerEpochWhenCapturedAndABarOnATerminal() throws {
        let (x, y) = try separable(count: 20, seed: 10)
        let model = try smallModel()
        try model.compile(optimizer: try Adam(), loss: .categoricalCrossentropy, metrics: [.accuracy])
        var lines = ""
        try model.fit(x: x, y: y, batchSize: 8, epochs: 2, output: .lines { lines += $0 })
        let rows = lines.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 5)
        #expect(rows[0] == "Epoch 1/2")
        #expect(rows[2] == "Epoch 2/2")
        #expect(rows[1].hasPrefix("3/3 - ") && rows[1].contains("/step - loss: ") && rows[1].contains(" - accuracy: "))
        var bar = ""
        try model.fit(x: x, y: y, batchSize: 8, epochs: 1, output: TrainingOutput(style: .progressBar) { bar += $0 })
        #expect(bar.hasPrefix("Epoch 1/1\n\r1/3 [=========>....................] - ETA: "))
        #expect(bar.contains("\r3/3 [==============================] - "))
        #expect(bar.hasSuffix("\n"))
    }

    @Test func batchNormFollowsTheModeUnlessTheGraphFixedIt() throws {
        let x = try Tensor(randomUniform: [8, 2, 2, 3], lowerBound: 0, upperBound: 4, seed: 12)
        let y = try Tensor(randomUniform: [8, 2, 2, 3], seed: 13)
        let input = try Input(shape: [2, 2, 3])
        let norm = try BatchNormalization()
        let model = try Model(inputs: input, outputs: try norm(input))
        try model.compile(optimizer: try SGD(learningRate: 0), loss: .meanSquaredError)
        try model.fit(x: x, y: y, batchSize: 8, epochs: 1, output: .silent)
        let moved = norm.movingMean!.value.scalars
        #expect(moved.allSatisfy { $0 > 0.005 })  // 0.01 of a batch mean near 2
        _ = try model.evaluate(x: x, y: y)
        _ = try model.predict(x: x)
        #expect(norm.movingMean!.value.scalars == moved)  // inference leaves them alone

        // The course's blocks pass training: true, which the graph keeps: predict then normalises
        // each batch with its own statistics, as Keras does with the course's model.
        let fixed = try BatchNormalization()
        let fixedModel = try Model(inputs: input, outputs: try fixed(input, training: true))
        let output = try fixedModel.predict(x: x)
        let channelMeans = try output.mean(squeezingAxes: [0, 1, 2]).scalars
        #expect(channelMeans.allSatisfy { abs($0) < 1e-4 })
    }

    @Test func sequentialBuildsFromTheFirstDataAndSharedLayersCountOnce() throws {
        let model = try Sequential([Dense(units: 3, activation: .relu), Dense(units: 2)])
        #expect(throws: NNError.self) { _ = try model.summary() }
        let output = try model(try Tensor(ones: [4, 5]))
        #expect(output.shape == [4, 2])
        #expect(model.countParams() == 5 * 3 + 3 + 3 * 2 + 2)

        let shared = try Dense(units: 4)
        let a = try Input(shape: [4]), b = try Input(shape: [4])
        let twin = try Model(inputs: [a, b], outputs: [try Add()([try shared(a), try shared(b)])])
        #expect(twin.countParams() == 20)
        let rows = try twin.summaryRows()
        let sharedRow = try #require(rows.first { $0.layer.hasPrefix(shared.name + " ") })
        #expect(sharedRow.connections == ["\(a.layer.name)[0][0]", "\(b.layer.name)[0][0]"])
    }

    @Test func badCallsAreRefusedWithAMessage() throws {
        let (x, y) = try separable(count: 6, seed: 14)
        let model = try smallModel()
        #expect { try model.fit(x: x, y: y, output: .silent) } throws: { "\($0)".contains("compile") }
        try model.compile(optimizer: try Adam(), loss: .categoricalCrossentropy)
        let short = try Tensor(zeros: [5, 2])
        #expect { try model.fit(x: x, y: short, output: .silent) } throws: { "\($0)".contains("6 samples but y has 5") }
        #expect(throws: NNError.self) { try model.fit(x: x, y: y, batchSize: 0, output: .silent) }
        #expect { _ = try model.predict(x: try Tensor(zeros: [2, 4])) } throws: { "\($0)".contains("(None, 3)") }
        #expect(throws: NNError.self) { try Conv2D(filters: 0, kernelSize: 3) }
        #expect(throws: NNError.self) { try Dropout(rate: 1) }
        #expect(throws: NNError.self) { try Adam(beta1: 1) }
        #expect(throws: NNError.self) { try Conv2D(filters: 2, kernelSize: 3)(try Tensor(zeros: [2, 3])) }
    }
}
