import ResLabEngine

/// Keeps the batch axis and flattens the rest, Keras' `Flatten`: `[n, h, w, c]` → `[n, h·w·c]`.
public final class Flatten: Layer {
    public override init(name: String? = nil) {
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        guard !input.isEmpty else {
            throw NNError.incompatibleInput(layer: description, message: "expects an input with a batch axis, but was given a scalar")
        }
        let rest = input.dropFirst()
        let known = rest.compactMap { $0 }
        return [input[0], known.count == rest.count ? known.reduce(1, *) : nil]
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        let x = inputs[0]
        let batch = x.shape[0]
        return try x.reshaped(to: [batch, batch == 0 ? 0 : x.count / batch])
    }
}
