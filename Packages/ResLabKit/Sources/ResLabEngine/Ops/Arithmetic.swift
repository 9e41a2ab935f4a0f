/// `+ - * /` with NumPy broadcasting, and negation. Each pullback sits below its forward and sums
/// the gradient back to each operand's own shape.
extension Tensor {
    // MARK: - Tensor ⊕ tensor

    /// Elementwise sum with NumPy broadcasting; throws when the shapes do not broadcast.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "add", Add())
        let (lhsShape, rhsShape) = (lhs.shape, rhs.shape)
        return recording(value, op: "add", inputs: [lhs, rhs]) { g in
            [g.summed(toShape: lhsShape), g.summed(toShape: rhsShape)]
        }
    }

    /// Elementwise difference with NumPy broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "subtract", Subtract())
        let (lhsShape, rhsShape) = (lhs.shape, rhs.shape)
        return recording(value, op: "subtract", inputs: [lhs, rhs]) { g in
            [g.summed(toShape: lhsShape), g.mapped(Negate()).summed(toShape: rhsShape)]
        }
    }

    /// Elementwise product with NumPy broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "multiply", Multiply())
        let (x, y) = (lhs.withoutDerivative(), rhs.withoutDerivative())
        let (needX, needY) = (lhs.isTracked, rhs.isTracked)
        return recording(value, op: "multiply", inputs: [lhs, rhs]) { g in
            [needX ? try broadcasting(g, y, op: "multiply", Multiply()).summed(toShape: x.shape) : nil,
             needY ? try broadcasting(g, x, op: "multiply", Multiply()).summed(toShape: y.shape) : nil]
        }
    }

    /// Elementwise quotient with NumPy broadcasting (IEEE rules: x / 0 is ±inf or NaN).
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "divide", Divide())
        let (x, y) = (lhs.withoutDerivative(), rhs.withoutDerivative())
        let (needX, needY) = (lhs.isTracked, rhs.isTracked)
        return recording(value, op: "divide", inputs: [lhs, rhs]) { g in
            // d(x/y)/dy = -x/y² = -(x/y)/y: reuse the forward value.
            [needX ? try broadcasting(g, y, op: "divide", Divide()).summed(toShape: x.shape) : nil,
             needY ? try broadcasting(g, try broadcasting(value, y, op: "divide", Divide()), op: "divide", NegatedProduct())
                .summed(toShape: y.shape) : nil]
        }
    }

    // MARK: - Tensor ⊕ scalar

    public static func + (lhs: Tensor, rhs: Float) -> Tensor {
        recording(lhs.mapped(AddConstant(constant: rhs)), op: "add", inputs: [lhs]) { g in [g] }
    }

    public static func + (lhs: Float, rhs: Tensor) -> Tensor { rhs + lhs }

    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs + (-rhs) }

    public static func - (lhs: Float, rhs: Tensor) -> Tensor {
        recording(rhs.mapped(SubtractFrom(minuend: lhs)), op: "subtract", inputs: [rhs]) { g in [g.mapped(Negate())] }
    }

    public static func * (lhs: Tensor, rhs: Float) -> Tensor {
        recording(lhs.mapped(Scale(factor: rhs)), op: "multiply", inputs: [lhs]) { g in [g.mapped(Scale(factor: rhs))] }
    }

    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs * lhs }

    public static func / (lhs: Tensor, rhs: Float) -> Tensor {
        recording(lhs.mapped(DivideBy(divisor: rhs)), op: "divide", inputs: [lhs]) { g in [g.mapped(DivideBy(divisor: rhs))] }
    }

    public static func / (lhs: Float, rhs: Tensor) -> Tensor {
        let value = rhs.mapped(DivideInto(dividend: lhs))
        let x = rhs.withoutDerivative()
        return recording(value, op: "divide", inputs: [rhs]) { g in
            [zipMapped(g, x, ReciprocalGradient(dividend: lhs))]
        }
    }

    /// Elementwise negation.
    public static prefix func - (x: Tensor) -> Tensor {
        recording(x.mapped(Negate()), op: "negate", inputs: [x]) { g in [g.mapped(Negate())] }
    }
}

/// -(x·y).
private struct NegatedProduct: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { -x * y }
}

/// c - x.
private struct SubtractFrom: UnaryFunction {
    let minuend: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { minuend - x }
}

/// c / x.
private struct DivideInto: UnaryFunction {
    let dividend: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { dividend / x }
}

/// The gradient of c / x given g: -g·c / x².
private struct ReciprocalGradient: BinaryFunction {
    let dividend: Float
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { -g * dividend / (x * x) }
}
