/// `+ - * /` with NumPy broadcasting, and negation. Each pullback sits below its forward and sums
/// the gradient back to each operand's own shape.
extension Tensor {
    // MARK: - Tensor ⊕ tensor

    /// Elementwise sum with NumPy broadcasting; throws when the shapes do not broadcast.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "add") { $0 + $1 }
        let (lhsShape, rhsShape) = (lhs.shape, rhs.shape)
        return recording(value, op: "add", inputs: [lhs, rhs]) { g in
            [g.summed(toShape: lhsShape), g.summed(toShape: rhsShape)]
        }
    }

    /// Elementwise difference with NumPy broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "subtract") { $0 - $1 }
        let (lhsShape, rhsShape) = (lhs.shape, rhs.shape)
        return recording(value, op: "subtract", inputs: [lhs, rhs]) { g in
            [g.summed(toShape: lhsShape), g.mapped { -$0 }.summed(toShape: rhsShape)]
        }
    }

    /// Elementwise product with NumPy broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "multiply") { $0 * $1 }
        let (x, y) = (lhs.withoutDerivative(), rhs.withoutDerivative())
        let (needX, needY) = (lhs.isTracked, rhs.isTracked)
        return recording(value, op: "multiply", inputs: [lhs, rhs]) { g in
            [needX ? try broadcasting(g, y, op: "multiply") { $0 * $1 }.summed(toShape: x.shape) : nil,
             needY ? try broadcasting(g, x, op: "multiply") { $0 * $1 }.summed(toShape: y.shape) : nil]
        }
    }

    /// Elementwise quotient with NumPy broadcasting (IEEE rules: x / 0 is ±inf or NaN).
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        let value = try broadcasting(lhs, rhs, op: "divide") { $0 / $1 }
        let (x, y) = (lhs.withoutDerivative(), rhs.withoutDerivative())
        let (needX, needY) = (lhs.isTracked, rhs.isTracked)
        return recording(value, op: "divide", inputs: [lhs, rhs]) { g in
            // d(x/y)/dy = -x/y² = -(x/y)/y: reuse the forward value.
            [needX ? try broadcasting(g, y, op: "divide") { $0 / $1 }.summed(toShape: x.shape) : nil,
             needY ? try broadcasting(g, try broadcasting(value.withoutDerivative(), y, op: "divide") { $0 / $1 },
                                      op: "divide") { -$0 * $1 }.summed(toShape: y.shape) : nil]
        }
    }

    // MARK: - Tensor ⊕ scalar

    public static func + (lhs: Tensor, rhs: Float) -> Tensor {
        recording(lhs.mapped { $0 + rhs }, op: "add", inputs: [lhs]) { g in [g] }
    }

    public static func + (lhs: Float, rhs: Tensor) -> Tensor { rhs + lhs }

    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs + (-rhs) }

    public static func - (lhs: Float, rhs: Tensor) -> Tensor {
        recording(rhs.mapped { lhs - $0 }, op: "subtract", inputs: [rhs]) { g in [g.mapped { -$0 }] }
    }

    public static func * (lhs: Tensor, rhs: Float) -> Tensor {
        recording(lhs.mapped { $0 * rhs }, op: "multiply", inputs: [lhs]) { g in [g.mapped { $0 * rhs }] }
    }

    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs * lhs }

    public static func / (lhs: Tensor, rhs: Float) -> Tensor {
        recording(lhs.mapped { $0 / rhs }, op: "divide", inputs: [lhs]) { g in [g.mapped { $0 / rhs }] }
    }

    public static func / (lhs: Float, rhs: Tensor) -> Tensor {
        let value = rhs.mapped { lhs / $0 }
        let x = rhs.withoutDerivative()
        return recording(value, op: "divide", inputs: [rhs]) { g in
            [zipMapped(g, x) { g, x in -g * lhs / (x * x) }]
        }
    }

    /// Elementwise negation.
    public static prefix func - (x: Tensor) -> Tensor {
        recording(x.mapped { -$0 }, op: "negate", inputs: [x]) { g in [g.mapped { -$0 }] }
    }
}
