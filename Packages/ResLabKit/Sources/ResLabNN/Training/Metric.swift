import ResLabEngine

/// A metric reported by `fit` and `evaluate`, Keras' `metrics=`. Accuracy is the only one so far.
public struct Metric: Equatable, CustomStringConvertible {
    public enum Kind: Equatable {
        /// Keras' `"accuracy"`: becomes one of the others at `compile`, from the loss and the
        /// output's shape, as Keras decides.
        case accuracy
        /// argmax of the prediction equals argmax of the one-hot label.
        case categoricalAccuracy
        /// argmax of the prediction equals the class-index label.
        case sparseCategoricalAccuracy
        /// prediction > threshold equals label > 0.5, elementwise.
        case binaryAccuracy(threshold: Float)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public static var accuracy: Metric { Metric(.accuracy) }
    public static var categoricalAccuracy: Metric { Metric(.categoricalAccuracy) }
    public static var sparseCategoricalAccuracy: Metric { Metric(.sparseCategoricalAccuracy) }
    public static var binaryAccuracy: Metric { Metric(.binaryAccuracy(threshold: 0.5)) }
    public static func binaryAccuracy(threshold: Float) -> Metric { Metric(.binaryAccuracy(threshold: threshold)) }

    /// The key in the history and the progress line: `accuracy` for Keras' `"accuracy"` whatever
    /// it resolved to, otherwise Keras' snake-case name.
    public var description: String {
        switch kind {
        case .accuracy: return "accuracy"
        case .categoricalAccuracy: return "categorical_accuracy"
        case .sparseCategoricalAccuracy: return "sparse_categorical_accuracy"
        case .binaryAccuracy: return "binary_accuracy"
        }
    }

    /// Keras' choice for `"accuracy"`: binary when the loss is binary cross-entropy or the output
    /// has one unit, sparse for a sparse loss, categorical otherwise.
    func resolved(for loss: Loss, outputUnits: Int?) -> Kind {
        guard kind == .accuracy else { return kind }
        if case .binaryCrossentropy = loss.kind { return .binaryAccuracy(threshold: 0.5) }
        if outputUnits == 1 { return .binaryAccuracy(threshold: 0.5) }
        if case .sparseCategoricalCrossentropy = loss.kind { return .sparseCategoricalAccuracy }
        return .categoricalAccuracy
    }

    /// How many predictions were right, and out of how many, for one batch.
    static func count(_ kind: Kind, yTrue: Tensor, yPred: Tensor) throws -> (correct: Int, total: Int) {
        let labels = yTrue.scalars, predictions = yPred.scalars
        let classes = yPred.shape.last ?? 1
        let rows = classes > 0 ? predictions.count / classes : 0
        func argmax(_ values: [Float], _ offset: Int) -> Int {
            var best = 0
            for c in 1..<max(classes, 1) where values[offset + c] > values[offset + best] { best = c }
            return best
        }
        switch kind {
        case .accuracy, .categoricalAccuracy:
            guard labels.count == predictions.count else {
                throw NNError.invalidData(op: "accuracy", message: "labels of shape \(yTrue.shape) do not fit predictions of shape \(yPred.shape)")
            }
            var correct = 0
            for r in 0..<rows where argmax(labels, r * classes) == argmax(predictions, r * classes) { correct += 1 }
            return (correct, rows)
        case .sparseCategoricalAccuracy:
            guard labels.count == rows else {
                throw NNError.invalidData(op: "accuracy", message: "sparse labels of shape \(yTrue.shape) do not fit predictions of shape \(yPred.shape)")
            }
            var correct = 0
            for r in 0..<rows where Float(argmax(predictions, r * classes)) == labels[r] { correct += 1 }
            return (correct, rows)
        case let .binaryAccuracy(threshold):
            guard labels.count == predictions.count else {
                throw NNError.invalidData(op: "binary_accuracy", message: "labels of shape \(yTrue.shape) do not fit predictions of shape \(yPred.shape)")
            }
            var correct = 0
            for i in predictions.indices where (predictions[i] > threshold) == (labels[i] > 0.5) { correct += 1 }
            return (correct, predictions.count)
        }
    }
}
