import ResLabEngine

/// A 2-D convolution, Keras' `Conv2D`: `activation(conv(x, kernel) + bias)`.
///
/// Input NHWC `[batch, height, width, channels]`; kernel HWIO `[kh, kw, channels, filters]`; bias
/// `[filters]`; output `[batch, h', w', filters]` with h' = ⌊(h − kh) / sh⌋ + 1 for `.valid` and
/// ⌈h / sh⌉ for `.same` (the extra padding row and column, if any, at the bottom and right).
/// Keras' defaults: stride 1, valid padding, a bias initialised to zero, glorot-uniform kernel.
public final class Conv2D: Layer {
    public let filters: Int
    public let kernelSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding
    public let activation: ActivationFunction
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public private(set) var kernel: Variable?
    public private(set) var bias: Variable?

    /// A square kernel and equal strides: `Conv2D(filters: 64, kernelSize: 7, strides: 2)`.
    public convenience init(filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid,
                            activation: ActivationFunction = .linear, useBias: Bool = true,
                            kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
                            name: String? = nil) throws {
        try self.init(filters: filters, kernelSize: (kernelSize, kernelSize), strides: (strides, strides),
                      padding: padding, activation: activation, useBias: useBias,
                      kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, name: name)
    }

    /// Kernel size and strides per axis (height, width), as the course writes them:
    /// `Conv2D(filters: F2, kernelSize: (f, f), strides: (1, 1), padding: .same)`.
    public init(filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1), padding: Padding = .valid,
                activation: ActivationFunction = .linear, useBias: Bool = true,
                kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
                name: String? = nil) throws {
        let op = "Conv2D(filters: \(filters), kernelSize: (\(kernelSize.0), \(kernelSize.1)))"
        guard filters > 0 else { throw NNError.invalidArgument(op: op, message: "filters must be a positive number") }
        try checkWindow(op, size: kernelSize, strides: strides)
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        if let kernel, input.count == 4, let channels = input[3], channels != kernel.shape[2] {
            throw NNError.incompatibleInput(
                layer: description,
                message: "was built for \(kernel.shape[2]) input channels but was given shape \(formatShape(input))")
        }
        return try windowedOutputShape(layer: self, input: input, size: kernelSize, strides: strides,
                                       padding: padding, channels: filters)
    }

    public override func build(inputShapes: [[Int?]]) throws {
        let input = inputShapes[0]
        guard input.count == 4, let channels = input[3] else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "expects a rank-4 input (batch, height, width, channels) with a known channel count, but was given \(formatShape(input))")
        }
        kernel = try addWeight(name: "kernel", shape: [kernelSize.0, kernelSize.1, channels, filters],
                               initializer: kernelInitializer)
        if useBias { bias = try addWeight(name: "bias", shape: [filters], initializer: biasInitializer) }
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        guard let kernel else { throw NNError.invalidModelState(model: description, message: "used before being built") }
        var y = try conv2D(inputs[0], filter: kernel.value, strides: strides, padding: padding)
        if let bias { y = try y + bias.value }
        return try activation(y)
    }
}
