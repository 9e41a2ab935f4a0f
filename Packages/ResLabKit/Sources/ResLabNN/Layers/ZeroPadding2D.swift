import ResLabEngine

/// Zeros around the height and width of an NHWC input, Keras' `ZeroPadding2D`:
/// `[n, h, w, c]` → `[n, top + h + bottom, left + w + right, c]`.
public final class ZeroPadding2D: Layer {
    /// ((top, bottom), (left, right)).
    public let padding: ((Int, Int), (Int, Int))

    /// The same amount on all four sides (Keras' default is 1).
    public convenience init(padding: Int = 1, name: String? = nil) throws {
        try self.init(padding: ((padding, padding), (padding, padding)), name: name)
    }

    /// `(rows, columns)`: rows above and below, columns left and right, as the course's
    /// `ZeroPadding2D((3, 3))`.
    public convenience init(padding: (Int, Int), name: String? = nil) throws {
        try self.init(padding: ((padding.0, padding.0), (padding.1, padding.1)), name: name)
    }

    /// `((top, bottom), (left, right))`.
    public init(padding: ((Int, Int), (Int, Int)), name: String? = nil) throws {
        guard [padding.0.0, padding.0.1, padding.1.0, padding.1.1].allSatisfy({ $0 >= 0 }) else {
            throw NNError.invalidArgument(op: "ZeroPadding2D", message: "padding amounts must not be negative")
        }
        self.padding = padding
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        guard input.count == 4 else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "expects a rank-4 input (batch, height, width, channels) but was given \(formatShape(input))")
        }
        return [input[0], input[1].map { $0 + padding.0.0 + padding.0.1 },
                input[2].map { $0 + padding.1.0 + padding.1.1 }, input[3]]
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        try inputs[0].zeroPadded2D(top: padding.0.0, bottom: padding.0.1, left: padding.1.0, right: padding.1.1)
    }
}
