import ResLabScript
import SwiftSyntax

/// Lowers swift-syntax's tree (operators already folded) to the lesson language's AST.
///
/// Grammar of the subset, in Swift's terms:
///
///     program     → (import ResLab | declaration | statement)*
///     declaration → (let | var) pattern (: type)? (= expression)? (, …)*
///                 | func name(parameters) (-> type)? { statements }
///     parameter   → (label | _)? name : type (= expression)?
///     statement   → if conditions { … } (else if … | else { … })?
///                 | guard conditions else { … } | for pattern in expression { … }
///                 | while conditions { … } | repeat { … } while expression | do { … }
///                 | return expression? | break | continue
///                 | target (= | += | -= | *= | /= | %= | …) expression | expression
///     condition   → expression | (let | var) name (= expression)?
///     expression  → literal | "…\(expression)…" | name | $0 | [expressions] | [key: value, …]
///                 | (expression) | (label: expression, …) | prefix-operator expression
///                 | expression infix-operator expression | expression ? expression : expression
///                 | expression! | expression.name | .name | expression[arguments]
///                 | expression(arguments) trailing-closure? | { parameters in statements }
///     type        → name | [type] | [type: type] | type? | (types) -> type | (types)
///
/// Anything else is valid Swift outside the subset: it is reported with a message naming the
/// construct, and lowering goes on so that one pass reports every such place.
final class Lowerer {
    let source: SourceFile
    private let converter: SourceLocationConverter
    private(set) var errors: [ScriptError] = []

    init(source: SourceFile, tree: SourceFileSyntax) {
        self.source = source
        self.converter = SourceLocationConverter(fileName: source.name, tree: tree)
    }

    // MARK: - Locations and errors

    func location(_ node: some SyntaxProtocol) -> ResLabScript.SourceLocation {
        let position = converter.location(for: node.positionAfterSkippingLeadingTrivia)
        return ResLabScript.SourceLocation(source: source, line: position.line, column: position.column)
    }

    /// Records a construct outside the subset: "classes are not part of the lesson language yet".
    func unsupported(_ construct: String, _ node: some SyntaxProtocol, plural: Bool = true, hint: String? = nil) {
        errors.append(ScriptError(.unsupported, "\(construct) \(plural ? "are" : "is") not part of the lesson language yet",
                                  at: location(node), hint: hint))
    }

    func error(_ message: String, _ node: some SyntaxProtocol, hint: String? = nil) {
        errors.append(ScriptError(.unsupported, message, at: location(node), hint: hint))
    }

    // MARK: - Statements

    func lower(_ file: SourceFileSyntax) -> [Stmt] { lower(file.statements) }

    func lower(_ items: CodeBlockItemListSyntax) -> [Stmt] { items.flatMap(lower) }

    func lower(_ block: CodeBlockSyntax) -> [Stmt] { lower(block.statements) }

    private func lower(_ item: CodeBlockItemSyntax) -> [Stmt] {
        switch item.item {
        case .decl(let decl): return lower(decl: decl)
        case .stmt(let statement): return lower(statement: statement).map { [$0] } ?? []
        case .expr(let expression): return lower(expressionStatement: expression).map { [$0] } ?? []
        }
    }

    private func lower(decl: DeclSyntax) -> [Stmt] {
        if let variable = decl.as(VariableDeclSyntax.self) { return lower(variable: variable) }
        if let function = decl.as(FunctionDeclSyntax.self) { return lower(function: function).map { [.function($0)] } ?? [] }
        if let importDecl = decl.as(ImportDeclSyntax.self) {
            let module = importDecl.path.map(\.name.text).joined(separator: ".")
            if module != "ResLab" {
                error("module '\(module)' is not available in lessons", importDecl.path,
                      hint: "'import ResLab' gives everything lessons use")
            }
            return []
        }
        let construct: (String, Bool)
        switch decl.kind {
        case .classDecl: construct = ("classes", true)
        case .structDecl: construct = ("structs", true)
        case .enumDecl: construct = ("enums", true)
        case .protocolDecl: construct = ("protocols", true)
        case .extensionDecl: construct = ("extensions", true)
        case .actorDecl: construct = ("actors", true)
        case .typeAliasDecl: construct = ("type aliases", true)
        case .operatorDecl, .precedenceGroupDecl: construct = ("operator declarations", true)
        case .subscriptDecl: construct = ("subscript declarations", true)
        case .initializerDecl, .deinitializerDecl: construct = ("initializers outside a type", true)
        case .ifConfigDecl: construct = ("conditional compilation (#if)", false)
        case .macroDecl, .macroExpansionDecl: construct = ("macros", true)
        default: construct = ("this declaration", false)
        }
        unsupported(construct.0, decl, plural: construct.1)
        return []
    }

    private func lower(variable: VariableDeclSyntax) -> [Stmt] {
        if let modifier = variable.modifiers.first {
            unsupported("'\(modifier.name.text)' modifiers", modifier)
        }
        if let attribute = variable.attributes.first { unsupported("attributes", attribute) }
        let isConstant = variable.bindingSpecifier.tokenKind == .keyword(.let)
        var statements: [Stmt] = []
        for binding in variable.bindings {
            if let accessors = binding.accessorBlock {
                unsupported("computed properties and property observers", accessors)
                continue
            }
            guard let pattern = lower(pattern: binding.pattern) else { continue }
            let type = binding.typeAnnotation.flatMap { lower(type: $0.type) }
            let initializer = binding.initializer.map { lower($0.value) }
            statements.append(.variable(VariableDecl(isConstant: isConstant, pattern: pattern, type: type,
                                                     initializer: initializer, location: location(binding.pattern))))
        }
        return statements
    }

    func lower(pattern: PatternSyntax) -> Pattern? {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            return .name(identifier.identifier.text, location(identifier))
        }
        if let wildcard = pattern.as(WildcardPatternSyntax.self) { return .wildcard(location(wildcard)) }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            var elements: [Pattern] = []
            for element in tuple.elements {
                if let label = element.label { unsupported("labels in tuple patterns", label) }
                guard let lowered = lower(pattern: element.pattern) else { return nil }
                elements.append(lowered)
            }
            return .tuple(elements, location(tuple))
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            unsupported("'\(binding.bindingSpecifier.text)' inside patterns", binding)
            return nil
        }
        unsupported("this pattern", pattern, plural: false)
        return nil
    }

    func lower(function: FunctionDeclSyntax) -> FunctionDecl? {
        if let generics = function.genericParameterClause {
            unsupported("generic functions", generics)
            return nil
        }
        if let modifier = function.modifiers.first { unsupported("'\(modifier.name.text)' modifiers", modifier) }
        if let attribute = function.attributes.first { unsupported("attributes", attribute) }
        if let effects = function.signature.effectSpecifiers {
            unsupported("'async' and 'throws' functions", effects)
        }
        guard let body = function.body else {
            error("function '\(function.name.text)' needs a body", function.name)
            return nil
        }
        var parameters: [Parameter] = []
        for parameter in function.signature.parameterClause.parameters {
            if let ellipsis = parameter.ellipsis {
                unsupported("variadic parameters", ellipsis, hint: "take an array instead: '_ values: [Double]'")
            }
            let firstName = parameter.firstName.text
            let label: String? = firstName == "_" ? nil : firstName
            let name = parameter.secondName?.text ?? firstName
            parameters.append(Parameter(label: label, name: name, type: lower(type: parameter.type),
                                        defaultValue: parameter.defaultValue.map { lower($0.value) },
                                        location: location(parameter)))
        }
        let returnType = function.signature.returnClause.flatMap { lower(type: $0.type) }
        let statements = lower(body)
        return FunctionDecl(name: function.name.text, parameters: parameters, returnType: returnType, body: statements,
                            hasImplicitReturn: Self.isSingleExpression(statements) && returnType != nil && returnType != .void,
                            location: location(function.name))
    }

    static func isSingleExpression(_ statements: [Stmt]) -> Bool {
        guard statements.count == 1, case .expression = statements[0] else { return false }
        return true
    }

    private func lower(statement: StmtSyntax) -> Stmt? {
        if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
            return lower(expressionStatement: expressionStatement.expression)
        }
        if let guardStatement = statement.as(GuardStmtSyntax.self) {
            return .guardStatement(GuardStatement(conditions: lower(conditions: guardStatement.conditions),
                                                  elseBody: lower(guardStatement.body), location: location(guardStatement)))
        }
        if let forStatement = statement.as(ForStmtSyntax.self) {
            if let keyword = forStatement.caseKeyword ?? forStatement.tryKeyword ?? forStatement.awaitKeyword {
                unsupported("'for \(keyword.text)' loops", keyword)
            }
            if let whereClause = forStatement.whereClause {
                unsupported("'where' clauses in for loops", whereClause, hint: "put an 'if' (or 'guard … else { continue }') inside the loop")
            }
            if let annotation = forStatement.typeAnnotation { unsupported("type annotations in for loops", annotation) }
            guard let pattern = lower(pattern: forStatement.pattern) else { return nil }
            return .forIn(ForInLoop(pattern: pattern, sequence: lower(forStatement.sequence), body: lower(forStatement.body),
                                    location: location(forStatement)))
        }
        if let whileStatement = statement.as(WhileStmtSyntax.self) {
            return .whileLoop(WhileLoop(conditions: lower(conditions: whileStatement.conditions), body: lower(whileStatement.body),
                                        location: location(whileStatement)))
        }
        if let repeatStatement = statement.as(RepeatStmtSyntax.self) {
            return .repeatWhile(RepeatWhileLoop(body: lower(repeatStatement.body), condition: lower(repeatStatement.condition),
                                                location: location(repeatStatement)))
        }
        if let returnStatement = statement.as(ReturnStmtSyntax.self) {
            return .returnStatement(returnStatement.expression.map(lower), location(returnStatement))
        }
        if let breakStatement = statement.as(BreakStmtSyntax.self) {
            if let label = breakStatement.label { unsupported("labeled statements", label) }
            return .breakStatement(location(breakStatement))
        }
        if let continueStatement = statement.as(ContinueStmtSyntax.self) {
            if let label = continueStatement.label { unsupported("labeled statements", label) }
            return .continueStatement(location(continueStatement))
        }
        if let doStatement = statement.as(DoStmtSyntax.self) {
            if let clause = doStatement.catchClauses.first {
                unsupported("'catch' clauses", clause, hint: "lesson code does not throw errors")
            }
            return .block(lower(doStatement.body), location(doStatement))
        }
        let construct: (String, Bool)
        switch statement.kind {
        case .labeledStmt: construct = ("labeled statements", true)
        case .deferStmt: construct = ("'defer' statements", true)
        case .throwStmt: construct = ("'throw' statements", true)
        case .fallThroughStmt: construct = ("'fallthrough' statements", true)
        default: construct = ("this statement", false)
        }
        unsupported(construct.0, statement, plural: construct.1)
        return nil
    }

    private static let compoundAssignments: Set<String> = ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&+=", "&-=", "&*="]

    /// An expression in statement position: an assignment, an `if`, or an expression evaluated.
    private func lower(expressionStatement expression: ExprSyntax) -> Stmt? {
        if let ifExpression = expression.as(IfExprSyntax.self) { return .ifStatement(lower(if: ifExpression)) }
        if let infix = expression.as(InfixOperatorExprSyntax.self) {
            var op: String?
            if infix.operator.is(AssignmentExprSyntax.self) {
                op = "="
            } else if let binary = infix.operator.as(BinaryOperatorExprSyntax.self),
                      Self.compoundAssignments.contains(binary.operator.text) {
                op = binary.operator.text
            }
            if let op {
                let value = lower(infix.rightOperand)
                if infix.leftOperand.is(DiscardAssignmentExprSyntax.self) { return .expression(value) }
                return .assignment(Assignment(op: op, target: lower(infix.leftOperand), value: value, location: location(infix.operator)))
            }
        }
        if let switchExpression = expression.as(SwitchExprSyntax.self) {
            unsupported("switch statements", switchExpression, hint: "use 'if' / 'else if'")
            return nil
        }
        return .expression(lower(expression))
    }

    private func lower(if node: IfExprSyntax) -> IfStatement {
        var otherwise: Stmt?
        switch node.elseBody {
        case .ifExpr(let nested)?: otherwise = .ifStatement(lower(if: nested))
        case .codeBlock(let block)?: otherwise = .block(lower(block), location(block))
        case nil: otherwise = nil
        }
        return IfStatement(conditions: lower(conditions: node.conditions), then: lower(node.body), otherwise: otherwise,
                           location: location(node))
    }

    private func lower(conditions: ConditionElementListSyntax) -> [Condition] {
        conditions.compactMap { element in
            switch element.condition {
            case .expression(let expression):
                return .boolean(lower(expression))
            case .optionalBinding(let binding):
                guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
                    unsupported("this pattern in a condition", binding.pattern, plural: false)
                    return nil
                }
                if let annotation = binding.typeAnnotation { unsupported("type annotations in 'if let'", annotation) }
                let name = identifier.identifier.text
                let value = binding.initializer.map { lower($0.value) } ?? .name(name, location(identifier))
                return .optionalBinding(isConstant: binding.bindingSpecifier.tokenKind == .keyword(.let), name: name,
                                        value: value, location(binding))
            case .matchingPattern(let pattern):
                unsupported("'case' patterns in conditions", pattern)
                return nil
            case .availability(let availability):
                unsupported("availability conditions", availability)
                return nil
            }
        }
    }
}
