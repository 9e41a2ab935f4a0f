import Foundation
import ResLabEngine

/// A training loss, Keras' `loss=`: a per-sample loss averaged over the batch
/// (Keras' `SUM_OVER_BATCH_SIZE` reduction), as a scalar tensor recorded on the tape.
///
/// Each loss is one fused op with a hand-written pullback, so the numbers do not depend on how the
/// engine composes `log`, `clip` and `sum`, and the backward pass costs one sweep.
public struct Loss: Equatable, CustomStringConvertible {
    public enum Kind: Equatable {
        /// −Σ_c t_c log p_c per sample, labels one-hot (or any distribution) over the last axis.
        case categoricalCrossentropy(fromLogits: Bool)
        /// The same with labels given as class indices: shape `[n]` or `[n, 1]`.
        case sparseCategoricalCrossentropy(fromLogits: Bool)
        /// −mean over the last axis of t log p + (1 − t) log(1 − p).
        case binaryCrossentropy(fromLogits: Bool)
        /// mean over the last axis of (t − p)².
        case meanSquaredError
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// From probabilities (the output of a softmax): each row is divided by its sum and clipped to
    /// [ε, 1 − ε] with Keras' ε = 1e-7 before the logarithm, as Keras does.
    public static var categoricalCrossentropy: Loss { Loss(.categoricalCrossentropy(fromLogits: false)) }
    /// `fromLogits: true` applies a log-softmax to the predictions instead (no clipping).
    public static func categoricalCrossentropy(fromLogits: Bool) -> Loss { Loss(.categoricalCrossentropy(fromLogits: fromLogits)) }
    public static var sparseCategoricalCrossentropy: Loss { Loss(.sparseCategoricalCrossentropy(fromLogits: false)) }
    public static func sparseCategoricalCrossentropy(fromLogits: Bool) -> Loss {
        Loss(.sparseCategoricalCrossentropy(fromLogits: fromLogits))
    }
    /// From probabilities, clipped to [ε, 1 − ε] and with ε added inside both logarithms, as Keras does.
    public static var binaryCrossentropy: Loss { Loss(.binaryCrossentropy(fromLogits: false)) }
    /// `fromLogits: true`: the stable max(x, 0) − x·t + log(1 + e^−|x|).
    public static func binaryCrossentropy(fromLogits: Bool) -> Loss { Loss(.binaryCrossentropy(fromLogits: fromLogits)) }
    public static var meanSquaredError: Loss { Loss(.meanSquaredError) }

    /// Keras' epsilon (`keras.backend.epsilon()`).
    public static let epsilon: Float = 1e-7

    public var description: String {
        switch kind {
        case let .categoricalCrossentropy(logits): return logits ? "categoricalCrossentropy(fromLogits: true)" : "categoricalCrossentropy"
        case let .sparseCategoricalCrossentropy(logits): return logits ? "sparseCategoricalCrossentropy(fromLogits: true)" : "sparseCategoricalCrossentropy"
        case let .binaryCrossentropy(logits): return logits ? "binaryCrossentropy(fromLogits: true)" : "binaryCrossentropy"
        case .meanSquaredError: return "meanSquaredError"
        }
    }

    /// The mean loss of predictions `yPred` against labels `yTrue`, as a scalar tensor whose
    /// gradient flows to `yPred` (never to the labels).
    ///
    /// Throws when the shapes do not go together (naming both), or when sparse labels are not
    /// class indices within range.
    public func callAsFunction(_ yTrue: Tensor, _ yPred: Tensor) throws -> Tensor {
        guard yPred.rank >= 1, yPred.shape[0] > 0 else {
            throw NNError.invalidData(op: "\(self)", message: "needs a non-empty batch of predictions, got shape \(yPred.shape)")
        }
        let classes = yPred.shape[yPred.rank - 1]
        let rows = yPred.count / max(classes, 1)
        let labels = yTrue.withoutDerivative().scalars
        let predictions = yPred.withoutDerivative().scalars
        var perRowLoss = [Double](repeating: 0, count: rows)
        var gradient = [Float](repeating: 0, count: predictions.count)

        switch kind {
        case let .categoricalCrossentropy(fromLogits):
            guard yTrue.shape == yPred.shape else { throw shapeMismatch(yTrue, yPred, hint: "one-hot labels must have the predictions' shape; for class indices use sparseCategoricalCrossentropy") }
            for r in 0..<rows {
                crossEntropyRow(labels: { labels[r * classes + $0] }, predictions: predictions, offset: r * classes,
                                classes: classes, fromLogits: fromLogits, loss: &perRowLoss[r], gradient: &gradient)
            }
        case let .sparseCategoricalCrossentropy(fromLogits):
            guard yTrue.count == rows, yTrue.shape.first == yPred.shape.first else {
                throw shapeMismatch(yTrue, yPred, hint: "sparse labels are one class index per sample, shape [n] or [n, 1]")
            }
            for r in 0..<rows {
                let label = labels[r]
                guard label >= 0, label < Float(classes), label == label.rounded() else {
                    throw NNError.invalidData(op: "\(self)", message: "label \(label) of sample \(r) is not a class index in 0..<\(classes)")
                }
                let index = Int(label)
                crossEntropyRow(labels: { $0 == index ? 1 : 0 }, predictions: predictions, offset: r * classes,
                                classes: classes, fromLogits: fromLogits, loss: &perRowLoss[r], gradient: &gradient)
            }
        case let .binaryCrossentropy(fromLogits):
            guard yTrue.shape == yPred.shape else { throw shapeMismatch(yTrue, yPred, hint: "labels must have the predictions' shape") }
            let eps = Loss.epsilon
            for i in predictions.indices {
                let t = labels[i], x = predictions[i]
                let value: Double
                let slope: Float
                if fromLogits {
                    value = Double(max(x, 0) - x * t + Foundation.log1p(Foundation.exp(-Swift.abs(x))))
                    slope = 1 / (1 + Foundation.exp(-x)) - t
                } else {
                    let clipped = min(max(x, eps), 1 - eps)
                    value = -Double(t * Foundation.log(clipped + eps) + (1 - t) * Foundation.log(1 - clipped + eps))
                    // Clipping passes the gradient only inside [ε, 1 − ε] (TensorFlow's clip_by_value).
                    slope = (x < eps || x > 1 - eps) ? 0 : -t / (clipped + eps) + (1 - t) / (1 - clipped + eps)
                }
                perRowLoss[i / classes] += value / Double(classes)
                gradient[i] = slope / Float(classes)
            }
        case .meanSquaredError:
            guard yTrue.shape == yPred.shape else { throw shapeMismatch(yTrue, yPred, hint: "labels must have the predictions' shape") }
            for i in predictions.indices {
                let difference = predictions[i] - labels[i]
                perRowLoss[i / classes] += Double(difference * difference) / Double(classes)
                gradient[i] = 2 * difference / Float(classes)
            }
        }

        // Rows beyond the batch axis (a rank-3 prediction) are averaged too: Keras averages every
        // per-position loss.
        let mean = perRowLoss.reduce(0, +) / Double(rows)
        let scale = 1 / Float(rows)
        for i in gradient.indices { gradient[i] *= scale }
        let value = Tensor(Float(mean))
        let predictionShape = yPred.shape
        return Tensor.recording(value, op: "\(self)", inputs: [yPred]) { upstream in
            let factor = upstream.scalars.first ?? 1
            var scaled = gradient
            if factor != 1 { for i in scaled.indices { scaled[i] *= factor } }
            return [try Tensor(shape: predictionShape, scalars: scaled)]
        }
    }

    /// One sample's cross-entropy and its gradient with respect to the predictions.
    ///
    /// From logits: loss = −Σ t (x − logΣe^x), gradient softmax(x)·Σt − t. From probabilities
    /// (Keras): q = p / Σp, c = clip(q, ε, 1 − ε), loss = −Σ t log c; with g = ∂loss/∂q
    /// (−t / c where q lies within the clip range, 0 outside), ∂loss/∂p_k = (g_k − Σ_j g_j q_j) / Σp.
    private func crossEntropyRow(labels: (Int) -> Float, predictions: [Float], offset: Int, classes: Int,
                                 fromLogits: Bool, loss: inout Double, gradient: inout [Float]) {
        if fromLogits {
            var maximum = -Float.infinity
            for c in 0..<classes { maximum = max(maximum, predictions[offset + c]) }
            var total: Double = 0
            for c in 0..<classes { total += Foundation.exp(Double(predictions[offset + c] - maximum)) }
            let logTotal = Foundation.log(total)
            var labelSum: Float = 0
            var value: Double = 0
            for c in 0..<classes {
                let t = labels(c)
                labelSum += t
                value -= Double(t) * (Double(predictions[offset + c] - maximum) - logTotal)
            }
            for c in 0..<classes {
                let probability = Float(Foundation.exp(Double(predictions[offset + c] - maximum) - logTotal))
                gradient[offset + c] = probability * labelSum - labels(c)
            }
            loss = value
        } else {
            let eps = Loss.epsilon
            var sum: Float = 0
            for c in 0..<classes { sum += predictions[offset + c] }
            var value: Double = 0
            var weighted: Float = 0
            var slopes = [Float](repeating: 0, count: classes)
            for c in 0..<classes {
                let q = predictions[offset + c] / sum
                let clipped = min(max(q, eps), 1 - eps)
                let t = labels(c)
                value -= Double(t) * Double(Foundation.log(clipped))
                let slope: Float = (q < eps || q > 1 - eps) ? 0 : -t / clipped
                slopes[c] = slope
                weighted += slope * q
            }
            for c in 0..<classes { gradient[offset + c] = (slopes[c] - weighted) / sum }
            loss = value
        }
    }

    private func shapeMismatch(_ yTrue: Tensor, _ yPred: Tensor, hint: String) -> NNError {
        .invalidData(op: "\(self)", message: "labels of shape \(yTrue.shape) do not fit predictions of shape \(yPred.shape); \(hint)")
    }
}
