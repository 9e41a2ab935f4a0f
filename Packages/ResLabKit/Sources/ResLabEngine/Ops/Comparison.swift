/// Elementwise comparisons with NumPy broadcasting, giving 1 where the relation holds and 0
/// elsewhere. Their results are constants for differentiation (the relation is piecewise constant).
extension Tensor {
    public static func .< (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "less") { $0 < $1 ? 1 : 0 }
    }

    public static func .<= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "lessEqual") { $0 <= $1 ? 1 : 0 }
    }

    public static func .> (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "greater") { $0 > $1 ? 1 : 0 }
    }

    public static func .>= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "greaterEqual") { $0 >= $1 ? 1 : 0 }
    }

    public static func .== (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "equal") { $0 == $1 ? 1 : 0 }
    }

    public static func .!= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "notEqual") { $0 != $1 ? 1 : 0 }
    }

    public static func .< (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 < rhs ? 1 : 0 } }
    public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 <= rhs ? 1 : 0 } }
    public static func .> (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 > rhs ? 1 : 0 } }
    public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 >= rhs ? 1 : 0 } }
    public static func .== (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 == rhs ? 1 : 0 } }
    public static func .!= (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped { $0 != rhs ? 1 : 0 } }
}
