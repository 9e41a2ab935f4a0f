import Foundation

/// The activations Keras' `Activation` layer names, elementwise, each with its pullback.

/// max(x, 0) elementwise; the gradient at 0 is 0, as TensorFlow's.
public func relu(_ x: Tensor) -> Tensor {
    let y = x.mapped(ReLU())
    return Tensor.recording(y, op: "relu", inputs: [x]) { g in [Tensor.zipMapped(g, y, ReLUGradient())] }
}

/// 1 / (1 + e⁻ˣ) elementwise, computed so that neither tail overflows.
public func sigmoid(_ x: Tensor) -> Tensor {
    let y = x.mapped(Sigmoid())
    return Tensor.recording(y, op: "sigmoid", inputs: [x]) { g in [Tensor.zipMapped(g, y, SigmoidGradient())] }
}

/// The hyperbolic tangent elementwise.
public func tanh(_ x: Tensor) -> Tensor {
    let y = x.mapped(HyperbolicTangent())
    return Tensor.recording(y, op: "tanh", inputs: [x]) { g in [Tensor.zipMapped(g, y, HyperbolicTangentGradient())] }
}

private struct ReLU: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x > 0 ? x : 0 }
}

/// g where the output y is positive, else 0.
private struct ReLUGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { y > 0 ? g : 0 }
}

private struct Sigmoid: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
    }
}

/// g·y·(1 - y).
private struct SigmoidGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * y * (1 - y) }
}

private struct HyperbolicTangent: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.tanh(x) }
}

/// g·(1 - y²).
private struct HyperbolicTangentGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * (1 - y * y) }
}
