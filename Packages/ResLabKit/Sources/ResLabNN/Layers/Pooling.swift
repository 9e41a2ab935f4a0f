import ResLabEngine

/// The settings Keras' 2-D pooling layers share: window, strides (the window by default), padding.
public class Pooling2D: Layer {
    public let poolSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding

    init(poolSize: (Int, Int), strides: (Int, Int)?, padding: Padding, name: String?) throws {
        let strides = strides ?? poolSize
        try checkWindow("\(Self.self)(poolSize: (\(poolSize.0), \(poolSize.1)))", size: poolSize, strides: strides)
        self.poolSize = poolSize
        self.strides = strides
        self.padding = padding
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        try windowedOutputShape(layer: self, input: inputShapes[0], size: poolSize, strides: strides,
                                padding: padding, channels: nil)
    }
}

/// The maximum over each window, Keras' `MaxPooling2D` (NHWC in and out). Defaults: a 2×2
/// window, strides equal to the window, valid padding. With `.same` padding, padded positions never
/// win (they count as −∞).
public final class MaxPooling2D: Pooling2D {
    /// `MaxPooling2D(poolSize: 3, strides: 2)`.
    public convenience init(poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) throws {
        try self.init(poolSize: (poolSize, poolSize), strides: strides.map { ($0, $0) }, padding: padding, name: name)
    }

    /// `MaxPooling2D(poolSize: (3, 3), strides: (2, 2))`.
    public override init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String? = nil) throws {
        try super.init(poolSize: poolSize, strides: strides, padding: padding, name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        try maxPool2D(inputs[0], filterSize: poolSize, strides: strides, padding: padding)
    }
}

/// The mean over each window, Keras' `AveragePooling2D` (NHWC in and out). With `.same` padding
/// the mean is over the window's positions inside the input, as in TensorFlow.
public final class AveragePooling2D: Pooling2D {
    /// `AveragePooling2D(poolSize: 2)`.
    public convenience init(poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) throws {
        try self.init(poolSize: (poolSize, poolSize), strides: strides.map { ($0, $0) }, padding: padding, name: name)
    }

    /// `AveragePooling2D(poolSize: (2, 2))`, as the course writes it.
    public override init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String? = nil) throws {
        try super.init(poolSize: poolSize, strides: strides, padding: padding, name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        try avgPool2D(inputs[0], filterSize: poolSize, strides: strides, padding: padding)
    }
}

/// The mean over height and width, Keras' `GlobalAveragePooling2D`: `[n, h, w, c]` → `[n, c]`.
public final class GlobalAveragePooling2D: Layer {
    public override init(name: String? = nil) {
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        guard input.count == 4 else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "expects a rank-4 input (batch, height, width, channels) but was given \(formatShape(input))")
        }
        return [input[0], input[3]]
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        try inputs[0].mean(squeezingAxes: [1, 2])
    }
}
