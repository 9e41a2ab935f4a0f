extension Expr {
    /// An expression whose type comes from its context: a number literal, `nil`, or `.member`.
    var isContextual: Bool {
        switch self {
        case .literal(.nil, _), .implicitMember: return true
        case .call(.implicitMember, _, _): return true
        default: return isNumericLiteral
        }
    }
}

extension Interpreter {
    static let arithmeticOperators: Set<String> = ["+", "-", "*", "/", "%", "&+", "&-", "&*", "&", "|", "^", "<<", ">>"]

    func evaluateBinary(_ op: String, _ lhs: Expr, _ rhs: Expr, at location: SourceLocation, in environment: Environment,
                        expecting expected: ScriptType?) throws -> Value {
        switch op {
        case "&&":
            guard try condition(lhs, in: environment) else { return .bool(false) }
            return .bool(try condition(rhs, in: environment))
        case "||":
            if try condition(lhs, in: environment) { return .bool(true) }
            return .bool(try condition(rhs, in: environment))
        case "??":
            let left = try evaluate(lhs, in: environment, expecting: expected.map { .optional($0) })
            guard case .optional(let wrapped) = left else { return left }
            if let wrapped { return wrapped }
            return try evaluate(rhs, in: environment, expecting: expected)
        default:
            break
        }
        // Evaluate left to right, except that a literal or `.member` on the left takes its type
        // from the right (`2 * x`, `.same == padding`): such operands have no side effects.
        let outer = Self.arithmeticOperators.contains(op) ? expected : nil
        let left: Value
        let right: Value
        if lhs.isContextual && !rhs.isContextual {
            right = try evaluate(rhs, in: environment, expecting: outer)
            left = try evaluate(lhs, in: environment, expecting: right.type)
        } else {
            left = try evaluate(lhs, in: environment, expecting: outer)
            right = try evaluate(rhs, in: environment, expecting: rhs.isContextual ? left.type : outer)
        }
        // Two literals of different number types (`2 * 0.5`): the Int literal becomes the other type.
        if left.type != right.type {
            if lhs.isNumericLiteral, let converted = convertLiteral(left, to: right.type) {
                return try binaryOperation(op, converted, right, at: location)
            }
            if rhs.isNumericLiteral, let converted = convertLiteral(right, to: left.type) {
                return try binaryOperation(op, left, converted, at: location)
            }
        }
        return try binaryOperation(op, left, right, at: location)
    }

    /// Applies an infix operator to two values, as Swift would for the same types.
    func binaryOperation(_ op: String, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value {
        if case .native = left, let result = try nativeOperator(op, left, right, at: location) { return result }
        if case .native = right, let result = try nativeOperator(op, left, right, at: location) { return result }
        switch op {
        case "==":
            return .bool(try valuesEqual(left, right, op: op, at: location))
        case "!=":
            return .bool(!(try valuesEqual(left, right, op: op, at: location)))
        case "..<", "...":
            guard case .int(let lower) = left, case .int(let upper) = right else { break }
            guard lower <= upper else {
                throw runtimeError("range requires lowerBound <= upperBound (got \(lower) and \(upper))", at: location,
                                   hint: "to count down, use stride(from: \(lower), to: \(upper), by: -1)")
            }
            return .range(lower: lower, upper: upper, closed: op == "...")
        default:
            break
        }
        switch (left, right) {
        case (.int(let a), .int(let b)):
            return try intOperation(op, a, b, at: location)
        case (.double(let a), .double(let b)):
            if let result = try floatingOperation(op, a, b, at: location) {
                if case .floating(let value) = result { return .double(value) }
                if case .boolean(let value) = result { return .bool(value) }
            }
        case (.float(let a), .float(let b)):
            if let result = try floatingOperation(op, a, b, at: location) {
                if case .floating(let value) = result { return .float(value) }
                if case .boolean(let value) = result { return .bool(value) }
            }
        case (.string(let a), .string(let b)):
            switch op {
            case "+": return .string(a + b)
            case "<": return .bool(a < b)
            case "<=": return .bool(a <= b)
            case ">": return .bool(a > b)
            case ">=": return .bool(a >= b)
            default: break
            }
        case (.array(let a), .array(let b)) where op == "+":
            return .array(a + b)
        default:
            break
        }
        throw operandError(op, left, right, at: location)
    }

    private func operandError(_ op: String, _ left: Value, _ right: Value, at location: SourceLocation) -> ScriptError {
        var hint = conversionHint(from: right.type, to: left.type)
        if op == "%", case .double = left { hint = "'%' is for integers; for Doubles use a.truncatingRemainder(dividingBy: b)" }
        if case .optional = left { hint = "unwrap the optional first with 'if let', 'guard let', '??' or '!'" }
        if case .optional = right { hint = "unwrap the optional first with 'if let', 'guard let', '??' or '!'" }
        return runtimeError("binary operator '\(op)' cannot be applied to operands of type '\(left.type)' and '\(right.type)'",
                            at: location, hint: hint)
    }

    /// Swift's Int arithmetic: overflow and division by zero are errors; `&+`, `&-`, `&*` wrap.
    private func intOperation(_ op: String, _ a: Int, _ b: Int, at location: SourceLocation) throws -> Value {
        func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
            if result.overflow {
                throw runtimeError("arithmetic overflow: '\(a) \(op) \(b)' does not fit in Int", at: location,
                                   hint: "Int holds \(Int.min)...\(Int.max); use Double for larger numbers, or &\(op) to wrap around")
            }
            return .int(result.partialValue)
        }
        switch op {
        case "+": return try checked(a.addingReportingOverflow(b))
        case "-": return try checked(a.subtractingReportingOverflow(b))
        case "*": return try checked(a.multipliedReportingOverflow(by: b))
        case "/", "%":
            guard b != 0 else {
                throw runtimeError(op == "/" ? "division by zero" : "division by zero in remainder operation", at: location)
            }
            return try checked(op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b))
        case "&+": return .int(a &+ b)
        case "&-": return .int(a &- b)
        case "&*": return .int(a &* b)
        case "&": return .int(a & b)
        case "|": return .int(a | b)
        case "^": return .int(a ^ b)
        case "<<": return .int(a << b)
        case ">>": return .int(a >> b)
        case "<": return .bool(a < b)
        case "<=": return .bool(a <= b)
        case ">": return .bool(a > b)
        case ">=": return .bool(a >= b)
        default: throw operandError(op, .int(a), .int(b), at: location)
        }
    }

    private enum FloatingResult<F> {
        case floating(F)
        case boolean(Bool)
    }

    /// Double and Float arithmetic (IEEE: dividing by zero gives ±inf or nan, as in Swift).
    private func floatingOperation<F: BinaryFloatingPoint>(_ op: String, _ a: F, _ b: F, at location: SourceLocation) throws -> FloatingResult<F>? {
        switch op {
        case "+": return .floating(a + b)
        case "-": return .floating(a - b)
        case "*": return .floating(a * b)
        case "/": return .floating(a / b)
        case "<": return .boolean(a < b)
        case "<=": return .boolean(a <= b)
        case ">": return .boolean(a > b)
        case ">=": return .boolean(a >= b)
        default: return nil
        }
    }

    /// `==` for any two values, natives included (through their `==` operator, elementwise in
    /// collections).
    func valuesEqual(_ left: Value, _ right: Value, op: String, at location: SourceLocation) throws -> Bool {
        switch (left, right) {
        case (.native, _), (_, .native):
            guard let result = try nativeOperator("==", left, right, at: location) else { break }
            guard case .bool(let equal) = result else {
                throw runtimeError("'==' on '\(left.type)' must produce a Bool, not '\(result.type)'", at: location)
            }
            return equal
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !(try valuesEqual(x, y, op: op, at: location)) { return false }
            return true
        case (.tuple(let a), .tuple(let b)) where a.elements.count == b.elements.count:
            for (x, y) in zip(a.elements, b.elements) where !(try valuesEqual(x, y, op: op, at: location)) { return false }
            return true
        case (.optional(let a), .optional(let b)):
            guard let a, let b else { return a == nil && b == nil }
            return try valuesEqual(a, b, op: op, at: location)
        case (.optional(let a), _):
            guard let a else { return false }
            return try valuesEqual(a, right, op: op, at: location)
        case (_, .optional(let b)):
            guard let b else { return false }
            return try valuesEqual(left, b, op: op, at: location)
        default:
            if !Self.mixesNumbers(left, right), let equal = left.builtinEquals(right) { return equal }
        }
        throw operandError(op, left, right, at: location)
    }

    /// Whether the two values are numbers of different types (which Swift does not compare).
    private static func mixesNumbers(_ left: Value, _ right: Value) -> Bool {
        func isNumber(_ value: Value) -> Bool {
            switch value {
            case .int, .double, .float: return true
            default: return false
            }
        }
        return isNumber(left) && isNumber(right) && left.type != right.type
    }

    /// A native type's operator for the two operands: the left operand's type first, then the
    /// right's; `!=`, `>`, `<=`, `>=` derived from `==` and `<` when not registered.
    func nativeOperator(_ op: String, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value? {
        var types: [NativeType] = []
        if case .native(let native) = left { types.append(native.type) }
        if case .native(let native) = right, !types.contains(where: { $0 === native.type }) { types.append(native.type) }
        let context = NativeContext(interpreter: self, location: location)
        for type in types {
            for entry in type.infixOperators[op] ?? [] {
                do {
                    if let result = try entry.body(left, right, context) { return result }
                } catch {
                    throw nativeError(error, at: location)
                }
            }
        }
        func negated(_ value: Value?) -> Value? {
            guard case .bool(let truth)? = value else { return nil }
            return .bool(!truth)
        }
        switch op {
        case "!=": return negated(try nativeOperator("==", left, right, at: location))
        case ">": return try nativeOperator("<", right, left, at: location)
        case "<=": return negated(try nativeOperator("<", right, left, at: location))
        case ">=": return negated(try nativeOperator("<", left, right, at: location))
        default: return nil
        }
    }

    func prefixOperation(_ op: String, _ value: Value, at location: SourceLocation) throws -> Value {
        switch (op, value) {
        case ("-", .int(let v)):
            guard v != Int.min else { throw runtimeError("arithmetic overflow: -(\(v)) does not fit in Int", at: location) }
            return .int(-v)
        case ("-", .double(let v)): return .double(-v)
        case ("-", .float(let v)): return .float(-v)
        case ("+", .int), ("+", .double), ("+", .float): return value
        case ("!", .bool(let v)): return .bool(!v)
        case ("~", .int(let v)): return .int(~v)
        case (_, .native(let native)):
            if let body = native.type.prefixOperators[op] {
                do { return try body(value, NativeContext(interpreter: self, location: location)) } catch {
                    throw nativeError(error, at: location)
                }
            }
        default:
            break
        }
        throw runtimeError("unary operator '\(op)' cannot be applied to an operand of type '\(value.type)'", at: location,
                           hint: op == "!" ? "'!' negates a Bool" : nil)
    }
}
