import Foundation

/// Elementwise math functions (Swift for TensorFlow spells them as free functions), each with its
/// pullback below it.

/// eˣ elementwise.
public func exp(_ x: Tensor) -> Tensor {
    let y = x.mapped { Foundation.exp($0) }
    return Tensor.recording(y, op: "exp", inputs: [x]) { g in [Tensor.zipMapped(g, y) { $0 * $1 }] }
}

/// The natural logarithm elementwise (NaN below 0, -inf at 0).
public func log(_ x: Tensor) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped { Foundation.log($0) }, op: "log", inputs: [x]) { g in
        [Tensor.zipMapped(g, input) { $0 / $1 }]
    }
}

/// The square root elementwise (NaN below 0).
public func sqrt(_ x: Tensor) -> Tensor {
    let y = x.mapped { $0.squareRoot() }
    return Tensor.recording(y, op: "sqrt", inputs: [x]) { g in [Tensor.zipMapped(g, y) { $0 / (2 * $1) }] }
}

/// x² elementwise.
public func square(_ x: Tensor) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped { $0 * $0 }, op: "square", inputs: [x]) { g in
        [Tensor.zipMapped(g, input) { 2 * $0 * $1 }]
    }
}

/// |x| elementwise; the gradient at 0 is taken as 0, as TensorFlow does.
public func abs(_ x: Tensor) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped { Swift.abs($0) }, op: "abs", inputs: [x]) { g in
        [Tensor.zipMapped(g, input) { g, x in x > 0 ? g : (x < 0 ? -g : 0) }]
    }
}

/// xʸ elementwise with NumPy broadcasting.
///
/// The gradient with respect to y, xʸ·ln x, is taken as 0 where x ≤ 0 (where ln x is undefined),
/// as TensorFlow does.
public func pow(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    let value = try Tensor.broadcasting(x, y, op: "pow") { Foundation.pow($0, $1) }
    let (base, exponent, result) = (x.withoutDerivative(), y.withoutDerivative(), value)
    let (needBase, needExponent) = (x.isTracked, y.isTracked)
    return Tensor.recording(value, op: "pow", inputs: [x, y]) { g in
        let shape = g.shape
        let b = try base.broadcasted(to: shape), e = try exponent.broadcasted(to: shape)
        let dBase = needBase ? Tensor.zipMapped(g, b, e) { g, b, e in g * e * Foundation.pow(b, e - 1) }.summed(toShape: base.shape) : nil
        let dExponent = needExponent ? Tensor.zipMapped(g, b, result) { g, b, r in b > 0 ? g * r * Foundation.log(b) : 0 }
            .summed(toShape: exponent.shape) : nil
        return [dBase, dExponent]
    }
}

/// xᵖ elementwise for a constant exponent.
public func pow(_ x: Tensor, _ p: Float) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped { Foundation.pow($0, p) }, op: "pow", inputs: [x]) { g in
        [Tensor.zipMapped(g, input) { g, x in g * p * Foundation.pow(x, p - 1) }]
    }
}

/// The larger of x and y elementwise, with NumPy broadcasting. Where they are equal the gradient
/// goes to x, as TensorFlow's does.
public func max(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    try selecting(x, y, op: "maximum") { $0 >= $1 }
}

/// The smaller of x and y elementwise, with NumPy broadcasting. Where they are equal the gradient
/// goes to x.
public func min(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    try selecting(x, y, op: "minimum") { $0 <= $1 }
}

/// Elementwise choice of x where `takeX(x, y)` and y elsewhere; the gradient follows the choice.
private func selecting(_ x: Tensor, _ y: Tensor, op: String, _ takeX: @escaping (Float, Float) -> Bool) throws -> Tensor {
    let value = try Tensor.broadcasting(x, y, op: op) { takeX($0, $1) ? $0 : $1 }
    let (a, b) = (x.withoutDerivative(), y.withoutDerivative())
    return Tensor.recording(value, op: op, inputs: [x, y]) { g in
        let shape = g.shape
        let wide = (try a.broadcasted(to: shape), try b.broadcasted(to: shape))
        return [Tensor.zipMapped(g, wide.0, wide.1) { g, a, b in takeX(a, b) ? g : 0 }.summed(toShape: a.shape),
                Tensor.zipMapped(g, wide.0, wide.1) { g, a, b in takeX(a, b) ? 0 : g }.summed(toShape: b.shape)]
    }
}
