import Testing
@testable import ResLabNN

/// A tiny model (Dense 5→4 relu, Dense 4→3 softmax) trained three steps on one batch of 8 by each
/// optimiser, against Keras 2's `train_on_batch` (Golden/optimizers.json): the loss before each
/// step and the weights after the last.
@Suite struct OptimizerGoldenTests {
    static let cases: [OptimizerCase] = (try? GoldenFiles.load("optimizers.json")) ?? []

    @Test func theGoldenFileLoads() {
        #expect(Self.cases.count == 7)
    }

    @Test(arguments: Self.cases.map(\.name))
    func matchesKeras(caseName: String) throws {
        let golden = try #require(Self.cases.first { $0.name == caseName })
        let optimizer: Optimizer
        switch caseName {
        case "adam_default": optimizer = try Adam()
        case "adam_lr_0.05": optimizer = try Adam(learningRate: 0.05)
        case "sgd_plain": optimizer = try SGD(learningRate: 0.1)
        case "sgd_momentum": optimizer = try SGD(learningRate: 0.1, momentum: 0.9)
        case "sgd_nesterov_weight_decay": optimizer = try SGD(learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01)
        case "rmsprop_default": optimizer = try RMSprop()
        default: optimizer = try RMSprop(learningRate: 0.01, momentum: 0.5)
        }
        let model = try Sequential([Dense(units: 4, activation: .relu), Dense(units: 3, activation: .softmax)], inputShape: [5])
        let variables = model.layers.flatMap(\.variables)
        for (variable, value) in zip(variables, golden.weights) { try variable.assign(try value.tensor) }
        try model.compile(optimizer: optimizer, loss: .categoricalCrossentropy, metrics: [.accuracy])
        let history = try model.fit(x: try golden.x.tensor, y: try golden.y.tensor, batchSize: 8, epochs: 3,
                                    shuffle: false, output: .silent)
        #expect(firstMismatch(history.loss.map(Float.init), golden.losses, absolute: 1e-6, relative: 1e-5) == nil)
        for (variable, expected) in zip(variables, golden.weightsAfter) {
            #expect(firstMismatch(variable.value.scalars, expected.values, absolute: 1e-6, relative: 1e-4) == nil,
                    "\(variable.path)")
        }
        #expect(optimizer.iterations == 3)
    }
}

/// Adam splits a large weight across the cores. Adam's first step moves every weight by the
/// learning rate against the gradient's sign (m̂/√v̂ = g/|g|), so with p = 1, g = 0.5 and η = 0.001
/// each of 100,003 weights (an odd count, split unevenly) becomes 0.999 — the same Float everywhere;
/// a weight skipped or updated twice would stay at 1 or reach 0.998.
@Test func adamUpdatesEveryWeightOfALargeTensorOnce() throws {
    let count = 100_003
    let variable = Variable(name: "kernel", layerName: "big", value: try Tensor(ones: [count]), trainable: true)
    let optimizer = try Adam()
    try optimizer.apply([try Tensor(shape: [count], scalars: [Float](repeating: 0.5, count: count))], to: [variable])
    let values = variable.value.scalars
    #expect(Set(values).count == 1)
    #expect(abs(values[0] - 0.999) < 1e-6)
}
