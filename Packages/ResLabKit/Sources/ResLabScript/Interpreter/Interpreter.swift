/// Runs lowered, resolved lesson code: a tree-walking interpreter.
///
/// One `Interpreter` serves one execution (a script, a notebook cell, a REPL entry) over the
/// session's global environment. It counts steps (statements, loop iterations, calls) against the
/// limits, polls the cancellation flag at every step, and keeps the chain of calls so a runtime
/// error can show it.
final class Interpreter {
    let registry: NativeRegistry
    let globals: Environment
    let limits: ExecutionLimits
    let cancellation: CancellationFlag
    let output: (String) -> Void

    private var steps = 0
    private let start = ContinuousClock.now
    /// The active calls, outermost first: the function called and where it was called from.
    private var callStack: [(function: String, callSite: SourceLocation)] = []
    /// The declared return types of the active lesson functions, innermost last.
    private var returnTypes: [ScriptType?] = []
    /// The stack address where `run` began, to measure how much stack the calls use.
    private var stackStart: UInt?

    init(registry: NativeRegistry, globals: Environment, limits: ExecutionLimits, cancellation: CancellationFlag,
         output: @escaping (String) -> Void) {
        self.registry = registry
        self.globals = globals
        self.limits = limits
        self.cancellation = cancellation
        self.output = output
    }

    /// How control leaves a statement.
    enum Flow {
        case normal
        case breakLoop
        case continueLoop
        case returned(Value)
    }

    // MARK: - Running a program

    /// Runs the snippet's statements in the global environment. Returns the value of the last
    /// statement when it is an expression with a value (for the REPL's echo).
    func run(_ program: Program) throws -> Value? {
        stackStart = Self.stackAddress()
        defer { stackStart = nil }
        hoistFunctions(program.statements, in: globals)
        var last: Value?
        for statement in program.statements {
            last = nil
            if case .expression(let expression) = statement {
                try step(at: statement.location)
                let value = try evaluate(expression, in: globals)
                if case .void = value { continue }
                last = value
                continue
            }
            // Top-level code cannot return, break or continue: the resolver rejects those.
            _ = try execute(statement, in: globals)
        }
        return last
    }

    // MARK: - Budgets

    /// Counts one step and enforces the step budget, the time budget and cancellation.
    func step(at location: SourceLocation) throws {
        steps &+= 1
        if cancellation.isCancelled {
            throw withFrames(ScriptError(.interrupted, "interrupted", at: location))
        }
        if steps > limits.maxSteps { throw withFrames(limits.error(.steps, at: location)) }
        if steps & 1023 == 0 {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if seconds > limits.maxSeconds { throw withFrames(limits.error(.time, at: location)) }
        }
    }

    /// Enters a call of a lesson function: counts it, checks the depth limit and the machine stack,
    /// and records the frame.
    func enterCall(_ function: String, at location: SourceLocation) throws {
        try step(at: location)
        if callStack.count >= limits.maxCallDepth { throw withFrames(limits.error(.callDepth, at: location)) }
        // Whatever depth limit a host sets, stop before the thread's stack runs out: a call of a
        // lesson function takes several kilobytes of machine stack (more in debug builds).
        let used = stackStart.map { $0 > Self.stackAddress() ? $0 - Self.stackAddress() : 0 } ?? 0
        if used > LargeStackThread.usableBytes {
            throw withFrames(ScriptError(.limit(.callDepth),
                                         "too many nested calls: the interpreter's stack is full after \(callStack.count) calls",
                                         at: location, hint: "a recursion without a base case? Lower the depth of the recursion"))
        }
        callStack.append((function, location))
    }

    /// An address in the current stack frame (stacks grow downwards on the machines Swift runs on).
    @inline(never)
    static func stackAddress() -> UInt {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    func leaveCall() { callStack.removeLast() }

    // MARK: - Errors

    /// A runtime error at `location`, with the current chain of calls.
    func runtimeError(_ message: String, at location: SourceLocation, hint: String? = nil) -> ScriptError {
        withFrames(ScriptError(.runtime, message, at: location, hint: hint))
    }

    private func withFrames(_ error: ScriptError) -> ScriptError {
        var error = error
        var frames: [ScriptError.Frame] = []
        var location = error.location
        for entry in callStack.reversed() {
            frames.append(ScriptError.Frame(location: location, function: entry.function))
            location = entry.callSite
        }
        frames.append(ScriptError.Frame(location: location, function: "top-level code"))
        error.frames = frames
        return error
    }

    /// A native's error as a language error at the call site. Errors that are already language
    /// errors (from a callback into lesson code, or an interrupt) pass through.
    func nativeError(_ error: Error, at location: SourceLocation) -> ScriptError {
        if let error = error as? ScriptError { return error }
        if let error = error as? NativeError { return runtimeError(error.message, at: location, hint: error.hint) }
        return runtimeError(String(describing: error), at: location)
    }

    // MARK: - Statements

    /// Defines a block's functions before its statements run, so they can call each other and be
    /// called from code above them, as in Swift.
    func hoistFunctions(_ statements: [Stmt], in environment: Environment) {
        for case .function(let decl) in statements {
            guard let name = decl.name else { continue }
            let function = FunctionValue(name: decl.displayName, body: .script(decl, environment))
            environment.define(name, .init(value: .function(function), isConstant: true, type: function.type, isInitialized: true))
        }
    }

    func execute(_ statements: [Stmt], in environment: Environment) throws -> Flow {
        hoistFunctions(statements, in: environment)
        for statement in statements {
            let flow = try execute(statement, in: environment)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ statement: Stmt, in environment: Environment) throws -> Flow {
        try step(at: statement.location)
        switch statement {
        case .expression(let expression):
            _ = try evaluate(expression, in: environment)
            return .normal
        case .variable(let decl):
            try declare(decl, in: environment)
            return .normal
        case .function:
            return .normal
        case .assignment(let assignment):
            try assign(assignment, in: environment)
            return .normal
        case .ifStatement(let statement):
            let scope = Environment(parent: environment)
            if try conditionsHold(statement.conditions, in: scope) {
                return try execute(statement.then, in: Environment(parent: scope))
            }
            guard let otherwise = statement.otherwise else { return .normal }
            if case .block(let body, _) = otherwise { return try execute(body, in: Environment(parent: environment)) }
            return try execute(otherwise, in: environment)
        case .guardStatement(let statement):
            if try conditionsHold(statement.conditions, in: environment) { return .normal }
            let flow = try execute(statement.elseBody, in: Environment(parent: environment))
            if case .normal = flow {
                throw runtimeError("'guard' body must not fall through", at: statement.location,
                                   hint: "end the else branch with 'return', 'break' or 'continue'")
            }
            return flow
        case .forIn(let loop):
            return try executeForIn(loop, in: environment)
        case .whileLoop(let loop):
            while true {
                try step(at: loop.location)
                let scope = Environment(parent: environment)
                guard try conditionsHold(loop.conditions, in: scope) else { break }
                switch try execute(loop.body, in: Environment(parent: scope)) {
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                case .normal, .continueLoop: continue
                }
            }
            return .normal
        case .repeatWhile(let loop):
            repeat {
                try step(at: loop.location)
                switch try execute(loop.body, in: Environment(parent: environment)) {
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                case .normal, .continueLoop: break
                }
            } while try condition(loop.condition, in: environment)
            return .normal
        case .block(let body, _):
            return try execute(body, in: Environment(parent: environment))
        case .returnStatement(let expression, let location):
            guard let expression else { return .returned(.void) }
            let expected = returnTypes.last ?? nil
            let value = try evaluate(expression, in: environment, expecting: expected)
            guard let expected else { return .returned(value) }
            guard let converted = convert(value, to: expected) else {
                throw runtimeError("cannot convert return expression of type '\(value.type)' to return type '\(expected)'",
                                   at: location)
            }
            return .returned(converted)
        case .breakStatement:
            return .breakLoop
        case .continueStatement:
            return .continueLoop
        }
    }

    private func executeForIn(_ loop: ForInLoop, in environment: Environment) throws -> Flow {
        let sequence = try evaluate(loop.sequence, in: environment)
        let elements = try iterator(over: sequence, at: loop.sequence.location)
        while let element = elements.next() {
            try step(at: loop.location)
            let scope = Environment(parent: environment)
            try bind(loop.pattern, to: element, isConstant: true, type: nil, in: scope)
            switch try execute(loop.body, in: scope) {
            case .breakLoop: return .normal
            case .returned(let value): return .returned(value)
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    /// The elements `for … in value` visits.
    func iterator(over value: Value, at location: SourceLocation) throws -> AnyIterator<Value> {
        switch value {
        case .array(let elements):
            return AnyIterator(elements.makeIterator())
        case .range(let lower, let upper, let closed):
            // Written so that a range ending at Int.max does not overflow.
            var next = lower
            var finished = !closed && lower >= upper
            return AnyIterator {
                guard !finished else { return nil }
                let current = next
                if current == (closed ? upper : upper - 1) { finished = true } else { next = current + 1 }
                return .int(current)
            }
        case .dictionary(let dictionary):
            let pairs = zip(dictionary.keys, dictionary.values).map {
                Value.tuple(ScriptTuple([$0, $1], labels: ["key", "value"]))
            }
            return AnyIterator(pairs.makeIterator())
        case .string(let text):
            return AnyIterator(text.map { Value.string(String($0)) }.makeIterator())
        case .native(let native):
            guard let iterate = native.type.iterate else { break }
            do { return try iterate(value) } catch { throw nativeError(error, at: location) }
        default:
            break
        }
        throw runtimeError("for-in loop requires '\(value.type)' to be a sequence", at: location,
                           hint: "loop over an array, a range (0..<n), a dictionary or a string")
    }

    /// The largest number of elements a sequence may be turned into an array of (`Array(0..<n)`,
    /// `zip`): past it the memory, not the step budget, would run out first.
    static let maxMaterializedElements = 50_000_000

    /// All elements of a sequence, as an array.
    func elements(of value: Value, at location: SourceLocation) throws -> [Value] {
        if case .array(let elements) = value { return elements }
        if case .range(let lower, let upper, _) = value,
           upper.subtractingReportingOverflow(lower).overflow || upper - lower >= Self.maxMaterializedElements {
            throw runtimeError("the range \(value) has too many elements to hold in an array", at: location)
        }
        var elements: [Value] = []
        let iterator = try iterator(over: value, at: location)
        while let element = iterator.next() {
            elements.append(element)
            if elements.count > Self.maxMaterializedElements {
                throw runtimeError("the sequence has too many elements to hold in an array (more than \(Self.maxMaterializedElements))",
                                   at: location)
            }
        }
        return elements
    }

    // MARK: - Conditions

    func condition(_ expression: Expr, in environment: Environment) throws -> Bool {
        let value = try evaluate(expression, in: environment, expecting: .bool)
        guard case .bool(let truth) = value else {
            throw runtimeError("type '\(value.type)' cannot be used as a boolean", at: expression.location,
                               hint: value.type == .int ? "compare explicitly, e.g. 'x != 0'" : nil)
        }
        return truth
    }

    /// Evaluates an `if`/`guard`/`while` condition list left to right, binding `let` names into
    /// `environment`; false as soon as one clause fails.
    func conditionsHold(_ conditions: [Condition], in environment: Environment) throws -> Bool {
        for clause in conditions {
            switch clause {
            case .boolean(let expression):
                guard try condition(expression, in: environment) else { return false }
            case .optionalBinding(let isConstant, let name, let expression, _):
                let value = try evaluate(expression, in: environment)
                guard case .optional(let wrapped) = value else {
                    throw runtimeError("initializer for conditional binding must have Optional type, not '\(value.type)'",
                                       at: expression.location, hint: "use a plain 'let' for a value that cannot be nil")
                }
                guard let wrapped else { return false }
                environment.define(name, .init(value: wrapped, isConstant: isConstant, type: wrapped.type, isInitialized: true))
            }
        }
        return true
    }

    // MARK: - Declarations

    func declare(_ decl: VariableDecl, in environment: Environment) throws {
        guard let initializer = decl.initializer else {
            for (name, _) in decl.pattern.names {
                environment.define(name, .init(value: .void, isConstant: decl.isConstant, type: decl.type ?? .any, isInitialized: false))
            }
            return
        }
        var value = try evaluate(initializer, in: environment, expecting: decl.type)
        if let type = decl.type {
            guard let converted = convert(value, to: type) else {
                throw runtimeError("cannot convert value of type '\(value.type)' to specified type '\(type)'",
                                   at: initializer.location)
            }
            value = converted
        } else if case .implicitMember(let member) = value {
            throw runtimeError("cannot infer contextual base in reference to member '\(member.name)'", at: initializer.location,
                               hint: "state the type: 'let x: TypeName = .\(member.name)'")
        }
        try bind(decl.pattern, to: value, isConstant: decl.isConstant, type: decl.type, in: environment)
    }

    /// Binds a pattern's names to a value (destructuring tuples).
    func bind(_ pattern: Pattern, to value: Value, isConstant: Bool, type: ScriptType?, in environment: Environment) throws {
        switch pattern {
        case .name(let name, _):
            environment.define(name, .init(value: value, isConstant: isConstant, type: type ?? value.type, isInitialized: true))
        case .wildcard:
            break
        case .tuple(let patterns, let location):
            guard case .tuple(let tuple) = value, tuple.elements.count == patterns.count else {
                throw runtimeError("cannot destructure a value of type '\(value.type)' into \(patterns.count) names",
                                   at: location)
            }
            let types: [ScriptType?]
            if case .tuple(let elementTypes, _)? = type, elementTypes.count == patterns.count { types = elementTypes } else {
                types = Array(repeating: nil, count: patterns.count)
            }
            for (index, pattern) in patterns.enumerated() {
                try bind(pattern, to: tuple.elements[index], isConstant: isConstant, type: types[index], in: environment)
            }
        }
    }

    // MARK: - Calls of lesson functions

    /// Calls a lesson function or closure with arguments already matched to its parameters.
    func callScript(_ decl: FunctionDecl, captured: Environment, arguments: [Value], at location: SourceLocation) throws -> Value {
        try enterCall(decl.displayName, at: location)
        defer { leaveCall() }
        let environment = Environment(parent: captured)
        for (parameter, value) in zip(decl.parameters, arguments) {
            environment.define(parameter.name, .init(value: value, isConstant: true, type: parameter.type ?? value.type, isInitialized: true))
        }
        returnTypes.append(decl.returnType)
        defer { returnTypes.removeLast() }
        if decl.hasImplicitReturn, case .expression(let expression)? = decl.body.first {
            try step(at: expression.location)
            let value = try evaluate(expression, in: environment, expecting: decl.returnType)
            guard let expected = decl.returnType else { return value }
            guard let converted = convert(value, to: expected) else {
                throw runtimeError("cannot convert return expression of type '\(value.type)' to return type '\(expected)'",
                                   at: expression.location)
            }
            return converted
        }
        switch try execute(decl.body, in: environment) {
        case .returned(let value):
            return value
        case .normal, .breakLoop, .continueLoop:
            if let expected = decl.returnType, expected != .void, expected.unwrapped == expected {
                throw runtimeError("missing return in '\(decl.displayName)', which is declared to return '\(expected)'",
                                   at: decl.location)
            }
            if case .optional? = decl.returnType { return .optional(nil) }
            return .void
        }
    }

    /// Prints like Swift's `print`.
    func describe(_ value: Value) -> String { value.description }
}
