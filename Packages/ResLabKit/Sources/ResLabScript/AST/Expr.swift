/// An expression of the lesson language, as the front end lowers it from Swift's syntax tree.
///
/// Operators arrive already folded by Swift's precedence groups, so the tree's shape is the
/// evaluation order. Every case carries the location the user would point at: for a binary
/// operator the operator itself, for a call the opening parenthesis's callee, for a member its name.
public indirect enum Expr: Sendable {
    case literal(Literal, SourceLocation)
    /// `"a \(b) c"`: text pieces and interpolated expressions, in order.
    case interpolation([InterpolationPart], SourceLocation)
    /// A name in scope: a variable, a function, or a type (`Tensor`, `Double`). A closure's `$0`
    /// is a name too: the front end gives such a closure the parameters `$0`, `$1`, ….
    case name(String, SourceLocation)
    /// `[a, b]`.
    case array([Expr], SourceLocation)
    case dictionary([(key: Expr, value: Expr)], SourceLocation)
    /// `[Int]()`, `[String: Double]()`: an empty collection of a stated type.
    case emptyCollection(ScriptType, SourceLocation)
    /// `(a, b)` or `(x: 1, y: 2)`; a single unlabelled element is lowered to the element itself.
    case tuple([(label: String?, value: Expr)], SourceLocation)
    /// `-x`, `!flag`, `~bits`.
    case prefix(op: String, operand: Expr, SourceLocation)
    /// `x!`.
    case forceUnwrap(Expr, SourceLocation)
    /// Every infix operator except assignment: arithmetic, comparison, `&&`, `||`, `??`, `..<`, `...`.
    case binary(op: String, lhs: Expr, rhs: Expr, SourceLocation)
    case ternary(condition: Expr, then: Expr, else: Expr, SourceLocation)
    /// `base.name`, including tuple elements `pair.0`.
    case member(base: Expr, name: String, SourceLocation)
    /// `.same`, `.relu`: a member of the type the context expects.
    case implicitMember(name: String, SourceLocation)
    case subscriptAccess(base: Expr, arguments: [Argument], SourceLocation)
    case call(callee: Expr, arguments: [Argument], SourceLocation)
    case closure(FunctionDecl)

    /// Where the expression is reported.
    public var location: SourceLocation {
        switch self {
        case .literal(_, let l), .interpolation(_, let l), .name(_, let l), .array(_, let l),
             .dictionary(_, let l), .emptyCollection(_, let l), .tuple(_, let l), .prefix(_, _, let l),
             .forceUnwrap(_, let l), .binary(_, _, _, let l), .ternary(_, _, _, let l), .member(_, _, let l),
             .implicitMember(_, let l), .subscriptAccess(_, _, let l), .call(_, _, let l):
            return l
        case .closure(let decl):
            return decl.location
        }
    }

    /// Whether the expression is a number literal that Swift would type from its context: `1`,
    /// `-2.5`, `(3)`, and arrays of those. Such an expression may become a Double (or a Float) where
    /// one is expected, as `let x: Double = 1` and `2 * 0.5` do in Swift.
    public var isNumericLiteral: Bool {
        switch self {
        case .literal(.int, _), .literal(.double, _): return true
        case .prefix(let op, let operand, _): return (op == "-" || op == "+") && operand.isNumericLiteral
        case .binary(let op, let lhs, let rhs, _):
            return ["+", "-", "*", "/"].contains(op) && lhs.isNumericLiteral && rhs.isNumericLiteral
        case .array(let elements, _): return !elements.isEmpty && elements.allSatisfy(\.isNumericLiteral)
        default: return false
        }
    }
}

/// A literal value written in the source.
public enum Literal: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case `nil`
}

/// One piece of an interpolated string.
public enum InterpolationPart: Sendable {
    case text(String)
    case expression(Expr)
}

/// An argument of a call or a subscript: `label: value`, or just `value`.
public struct Argument: Sendable {
    public let label: String?
    public let value: Expr
    /// A trailing closure (`xs.map { $0 * 2 }`) matches the next parameter that takes a function,
    /// whatever its label, as Swift's forward scan does.
    public let isTrailingClosure: Bool
    public let location: SourceLocation

    public init(label: String?, value: Expr, isTrailingClosure: Bool = false, location: SourceLocation) {
        self.label = label
        self.value = value
        self.isTrailingClosure = isTrailingClosure
        self.location = location
    }
}
