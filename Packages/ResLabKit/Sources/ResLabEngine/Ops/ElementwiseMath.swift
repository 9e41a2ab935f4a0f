import Foundation

/// Elementwise math functions (Swift for TensorFlow spells them as free functions), each with its
/// pullback below it.

/// eˣ elementwise.
public func exp(_ x: Tensor) -> Tensor {
    let y = x.mapped(Exp())
    return Tensor.recording(y, op: "exp", inputs: [x]) { g in [Tensor.zipMapped(g, y, Multiply())] }
}

/// The natural logarithm elementwise (NaN below 0, -inf at 0).
public func log(_ x: Tensor) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped(Log()), op: "log", inputs: [x]) { g in [Tensor.zipMapped(g, input, Divide())] }
}

/// The square root elementwise (NaN below 0).
public func sqrt(_ x: Tensor) -> Tensor {
    let y = x.mapped(SquareRoot())
    return Tensor.recording(y, op: "sqrt", inputs: [x]) { g in [Tensor.zipMapped(g, y, SquareRootGradient())] }
}

/// x² elementwise.
public func square(_ x: Tensor) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped(Square()), op: "square", inputs: [x]) { g in [Tensor.zipMapped(g, input, SquareGradient())] }
}

/// |x| elementwise; the gradient at 0 is taken as 0, as TensorFlow does.
public func abs(_ x: Tensor) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped(Absolute()), op: "abs", inputs: [x]) { g in [Tensor.zipMapped(g, input, AbsoluteGradient())] }
}

/// xʸ elementwise with NumPy broadcasting.
///
/// The gradient with respect to y, xʸ·ln x, is taken as 0 where x ≤ 0 (where ln x is undefined),
/// as TensorFlow does.
public func pow(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    let value = try Tensor.broadcasting(x, y, op: "pow", Power())
    let (base, exponent) = (x.withoutDerivative(), y.withoutDerivative())
    let (needBase, needExponent) = (x.isTracked, y.isTracked)
    return Tensor.recording(value, op: "pow", inputs: [x, y]) { g in
        let shape = g.shape
        let b = try base.broadcasted(to: shape), e = try exponent.broadcasted(to: shape)
        return [needBase ? Tensor.zipMapped(g, b, e, PowerBaseGradient()).summed(toShape: base.shape) : nil,
                needExponent ? Tensor.zipMapped(g, b, value, PowerExponentGradient()).summed(toShape: exponent.shape) : nil]
    }
}

/// xᵖ elementwise for a constant exponent.
public func pow(_ x: Tensor, _ p: Float) -> Tensor {
    let input = x.withoutDerivative()
    return Tensor.recording(x.mapped(ConstantPower(exponent: p)), op: "pow", inputs: [x]) { g in
        [Tensor.zipMapped(g, input, ConstantPowerGradient(exponent: p))]
    }
}

/// The larger of x and y elementwise, with NumPy broadcasting. Where they are equal the gradient
/// goes to x, as TensorFlow's does.
public func max(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    try selecting(x, y, op: "maximum", Choice(takesLarger: true))
}

/// The smaller of x and y elementwise, with NumPy broadcasting. Where they are equal the gradient
/// goes to x.
public func min(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    try selecting(x, y, op: "minimum", Choice(takesLarger: false))
}

/// Elementwise choice between x and y; the gradient follows the choice.
private func selecting(_ x: Tensor, _ y: Tensor, op: String, _ choice: Choice) throws -> Tensor {
    let value = try Tensor.broadcasting(x, y, op: op, choice)
    let (a, b) = (x.withoutDerivative(), y.withoutDerivative())
    return Tensor.recording(value, op: op, inputs: [x, y]) { g in
        let shape = g.shape
        let (wideA, wideB) = (try a.broadcasted(to: shape), try b.broadcasted(to: shape))
        return [Tensor.zipMapped(g, wideA, wideB, ChoiceGradient(choice: choice, toFirst: true)).summed(toShape: a.shape),
                Tensor.zipMapped(g, wideA, wideB, ChoiceGradient(choice: choice, toFirst: false)).summed(toShape: b.shape)]
    }
}

// MARK: - Element functions

private struct Exp: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.exp(x) }
}

private struct Log: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.log(x) }
}

private struct SquareRoot: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x.squareRoot() }
}

/// g / (2√x), given g and y = √x.
private struct SquareRootGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g / (2 * y) }
}

private struct Square: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x * x }
}

private struct SquareGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { 2 * g * x }
}

private struct Absolute: UnaryFunction {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Swift.abs(x) }
}

private struct AbsoluteGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { x > 0 ? g : (x < 0 ? -g : 0) }
}

private struct Power: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
}

/// g·e·b^(e-1).
private struct PowerBaseGradient: TernaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ b: Float, _ e: Float) -> Float { g * e * Foundation.pow(b, e - 1) }
}

/// g·bᵉ·ln b, given the result r = bᵉ; 0 where b ≤ 0.
private struct PowerExponentGradient: TernaryFunction {
    @inline(__always) func callAsFunction(_ g: Float, _ b: Float, _ r: Float) -> Float { b > 0 ? g * r * Foundation.log(b) : 0 }
}

private struct ConstantPower: UnaryFunction {
    let exponent: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.pow(x, exponent) }
}

private struct ConstantPowerGradient: BinaryFunction {
    let exponent: Float
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { g * exponent * Foundation.pow(x, exponent - 1) }
}

/// The larger (or smaller) of x and y, x winning ties.
private struct Choice: BinaryFunction {
    let takesLarger: Bool
    @inline(__always) func takesFirst(_ x: Float, _ y: Float) -> Bool { takesLarger ? x >= y : x <= y }
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { takesFirst(x, y) ? x : y }
}

/// g where the choice fell on the operand this gradient is for, else 0.
private struct ChoiceGradient: TernaryFunction {
    let choice: Choice, toFirst: Bool
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float, _ y: Float) -> Float {
        choice.takesFirst(x, y) == toFirst ? g : 0
    }
}
