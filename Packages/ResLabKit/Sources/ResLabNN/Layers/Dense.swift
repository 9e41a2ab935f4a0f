import ResLabEngine

/// A fully connected layer, Keras' `Dense`: `activation(x · kernel + bias)` over the last axis.
///
/// The kernel has shape `[inputUnits, units]` (Keras' layout); the bias `[units]`. An input of
/// rank above 2 is transformed along its last axis, as in Keras.
public final class Dense: Layer {
    public let units: Int
    public let activation: ActivationFunction
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public private(set) var kernel: Variable?
    public private(set) var bias: Variable?

    /// Keras' defaults: no activation, a bias, glorot-uniform kernel, zero bias.
    public init(units: Int, activation: ActivationFunction = .linear, useBias: Bool = true,
                kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
                name: String? = nil) throws {
        guard units > 0 else {
            throw NNError.invalidArgument(op: "Dense(units: \(units))", message: "units must be a positive number")
        }
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        guard input.count >= 2, let features = input.last ?? nil else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "expects an input of rank 2 or more whose last extent is known, but was given \(formatShape(input))")
        }
        if let kernel, kernel.shape[0] != features {
            throw NNError.incompatibleInput(
                layer: description,
                message: "was built for \(kernel.shape[0]) input features but was given shape \(formatShape(input))")
        }
        return input.dropLast() + [units]
    }

    public override func build(inputShapes: [[Int?]]) throws {
        let input = inputShapes[0]
        guard let features = input.last ?? nil else {
            throw NNError.incompatibleInput(layer: description, message: "cannot be built on input shape \(formatShape(input)): the last extent must be known")
        }
        kernel = try addWeight(name: "kernel", shape: [features, units], initializer: kernelInitializer)
        if useBias { bias = try addWeight(name: "bias", shape: [units], initializer: biasInitializer) }
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        guard let kernel else { throw NNError.invalidModelState(model: description, message: "used before being built") }
        let x = inputs[0]
        let features = kernel.shape[0]
        let rows = x.rank == 2 ? x : try x.reshaped(to: [x.count / features, features])
        var y = try matmul(rows, kernel.value)
        if let bias { y = try y + bias.value }
        if x.rank != 2 { y = try y.reshaped(to: x.shape.dropLast() + [units]) }
        return try activation(y)
    }
}
