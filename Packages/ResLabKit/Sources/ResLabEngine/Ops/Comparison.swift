/// Elementwise comparisons with NumPy broadcasting, giving 1 where the relation holds and 0
/// elsewhere. Their results are constants for differentiation (the relation is piecewise constant).
extension Tensor {
    public static func .< (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "less", Comparison(relation: .less))
    }

    public static func .<= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "lessEqual", Comparison(relation: .lessEqual))
    }

    public static func .> (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "greater", Comparison(relation: .greater))
    }

    public static func .>= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "greaterEqual", Comparison(relation: .greaterEqual))
    }

    public static func .== (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "equal", Comparison(relation: .equal))
    }

    public static func .!= (lhs: Tensor, rhs: Tensor) throws -> Tensor {
        try broadcasting(lhs, rhs, op: "notEqual", Comparison(relation: .notEqual))
    }

    public static func .< (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped(ComparisonWithConstant(relation: .less, constant: rhs)) }
    public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped(ComparisonWithConstant(relation: .lessEqual, constant: rhs)) }
    public static func .> (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped(ComparisonWithConstant(relation: .greater, constant: rhs)) }
    public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped(ComparisonWithConstant(relation: .greaterEqual, constant: rhs)) }
    public static func .== (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped(ComparisonWithConstant(relation: .equal, constant: rhs)) }
    public static func .!= (lhs: Tensor, rhs: Float) -> Tensor { lhs.mapped(ComparisonWithConstant(relation: .notEqual, constant: rhs)) }
}

private enum Relation {
    case less, lessEqual, greater, greaterEqual, equal, notEqual

    @inline(__always) func holds(_ x: Float, _ y: Float) -> Bool {
        switch self {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        case .notEqual: return x != y
        }
    }
}

private struct Comparison: BinaryFunction {
    let relation: Relation
    @inline(__always) func callAsFunction(_ x: Float, _ y: Float) -> Float { relation.holds(x, y) ? 1 : 0 }
}

private struct ComparisonWithConstant: UnaryFunction {
    let relation: Relation, constant: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { relation.holds(x, constant) ? 1 : 0 }
}
