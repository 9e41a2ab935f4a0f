import Foundation
import ResLabEngine

extension Model {
    /// Trains the model, Keras' `model.fit`: `epochs` passes over `x` and `y` in batches of
    /// `batchSize` (the last one smaller when the count does not divide), layers in training mode,
    /// one optimiser step per batch.
    ///
    /// - Parameters:
    ///   - x: inputs, the samples along the first axis (`[n, 64, 64, 3]`).
    ///   - y: labels, `[n, classes]` one-hot, or `[n]` class indices for a sparse loss.
    ///   - validationData: evaluated after each epoch, recorded as `val_loss`, `val_accuracy`.
    ///   - shuffle: reorder the samples before each epoch.
    ///   - seed: fixes the shuffling (and the augmentation, unless it has a seed of its own); nil
    ///     takes a seed from `GlobalRandom`. With fixed weights, a fixed seed gives the same losses
    ///     on every run.
    ///   - augmentation: random shifts and flips applied to each training batch (NHWC images);
    ///     nil, the default, trains on the images as they are.
    ///   - output: where progress goes (`.standardOutput`: a bar on a terminal, a line per epoch
    ///     otherwise).
    ///   - onStep: called after every step with the batch's loss and metrics and each layer's
    ///     gradient norm.
    ///   - reportsGradientNorms: false leaves `gradientNorms` empty in the step reports and saves
    ///     computing them (for a hook that only watches the loss or checks for Ctrl-C).
    /// - Returns: the per-epoch history (also kept in `model.history`).
    @discardableResult
    public func fit(x: Tensor, y: Tensor, batchSize: Int = 32, epochs: Int = 1,
                    validationData: (x: Tensor, y: Tensor)? = nil, shuffle: Bool = true, seed: Int? = nil,
                    augmentation: ImageAugmentation? = nil, output: TrainingOutput = .standardOutput,
                    onStep: ((StepReport) throws -> Void)? = nil, reportsGradientNorms: Bool = true) throws -> History {
        let op = "\(name).fit"
        guard let setup = compiled else {
            throw NNError.invalidModelState(model: name, message: "call compile(optimizer:loss:metrics:) before fit")
        }
        try checkData(x: x, y: y, batchSize: batchSize, op: op)
        guard epochs >= 0 else { throw NNError.invalidArgument(op: op, message: "epochs must not be negative") }
        if let validationData { try checkData(x: validationData.x, y: validationData.y, batchSize: batchSize, op: op) }

        let parameters = trainableWeights
        let layerOfParameter = parameterLayerNames()
        let runSeed = seed ?? GlobalRandom.nextSeed()
        var generator = SeededRandom(seed: runSeed)
        // A stream of its own, so that the shuffling is the same with and without augmentation.
        var augmentationRandom = SeededRandom(seed: augmentation?.seed ?? Self.augmentationSeed(runSeed))
        if augmentation != nil, x.rank != 4 {
            throw NNError.invalidData(op: op, message: "augmentation needs NHWC images [n, height, width, channels], got x of shape \(x.shape)")
        }
        let count = x.shape[0]
        let steps = (count + batchSize - 1) / batchSize
        var result = History()
        for epoch in 0..<epochs {
            if output.style != .silent { output.write("Epoch \(epoch + 1)/\(epochs)\n") }
            var order = Array(0..<count)
            if shuffle { order.shuffle(using: &generator) }
            let progress = ProgressLine(total: steps, output: output)
            var totals = RunningTotals(metricNames: setup.metrics.map(\.name))
            for step in 0..<steps {
                let indices = Array(order[(step * batchSize)..<min(count, (step + 1) * batchSize)])
                var batchX = try x.gathering(atIndices: indices)
                if let augmentation { batchX = try augmentation.apply(to: batchX, using: &augmentationRandom) }
                let batchY = try y.gathering(atIndices: indices)
                let outcome = try trainStep(batchX, batchY, setup: setup, parameters: parameters,
                                            gradientNorms: onStep != nil && reportsGradientNorms)
                let batchMetrics = try totals.add(loss: outcome.loss, predictions: outcome.predictions,
                                                  labels: batchY, setup: setup)
                progress.step(step + 1, values: totals.values)
                if let onStep {
                    let norms = zip(parameters, outcome.gradientSquares).reduce(into: [(layer: String, norm: Double)]()) { list, pair in
                        let layer = layerOfParameter[ObjectIdentifier(pair.0)] ?? pair.0.path
                        if list.last?.layer == layer { list[list.count - 1].norm += pair.1 } else { list.append((layer, pair.1)) }
                    }.map { (layer: $0.layer, norm: $0.norm.squareRoot()) }
                    try onStep(StepReport(epoch: epoch, batch: step, iteration: setup.optimizer.iterations,
                                          loss: outcome.loss, metrics: batchMetrics, gradientNorms: norms))
                }
            }
            var values = totals.values
            if let validationData {
                let validation = try evaluateValues(x: validationData.x, y: validationData.y, batchSize: batchSize, setup: setup)
                values += validation.map { ("val_\($0.0)", $0.1) }
            }
            progress.finish(values: values)
            result.record(epoch: epoch, values)
        }
        history = result
        return result
    }

    /// The loss and metrics over `x` and `y` in inference mode, Keras' `evaluate(…, return_dict=True)`:
    /// `["loss": 0.21, "accuracy": 0.95]`.
    public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 32) throws -> [String: Double] {
        guard let setup = compiled else {
            throw NNError.invalidModelState(model: name, message: "call compile(optimizer:loss:metrics:) before evaluate")
        }
        try checkData(x: x, y: y, batchSize: batchSize, op: "\(name).evaluate")
        return Dictionary(uniqueKeysWithValues: try evaluateValues(x: x, y: y, batchSize: batchSize, setup: setup))
    }

    /// The model's outputs for `x`, computed in inference mode in batches of `batchSize` and joined
    /// along the first axis (Keras' `predict`).
    public func predict(x: Tensor, batchSize: Int = 32) throws -> Tensor {
        let op = "\(name).predict"
        guard x.rank >= 1, x.shape[0] > 0 else { throw NNError.invalidData(op: op, message: "needs at least one sample, got shape \(x.shape)") }
        guard batchSize > 0 else { throw NNError.invalidArgument(op: op, message: "batchSize must be positive") }
        let count = x.shape[0]
        var parts: [Tensor] = []
        for start in stride(from: 0, to: count, by: batchSize) {
            let batch = count <= batchSize ? x : try x.gathering(atIndices: Array(start..<min(count, start + batchSize)))
            parts.append(try run([batch], training: false)[0])
        }
        return parts.count == 1 ? parts[0] : try concatenate(parts, axis: 0)
    }

    /// The augmentation's seed for a run shuffled with `seed` when the augmentation has none:
    /// another number, so that the two streams differ.
    private static func augmentationSeed(_ seed: Int) -> Int {
        seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    }

    // MARK: - Steps

    /// One optimiser step; the tape of the step is released before the update so that weights
    /// change in place.
    private func trainStep(_ x: Tensor, _ y: Tensor, setup: CompiledSetup, parameters: [Variable],
                           gradientNorms: Bool) throws
        -> (loss: Double, predictions: Tensor, gradientSquares: [Double]) {
        let (loss, predictions, gradients) = try forwardAndBackward(x, y, setup: setup, parameters: parameters)
        var squares: [Double] = []
        if gradientNorms {
            squares = gradients.map { gradient in
                gradient.scalars.withUnsafeBufferPointer { g in
                    var sum: Double = 0
                    for value in g { sum += Double(value) * Double(value) }
                    return sum
                }
            }
        }
        try setup.optimizer.apply(gradients, to: parameters)
        return (loss, predictions, squares)
    }

    private func forwardAndBackward(_ x: Tensor, _ y: Tensor, setup: CompiledSetup, parameters: [Variable]) throws
        -> (loss: Double, predictions: Tensor, gradients: [Tensor]) {
        for parameter in parameters { parameter.value = parameter.value.requiringGradient() }
        defer { for parameter in parameters { parameter.value = parameter.value.withoutDerivative() } }
        let leaves = parameters.map(\.value)
        let predictions = try run([x], training: true)[0]
        let loss = try setup.loss(y, predictions)
        let gradients = try gradient(of: loss, wrt: leaves)
        return (Double(loss.scalars.first ?? .nan), predictions.withoutDerivative(), gradients)
    }

    private func evaluateValues(x: Tensor, y: Tensor, batchSize: Int, setup: CompiledSetup) throws -> [(String, Double)] {
        var totals = RunningTotals(metricNames: setup.metrics.map(\.name))
        let count = x.shape[0]
        for start in stride(from: 0, to: count, by: batchSize) {
            let indices = Array(start..<min(count, start + batchSize))
            let batchX = count <= batchSize ? x : try x.gathering(atIndices: indices)
            let batchY = count <= batchSize ? y : try y.gathering(atIndices: indices)
            let predictions = try run([batchX], training: false)[0]
            let loss = try setup.loss(batchY, predictions)
            _ = try totals.add(loss: Double(loss.scalars.first ?? .nan), predictions: predictions, labels: batchY, setup: setup)
        }
        return totals.values
    }

    private func checkData(x: Tensor, y: Tensor, batchSize: Int, op: String) throws {
        guard batchSize > 0 else { throw NNError.invalidArgument(op: op, message: "batchSize must be positive, got \(batchSize)") }
        guard x.rank >= 1, y.rank >= 1, x.shape[0] > 0 else {
            throw NNError.invalidData(op: op, message: "needs at least one sample, got x of shape \(x.shape) and y of shape \(y.shape)")
        }
        guard x.shape[0] == y.shape[0] else {
            throw NNError.invalidData(op: op, message: "x has \(x.shape[0]) samples but y has \(y.shape[0]) (shapes \(x.shape) and \(y.shape))")
        }
    }

    /// Each trainable weight's layer name, for per-layer gradient norms.
    private func parameterLayerNames() -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        for layer in layers {
            for variable in layer.trainableWeights where names[ObjectIdentifier(variable)] == nil {
                names[ObjectIdentifier(variable)] = layer.name
            }
        }
        return names
    }
}

/// The epoch's running loss and metrics, weighted by samples as Keras' `Mean` metrics are.
struct RunningTotals {
    let metricNames: [String]
    private var lossSum: Double = 0
    private var samples = 0
    private var correct: [Int]
    private var seen: [Int]

    init(metricNames: [String]) {
        self.metricNames = metricNames
        correct = Array(repeating: 0, count: metricNames.count)
        seen = Array(repeating: 0, count: metricNames.count)
    }

    /// Adds a batch; returns the batch's own metric values.
    mutating func add(loss: Double, predictions: Tensor, labels: Tensor, setup: CompiledSetup) throws -> [String: Double] {
        let n = predictions.shape.first ?? 1
        lossSum += loss * Double(n)
        samples += n
        var batch: [String: Double] = [:]
        for (index, metric) in setup.metrics.enumerated() {
            let (right, total) = try Metric.count(metric.kind, yTrue: labels, yPred: predictions)
            correct[index] += right
            seen[index] += total
            batch[metric.name] = total > 0 ? Double(right) / Double(total) : 0
        }
        return batch
    }

    /// `loss` then the metrics, in compile order.
    var values: [(String, Double)] {
        var list: [(String, Double)] = [("loss", samples > 0 ? lossSum / Double(samples) : 0)]
        for index in metricNames.indices {
            list.append((metricNames[index], seen[index] > 0 ? Double(correct[index]) / Double(seen[index]) : 0))
        }
        return list
    }
}
