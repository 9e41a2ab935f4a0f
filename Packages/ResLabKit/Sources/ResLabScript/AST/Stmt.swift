/// A statement of the lesson language.
public indirect enum Stmt: Sendable {
    /// An expression evaluated for its effect (a call) or, last in a notebook cell, for its value.
    case expression(Expr)
    /// `let`/`var` with a name or a tuple pattern, an optional annotation and initial value.
    case variable(VariableDecl)
    case function(FunctionDecl)
    /// `target = value` or a compound `target += value`; the target is a name, member or subscript.
    case assignment(Assignment)
    case ifStatement(IfStatement)
    case guardStatement(GuardStatement)
    case forIn(ForInLoop)
    case whileLoop(WhileLoop)
    case repeatWhile(RepeatWhileLoop)
    /// `do { … }` without `catch`: a nested scope.
    case block([Stmt], SourceLocation)
    case returnStatement(Expr?, SourceLocation)
    case breakStatement(SourceLocation)
    case continueStatement(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .expression(let e): return e.location
        case .variable(let d): return d.location
        case .function(let d): return d.location
        case .assignment(let a): return a.location
        case .ifStatement(let s): return s.location
        case .guardStatement(let s): return s.location
        case .forIn(let s): return s.location
        case .whileLoop(let s): return s.location
        case .repeatWhile(let s): return s.location
        case .block(_, let l), .returnStatement(_, let l), .breakStatement(let l), .continueStatement(let l):
            return l
        }
    }
}

/// What a `let`/`var` or a `for` binds: a name, `_`, or a tuple of patterns `(i, x)`.
public indirect enum Pattern: Sendable {
    case name(String, SourceLocation)
    case wildcard(SourceLocation)
    case tuple([Pattern], SourceLocation)

    /// The names bound, in source order.
    public var names: [(name: String, location: SourceLocation)] {
        switch self {
        case .name(let name, let location): return [(name, location)]
        case .wildcard: return []
        case .tuple(let patterns, _): return patterns.flatMap(\.names)
        }
    }
}

public struct VariableDecl: Sendable {
    public let isConstant: Bool
    public let pattern: Pattern
    public let type: ScriptType?
    public let initializer: Expr?
    public let location: SourceLocation

    public init(isConstant: Bool, pattern: Pattern, type: ScriptType?, initializer: Expr?, location: SourceLocation) {
        self.isConstant = isConstant
        self.pattern = pattern
        self.type = type
        self.initializer = initializer
        self.location = location
    }
}

/// A parameter of a function or closure. `label` is the argument label callers write (nil for `_`),
/// `name` the name inside the body.
public struct Parameter: Sendable {
    public let label: String?
    public let name: String
    /// Nil only for closure parameters written without a type.
    public let type: ScriptType?
    public let defaultValue: Expr?
    public let location: SourceLocation

    public init(label: String?, name: String, type: ScriptType?, defaultValue: Expr?, location: SourceLocation) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.location = location
    }
}

/// A `func` declaration or a closure expression.
public struct FunctionDecl: Sendable {
    /// Nil for a closure.
    public let name: String?
    public let parameters: [Parameter]
    /// Nil when the function states no `-> T` (it returns Void), or for a closure without one.
    public let returnType: ScriptType?
    public let body: [Stmt]
    /// A single-expression body returns its value, as in Swift (`{ $0 * 2 }`, `func f() -> Int { 1 }`).
    public let hasImplicitReturn: Bool
    public let location: SourceLocation

    public init(name: String?, parameters: [Parameter], returnType: ScriptType?, body: [Stmt],
                hasImplicitReturn: Bool, location: SourceLocation) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.hasImplicitReturn = hasImplicitReturn
        self.location = location
    }

    public var isClosure: Bool { name == nil }

    /// Swift's way of naming a function with its labels: `identityBlock(_:f:filters:)`.
    public var displayName: String {
        guard let name else { return "closure" }
        return name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}

public struct Assignment: Sendable {
    /// `=` or a compound operator such as `+=`.
    public let op: String
    public let target: Expr
    public let value: Expr
    public let location: SourceLocation

    public init(op: String, target: Expr, value: Expr, location: SourceLocation) {
        self.op = op
        self.target = target
        self.value = value
        self.location = location
    }
}

/// One clause of an `if`/`guard`/`while` condition list.
public enum Condition: Sendable {
    case boolean(Expr)
    /// `let name = value` / `var name = value`; `if let x` is lowered with `value` = `x`.
    case optionalBinding(isConstant: Bool, name: String, value: Expr, SourceLocation)
}

public struct IfStatement: Sendable {
    public let conditions: [Condition]
    public let then: [Stmt]
    /// `else { … }` as a block, `else if` as a nested `.ifStatement`.
    public let otherwise: Stmt?
    public let location: SourceLocation

    public init(conditions: [Condition], then: [Stmt], otherwise: Stmt?, location: SourceLocation) {
        self.conditions = conditions
        self.then = then
        self.otherwise = otherwise
        self.location = location
    }
}

public struct GuardStatement: Sendable {
    public let conditions: [Condition]
    public let elseBody: [Stmt]
    public let location: SourceLocation

    public init(conditions: [Condition], elseBody: [Stmt], location: SourceLocation) {
        self.conditions = conditions
        self.elseBody = elseBody
        self.location = location
    }
}

public struct ForInLoop: Sendable {
    public let pattern: Pattern
    public let sequence: Expr
    public let body: [Stmt]
    public let location: SourceLocation

    public init(pattern: Pattern, sequence: Expr, body: [Stmt], location: SourceLocation) {
        self.pattern = pattern
        self.sequence = sequence
        self.body = body
        self.location = location
    }
}

public struct WhileLoop: Sendable {
    public let conditions: [Condition]
    public let body: [Stmt]
    public let location: SourceLocation

    public init(conditions: [Condition], body: [Stmt], location: SourceLocation) {
        self.conditions = conditions
        self.body = body
        self.location = location
    }
}

public struct RepeatWhileLoop: Sendable {
    public let body: [Stmt]
    public let condition: Expr
    public let location: SourceLocation

    public init(body: [Stmt], condition: Expr, location: SourceLocation) {
        self.body = body
        self.condition = condition
        self.location = location
    }
}

/// A lowered snippet: the statements of one script, notebook cell or REPL entry.
public struct Program: Sendable {
    public let source: SourceFile
    public let statements: [Stmt]

    public init(source: SourceFile, statements: [Stmt]) {
        self.source = source
        self.statements = statements
    }
}
