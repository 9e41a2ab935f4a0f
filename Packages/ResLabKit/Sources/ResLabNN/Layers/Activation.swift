import ResLabEngine

/// Applies an activation function elementwise (softmax: over the last axis). Keras' `Activation`.
public final class Activation: Layer {
    public let function: ActivationFunction

    public init(_ function: ActivationFunction, name: String? = nil) {
        self.function = function
        super.init(name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        try function(inputs[0])
    }
}

/// max(0, x), Keras' `ReLU` layer (named `re_lu`, `re_lu_1`, … by Keras' rule).
public final class ReLU: Layer {
    public override init(name: String? = nil) {
        super.init(name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        relu(inputs[0])
    }
}

/// The softmax over the last axis, Keras' `Softmax` layer.
public final class Softmax: Layer {
    public override init(name: String? = nil) {
        super.init(name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        try softmax(inputs[0])
    }
}
