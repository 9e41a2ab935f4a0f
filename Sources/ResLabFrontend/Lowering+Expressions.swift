import ResLabScript
@_spi(Compiler) import SwiftParser
import SwiftSyntax

extension Lowerer {
    /// Lowers an expression; a construct outside the subset is reported and stands as `nil`.
    func lower(_ expression: ExprSyntax) -> Expr {
        let here = location(expression)
        if let integer = expression.as(IntegerLiteralExprSyntax.self) {
            guard let value = integer.representedLiteralValue else {
                error("integer literal '\(integer.literal.text)' overflows when stored into 'Int'", integer,
                      hint: "Int holds \(Int.min)...\(Int.max); write it as a Double, e.g. '\(integer.literal.text).0'")
                return .literal(.nil, here)
            }
            return .literal(.int(value), here)
        }
        if let float = expression.as(FloatLiteralExprSyntax.self) {
            return .literal(.double(float.representedLiteralValue ?? .infinity), here)
        }
        if let boolean = expression.as(BooleanLiteralExprSyntax.self) {
            return .literal(.bool(boolean.literal.tokenKind == .keyword(.true)), here)
        }
        if expression.is(NilLiteralExprSyntax.self) { return .literal(.nil, here) }
        if let string = expression.as(StringLiteralExprSyntax.self) { return lower(string: string) }
        if let reference = expression.as(DeclReferenceExprSyntax.self) {
            if let arguments = reference.argumentNames {
                unsupported("references to functions by their labels", arguments, hint: "call the function, or wrap it in a closure")
            }
            switch reference.baseName.tokenKind {
            case .keyword(.self), .keyword(.Self), .keyword(.super):
                unsupported("'\(reference.baseName.text)'", reference, plural: false)
                return .literal(.nil, here)
            default:
                return .name(reference.baseName.text, here)
            }
        }
        if let array = expression.as(ArrayExprSyntax.self) {
            return .array(array.elements.map { lower($0.expression) }, here)
        }
        if let dictionary = expression.as(DictionaryExprSyntax.self) {
            switch dictionary.content {
            case .colon: return .dictionary([], here)
            case .elements(let elements):
                return .dictionary(elements.map { (key: lower($0.key), value: lower($0.value)) }, here)
            }
        }
        if let tuple = expression.as(TupleExprSyntax.self) {
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil { return lower(only.expression) }
            return .tuple(tuple.elements.map { (label: $0.label?.text, value: lower($0.expression)) }, here)
        }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self) {
            let op = prefix.operator.text
            if op == "-", let integer = prefix.expression.as(IntegerLiteralExprSyntax.self),
               let value = Int("-" + integer.literal.text.filter { $0 != "_" }) {
                return .literal(.int(value), location(prefix.operator))
            }
            guard ["-", "+", "!", "~"].contains(op) else {
                unsupported("the prefix operator '\(op)'", prefix.operator, plural: false)
                return .literal(.nil, here)
            }
            return .prefix(op: op, operand: lower(prefix.expression), location(prefix.operator))
        }
        if let force = expression.as(ForceUnwrapExprSyntax.self) {
            return .forceUnwrap(lower(force.expression), location(force.exclamationMark))
        }
        if let infix = expression.as(InfixOperatorExprSyntax.self) { return lower(infix: infix) }
        if let ternary = expression.as(TernaryExprSyntax.self) {
            return .ternary(condition: lower(ternary.condition), then: lower(ternary.thenExpression),
                            else: lower(ternary.elseExpression), location(ternary.questionMark))
        }
        if let member = expression.as(MemberAccessExprSyntax.self) {
            let name = member.declName.baseName.text
            guard let base = member.base else { return .implicitMember(name: name, location(member.declName)) }
            if base.is(OptionalChainingExprSyntax.self) {
                unsupported("optional chaining ('?.')", base, hint: "unwrap first with 'if let' or 'guard let'")
                return .literal(.nil, here)
            }
            return .member(base: lower(base), name: name, location(member.declName))
        }
        if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) {
            if let closure = subscriptCall.trailingClosure { unsupported("trailing closures on subscripts", closure) }
            return .subscriptAccess(base: lower(subscriptCall.calledExpression), arguments: lower(arguments: subscriptCall.arguments),
                                    location(subscriptCall.leftSquare))
        }
        if let call = expression.as(FunctionCallExprSyntax.self) { return lower(call: call) }
        if let closure = expression.as(ClosureExprSyntax.self) { return .closure(lower(closure: closure)) }
        report(expression)
        return .literal(.nil, here)
    }

    /// Names the construct of an expression outside the subset.
    private func report(_ expression: ExprSyntax) {
        switch expression.kind {
        case .ifExpr: unsupported("'if' expressions", expression, hint: "use an 'if' statement that assigns a variable")
        case .switchExpr: unsupported("switch statements", expression, hint: "use 'if' / 'else if'")
        case .isExpr: unsupported("'is' type checks", expression)
        case .asExpr: unsupported("'as' casts", expression, hint: "convert numbers with Double(x), Int(x), Float(x)")
        case .tryExpr: unsupported("'try'", expression, plural: false, hint: "lesson code does not throw errors")
        case .awaitExpr: unsupported("'await'", expression, plural: false)
        case .keyPathExpr: unsupported("key paths", expression, hint: "use a closure: xs.map { $0.count }")
        case .optionalChainingExpr: unsupported("optional chaining ('?.')", expression, hint: "unwrap first with 'if let' or 'guard let'")
        case .postfixOperatorExpr: unsupported("postfix operators", expression)
        case .macroExpansionExpr: unsupported("macros", expression)
        case .discardAssignmentExpr: error("'_' can only appear on the left of '='", expression)
        case .sequenceExpr: unsupported("this operator", expression, plural: false)
        case .regexLiteralExpr: unsupported("regular expressions", expression)
        case .typeExpr: unsupported("type expressions", expression)
        case .assignmentExpr: error("an assignment is a statement, not a value", expression)
        default: unsupported("this expression", expression, plural: false)
        }
    }

    private static let infixOperators: Set<String> = [
        "+", "-", "*", "/", "%", "&+", "&-", "&*", "&", "|", "^", "<<", ">>",
        "==", "!=", "<", "<=", ">", ">=", "&&", "||", "??", "..<", "...",
    ]

    private func lower(infix: InfixOperatorExprSyntax) -> Expr {
        guard let binary = infix.operator.as(BinaryOperatorExprSyntax.self) else {
            if infix.operator.is(AssignmentExprSyntax.self) {
                error("an assignment is a statement, not a value", infix.operator, hint: "write the assignment on a line of its own")
            } else {
                report(ExprSyntax(infix.operator))
            }
            return .literal(.nil, location(infix))
        }
        let op = binary.operator.text
        guard Self.infixOperators.contains(op) else {
            if op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op) {
                error("an assignment is a statement, not a value", binary, hint: "write the assignment on a line of its own")
            } else {
                unsupported("the operator '\(op)'", binary, plural: false)
            }
            return .literal(.nil, location(infix))
        }
        return .binary(op: op, lhs: lower(infix.leftOperand), rhs: lower(infix.rightOperand), location(binary))
    }

    private func lower(string: StringLiteralExprSyntax) -> Expr {
        let here = location(string)
        if let value = string.representedLiteralValue { return .literal(.string(value), here) }
        guard let kind = string.stringLiteralKind else { return .literal(.string(""), here) }
        var parts: [InterpolationPart] = []
        for segment in string.segments {
            switch segment {
            case .stringSegment(let piece):
                var text = ""
                piece.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: string.delimiterLength, to: &text)
                parts.append(.text(text))
            case .expressionSegment(let interpolation):
                guard interpolation.expressions.count == 1, let only = interpolation.expressions.first, only.label == nil else {
                    unsupported("interpolations with labels or several values", interpolation)
                    continue
                }
                parts.append(.expression(lower(only.expression)))
            }
        }
        return .interpolation(parts, here)
    }

    func lower(arguments: LabeledExprListSyntax) -> [Argument] {
        arguments.map {
            Argument(label: $0.label?.text, value: lower($0.expression), location: location($0.expression))
        }
    }

    private func lower(call: FunctionCallExprSyntax) -> Expr {
        var arguments = lower(arguments: call.arguments)
        if let closure = call.trailingClosure {
            arguments.append(Argument(label: nil, value: .closure(lower(closure: closure)), isTrailingClosure: true,
                                      location: location(closure)))
        }
        if let extra = call.additionalTrailingClosures.first {
            unsupported("several trailing closures", extra, hint: "pass the closures as labelled arguments")
        }
        let callee = call.calledExpression
        // `[Int]()`, `[String: Double]()`, `[Double](repeating: 0, count: 3)`: a collection type.
        if let array = callee.as(ArrayExprSyntax.self), array.elements.count == 1, let element = array.elements.first,
           let elementType = type(spelledBy: element.expression) {
            return .call(callee: .emptyCollection(.array(elementType), location(array)), arguments: arguments, location(callee))
        }
        if let dictionary = callee.as(DictionaryExprSyntax.self), case .elements(let elements) = dictionary.content,
           elements.count == 1, let only = elements.first,
           let keyType = type(spelledBy: only.key), let valueType = type(spelledBy: only.value) {
            return .call(callee: .emptyCollection(.dictionary(key: keyType, value: valueType), location(dictionary)),
                         arguments: arguments, location(callee))
        }
        return .call(callee: lower(callee), arguments: arguments, location(callee))
    }

    /// The type an expression spells in `[Int]()`: a type name (capitalised, as types are), or a
    /// nested collection of them.
    private func type(spelledBy expression: ExprSyntax) -> ScriptType? {
        if let reference = expression.as(DeclReferenceExprSyntax.self), reference.argumentNames == nil,
           let first = reference.baseName.text.first, first.isUppercase {
            let name = reference.baseName.text
            return ScriptType.builtin(named: name) ?? .named(name)
        }
        if let array = expression.as(ArrayExprSyntax.self), array.elements.count == 1, let only = array.elements.first {
            return type(spelledBy: only.expression).map { .array($0) }
        }
        if let optional = expression.as(OptionalChainingExprSyntax.self) {
            return type(spelledBy: optional.expression).map { .optional($0) }
        }
        return nil
    }

    func lower(closure: ClosureExprSyntax) -> FunctionDecl {
        var parameters: [Parameter] = []
        var returnType: ScriptType?
        if let signature = closure.signature {
            if let capture = signature.capture { unsupported("capture lists", capture) }
            if let effects = signature.effectSpecifiers { unsupported("'async' and 'throws' closures", effects) }
            returnType = signature.returnClause.flatMap { lower(type: $0.type) }
            switch signature.parameterClause {
            case .simpleInput(let names)?:
                parameters = names.map {
                    Parameter(label: nil, name: $0.name.text, type: nil, defaultValue: nil, location: location($0))
                }
            case .parameterClause(let clause)?:
                parameters = clause.parameters.map {
                    Parameter(label: nil, name: ($0.secondName ?? $0.firstName).text, type: $0.type.flatMap { lower(type: $0) },
                              defaultValue: nil, location: location($0))
                }
            case nil:
                break
            }
        } else {
            let count = DollarParameterCounter.count(in: closure.statements)
            parameters = (0..<count).map {
                Parameter(label: nil, name: "$\($0)", type: nil, defaultValue: nil, location: location(closure))
            }
        }
        let body = lower(closure.statements)
        return FunctionDecl(name: nil, parameters: parameters, returnType: returnType, body: body,
                            hasImplicitReturn: Self.isSingleExpression(body), location: location(closure.leftBrace))
    }
}

/// How many `$n` parameters a closure without a parameter list uses: one more than the largest
/// `n` in its body, not counting nested closures (which have their own).
private final class DollarParameterCounter: SyntaxVisitor {
    private var count = 0

    static func count(in statements: CodeBlockItemListSyntax) -> Int {
        let counter = DollarParameterCounter(viewMode: .sourceAccurate)
        counter.walk(statements)
        return counter.count
    }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if case .dollarIdentifier(let text) = node.baseName.tokenKind, let index = Int(text.dropFirst()) {
            count = max(count, index + 1)
        }
        return .skipChildren
    }
}
