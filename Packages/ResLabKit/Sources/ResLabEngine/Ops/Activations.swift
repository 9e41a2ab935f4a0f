import Foundation

/// The activations Keras' `Activation` layer names, elementwise, each with its pullback.

/// max(x, 0) elementwise; the gradient at 0 is 0, as TensorFlow's.
public func relu(_ x: Tensor) -> Tensor {
    let y = x.mapped { $0 > 0 ? $0 : 0 }
    return Tensor.recording(y, op: "relu", inputs: [x]) { g in [Tensor.zipMapped(g, y) { $1 > 0 ? $0 : 0 }] }
}

/// 1 / (1 + e⁻ˣ) elementwise, computed so that neither tail overflows.
public func sigmoid(_ x: Tensor) -> Tensor {
    let y = x.mapped { v in
        v >= 0 ? 1 / (1 + Foundation.exp(-v)) : Foundation.exp(v) / (1 + Foundation.exp(v))
    }
    return Tensor.recording(y, op: "sigmoid", inputs: [x]) { g in [Tensor.zipMapped(g, y) { $0 * $1 * (1 - $1) }] }
}

/// The hyperbolic tangent elementwise.
public func tanh(_ x: Tensor) -> Tensor {
    let y = x.mapped { Foundation.tanh($0) }
    return Tensor.recording(y, op: "tanh", inputs: [x]) { g in [Tensor.zipMapped(g, y) { $0 * (1 - $1 * $1) }] }
}
