import ResLabEngine

/// The elementwise sum of a list of tensors of one shape, Keras' `Add`: `Add()([x, shortcut])`.
public final class Add: Layer {
    public override init(name: String? = nil) {
        super.init(name: name)
    }

    public override var takesList: Bool { true }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        guard inputShapes.count >= 2 else {
            throw NNError.incompatibleInput(layer: description, message: "needs at least two tensors to add, e.g. Add()([x, shortcut])")
        }
        var result = inputShapes[0]
        for shape in inputShapes.dropFirst() {
            let agrees = shape.count == result.count
                && zip(shape, result).allSatisfy { a, b in a == nil || b == nil || a == b }
            guard agrees else {
                throw NNError.incompatibleInput(
                    layer: description,
                    message: "cannot add shapes \(inputShapes.map(formatShape).joined(separator: " and ")): a shortcut must match the main path's shape; project it with a 1×1 convolution")
            }
            result = zip(result, shape).map { $0 ?? $1 }
        }
        return result
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        var sum = inputs[0]
        for x in inputs.dropFirst() { sum = try sum + x }
        return sum
    }
}
