/// Checks a lowered snippet before anything runs: every name is declared, `let`s are not
/// changed, calls use labels their callee has, `return`/`break`/`continue` stand where they can,
/// annotations name known types. Finds as many errors as it can in one pass, and says what the
/// snippet defines and uses.
///
/// It knows the names of earlier snippets (`globals`), the natives (`registry`), and the static
/// type of an expression where that is evident (a literal, `Tensor(…)`, an annotated variable, a
/// native declaring its return type), which lets it check members and labels of method calls too.
public final class Resolver {
    private struct Name {
        enum Kind { case constant, variable, deferredConstant, function, parameter }
        let kind: Kind
        let type: ScriptType?
        let function: FunctionDecl?
    }

    private let registry: NativeRegistry
    private let globals: [String: GlobalName]
    private var scopes: [[String: Name]] = []
    private var functionReturns: [ScriptType?] = []
    private var loopDepth = 0
    private var errors: [ScriptError] = []
    private var analysis = SnippetAnalysis()

    public init(registry: NativeRegistry, globals: [GlobalName]) {
        self.registry = registry
        self.globals = Dictionary(globals.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    /// The errors in `program` (empty when it may run) and what it defines and uses.
    public func resolve(_ program: Program) -> (errors: [ScriptError], analysis: SnippetAnalysis) {
        scopes = [[:]]
        errors = []
        analysis = SnippetAnalysis()
        resolveBlock(program.statements, newScope: false)
        return (errors, analysis)
    }

    // MARK: - Scopes

    private var isTopLevel: Bool { scopes.count == 1 && functionReturns.isEmpty }

    private func declare(_ name: String, _ info: Name, at location: SourceLocation) {
        if name == "_" { return }
        if scopes[scopes.count - 1][name] != nil {
            error("invalid redeclaration of '\(name)'", at: location, hint: "choose another name, or assign with '\(name) = …' to change it")
        }
        scopes[scopes.count - 1][name] = info
        if isTopLevel { analysis.defines.insert(name) }
    }

    private enum Found {
        case local(Name)
        case global(GlobalName)
        case native
    }

    private func find(_ name: String) -> Found? {
        for scope in scopes.reversed() { if let info = scope[name] { return .local(info) } }
        if let global = globals[name] { return .global(global) }
        if registry.functions[name] != nil || registry.type(named: name) != nil { return .native }
        return nil
    }

    private func visibleNames() -> [String] {
        scopes.flatMap(\.keys) + Array(globals.keys) + registry.globalNames
    }

    private func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        errors.append(ScriptError(.resolution, message, at: location, hint: hint))
    }

    // MARK: - Statements

    private func resolveBlock(_ statements: [Stmt], newScope: Bool = true) {
        if newScope { scopes.append([:]) }
        for case .function(let decl) in statements {
            if let name = decl.name { declare(name, Name(kind: .function, type: nil, function: decl), at: decl.location) }
        }
        for statement in statements { resolve(statement) }
        if newScope { scopes.removeLast() }
    }

    private func resolve(_ statement: Stmt) {
        switch statement {
        case .expression(let expression):
            resolve(expression)
        case .variable(let decl):
            resolveVariable(decl)
        case .function(let decl):
            resolveFunction(decl)
        case .assignment(let assignment):
            resolve(assignment.value)
            resolveTarget(assignment.target, at: assignment.location, op: assignment.op)
        case .ifStatement(let statement):
            scopes.append([:])
            resolveConditions(statement.conditions)
            resolveBlock(statement.then)
            scopes.removeLast()
            if let otherwise = statement.otherwise {
                if case .block(let body, _) = otherwise { resolveBlock(body) } else { resolve(otherwise) }
            }
        case .guardStatement(let statement):
            resolveBlock(statement.elseBody)
            if !Self.exits(statement.elseBody) {
                error("'guard' body must not fall through", at: statement.location,
                      hint: "end the else branch with 'return', 'break' or 'continue'")
            }
            resolveConditions(statement.conditions)
        case .forIn(let loop):
            resolve(loop.sequence)
            scopes.append([:])
            for (name, location) in loop.pattern.names { declare(name, Name(kind: .constant, type: nil, function: nil), at: location) }
            loopDepth += 1
            resolveBlock(loop.body)
            loopDepth -= 1
            scopes.removeLast()
        case .whileLoop(let loop):
            scopes.append([:])
            resolveConditions(loop.conditions)
            loopDepth += 1
            resolveBlock(loop.body)
            loopDepth -= 1
            scopes.removeLast()
        case .repeatWhile(let loop):
            loopDepth += 1
            resolveBlock(loop.body)
            loopDepth -= 1
            resolve(loop.condition)
        case .block(let body, _):
            resolveBlock(body)
        case .returnStatement(let value, let location):
            guard let expected = functionReturns.last else {
                error("'return' is only allowed inside a function", at: location)
                if let value { resolve(value) }
                return
            }
            if let value {
                resolve(value)
                if expected == nil || expected == .void {
                    error("unexpected non-void return value in void function", at: value.location,
                          hint: "declare what the function returns: func name(…) -> Type")
                }
            } else if let type = expected ?? nil, type != .void {
                error("non-void function should return a value of type '\(type)'", at: location)
            }
        case .breakStatement(let location):
            if loopDepth == 0 { error("'break' is only allowed inside a loop", at: location) }
        case .continueStatement(let location):
            if loopDepth == 0 { error("'continue' is only allowed inside a loop", at: location) }
        }
    }

    private func resolveConditions(_ conditions: [Condition]) {
        for condition in conditions {
            switch condition {
            case .boolean(let expression):
                resolve(expression)
            case .optionalBinding(let isConstant, let name, let value, let location):
                resolve(value)
                declare(name, Name(kind: isConstant ? .constant : .variable, type: nil, function: nil), at: location)
            }
        }
    }

    private func resolveVariable(_ decl: VariableDecl) {
        if let type = decl.type { checkType(type, at: decl.location) }
        if let initializer = decl.initializer {
            resolve(initializer)
            if decl.type == nil {
                switch initializer {
                case .array(let elements, let location) where elements.isEmpty:
                    error("empty collection literal requires an explicit type", at: location,
                          hint: "state the element type: 'var xs: [Int] = []' or 'var xs = [Int]()'")
                case .dictionary(let entries, let location) where entries.isEmpty:
                    error("empty collection literal requires an explicit type", at: location,
                          hint: "state the element type: 'var xs: [Int] = []' or 'var xs = [Int]()'")
                case .literal(.nil, let location):
                    error("'nil' requires a contextual type", at: location, hint: "state the type: 'var x: Int? = nil'")
                default:
                    break
                }
            }
        } else if decl.type == nil {
            error("type annotation missing in pattern", at: decl.location, hint: "give a type ('let x: Int') or a value ('let x = 0')")
        }
        let staticType = decl.type ?? decl.initializer.flatMap(staticType(of:))
        let kind: Name.Kind = decl.isConstant ? (decl.initializer == nil ? .deferredConstant : .constant) : .variable
        let patternNames = decl.pattern.names
        for (name, location) in patternNames {
            declare(name, Name(kind: kind, type: patternNames.count == 1 ? staticType : nil, function: nil), at: location)
        }
    }

    private func resolveFunction(_ decl: FunctionDecl) {
        for parameter in decl.parameters {
            if let type = parameter.type { checkType(type, at: parameter.location) }
            if let defaultValue = parameter.defaultValue { resolve(defaultValue) }
        }
        if let type = decl.returnType { checkType(type, at: decl.location) }
        scopes.append([:])
        for parameter in decl.parameters {
            declare(parameter.name, Name(kind: .parameter, type: parameter.type, function: nil), at: parameter.location)
        }
        let savedLoops = loopDepth
        loopDepth = 0
        functionReturns.append(decl.isClosure ? ScriptType?.some(.any) : decl.returnType)
        // The body is a scope of its own, so `guard let x = x` may shadow a parameter.
        resolveBlock(decl.body)
        functionReturns.removeLast()
        loopDepth = savedLoops
        scopes.removeLast()
        if !decl.isClosure, !decl.hasImplicitReturn, let type = decl.returnType, type != .void,
           type.unwrapped == type, !Self.exits(decl.body) {
            error("missing return in '\(decl.displayName)', which is declared to return '\(type)'", at: decl.location,
                  hint: "end every path through the function with 'return …'")
        }
    }

    /// Whether control cannot run past the end of these statements.
    private static func exits(_ statements: [Stmt]) -> Bool {
        guard let last = statements.last else { return false }
        switch last {
        case .returnStatement, .breakStatement, .continueStatement:
            return true
        case .ifStatement(let statement):
            guard let otherwise = statement.otherwise else { return false }
            if case .block(let body, _) = otherwise { return exits(statement.then) && exits(body) }
            return exits(statement.then) && exits([otherwise])
        case .block(let body, _):
            return exits(body)
        case .expression(.call(.name("fatalError", _), _, _)):
            return true
        default:
            return false
        }
    }

    private func checkType(_ type: ScriptType, at location: SourceLocation) {
        for name in type.namedTypes where registry.type(named: name) == nil && !isGroupName(name) {
            error("cannot find type '\(name)' in scope", at: location,
                  hint: Suggestion.didYouMean(name, among: Array(registry.types.keys) + ["Int", "Double", "Float", "Bool", "String"]))
        }
    }

    /// A group name native types conform to (`Layer`).
    private func isGroupName(_ name: String) -> Bool {
        registry.types.values.contains { $0.conformances.contains(name) }
    }

    // MARK: - Assignment targets

    private func rootName(of target: Expr) -> (String, SourceLocation)? {
        switch target {
        case .name(let name, let location): return (name, location)
        case .member(let base, _, _), .subscriptAccess(let base, _, _): return rootName(of: base)
        default: return nil
        }
    }

    private func resolveTarget(_ target: Expr, at location: SourceLocation, op: String) {
        switch target {
        case .name: break
        case .member(let base, _, _): resolveArguments(ofPath: base)
        case .subscriptAccess(let base, let arguments, _):
            resolveArguments(ofPath: base)
            for argument in arguments { resolve(argument.value) }
        default:
            resolve(target)
            error("cannot assign to this expression: only variables, their properties and their elements can be assigned", at: location)
            return
        }
        guard let (name, nameLocation) = rootName(of: target) else {
            resolve(target)
            return
        }
        if case .name = target {} else if hasReferenceSemantics(name) != false { return }
        checkMutation(of: name, at: nameLocation, wholeVariable: { if case .name = target { return true } else { return false } }(),
                      verb: op == "=" ? "assign to" : "use '\(op)' on", reads: op != "=")
    }

    private func resolveArguments(ofPath expression: Expr) {
        switch expression {
        case .name: break
        case .member(let base, _, _): resolveArguments(ofPath: base)
        case .subscriptAccess(let base, let arguments, _):
            resolveArguments(ofPath: base)
            for argument in arguments { resolve(argument.value) }
        default: resolve(expression)
        }
    }

    /// Checks that `name` may be changed, and records the use.
    private func checkMutation(of name: String, at location: SourceLocation, wholeVariable: Bool, verb: String, reads: Bool) {
        switch find(name) {
        case .local(let info)?:
            switch info.kind {
            case .variable: break
            case .deferredConstant where wholeVariable: break
            case .function:
                error("cannot \(verb) '\(name)': it is a function", at: location)
            case .constant, .deferredConstant, .parameter:
                error("cannot \(verb) '\(name)': it is a 'let' constant", at: location,
                      hint: info.kind == .parameter ? "parameters are constants; copy it into a 'var' first" : "declare it with 'var' to change it")
            }
        case .global(let global)?:
            analysis.mutates.insert(name)
            if reads || !wholeVariable { analysis.uses.insert(name) }
            if global.isConstant {
                error("cannot \(verb) '\(name)': it is a 'let' constant", at: location, hint: "declare it with 'var' to change it")
            }
        case .native?:
            error("cannot \(verb) '\(name)'", at: location)
        case nil:
            error("cannot find '\(name)' in scope", at: location, hint: Suggestion.didYouMean(name, among: visibleNames()))
        }
    }

    // MARK: - Expressions

    private func resolve(_ expression: Expr) {
        switch expression {
        case .literal, .emptyCollection, .implicitMember:
            break
        case .interpolation(let parts, _):
            for case .expression(let inner) in parts { resolve(inner) }
        case .name(let name, let location):
            resolveName(name, at: location)
        case .array(let elements, _):
            elements.forEach(resolve)
        case .dictionary(let entries, _):
            for entry in entries { resolve(entry.key); resolve(entry.value) }
        case .tuple(let elements, _):
            for element in elements { resolve(element.value) }
        case .prefix(_, let operand, _), .forceUnwrap(let operand, _):
            resolve(operand)
        case .binary(_, let lhs, let rhs, _):
            resolve(lhs)
            resolve(rhs)
        case .ternary(let condition, let then, let otherwise, _):
            resolve(condition)
            resolve(then)
            resolve(otherwise)
        case .member(let base, let name, let location):
            if case .name(let typeName, _) = base, find(typeName).map({ if case .native = $0 { return true } else { return false } }) ?? false,
               let type = registry.type(named: typeName) {
                if type.staticProperties[name] == nil && type.staticMethods[name] == nil {
                    error("type '\(typeName)' has no member '\(name)'", at: location,
                          hint: Suggestion.didYouMean(name, among: type.staticMemberNames))
                }
                return
            }
            resolve(base)
            checkMember(name, of: base, at: location, isCall: false)
        case .subscriptAccess(let base, let arguments, _):
            resolve(base)
            for argument in arguments { resolve(argument.value) }
        case .call(let callee, let arguments, let location):
            resolveCall(callee, arguments, at: location)
        case .closure(let decl):
            resolveFunction(decl)
        }
    }

    private func resolveName(_ name: String, at location: SourceLocation) {
        switch find(name) {
        case .global?:
            analysis.uses.insert(name)
        case .local, .native:
            break
        case nil:
            error("cannot find '\(name)' in scope", at: location, hint: Suggestion.didYouMean(name, among: visibleNames()))
        }
    }

    private func resolveCall(_ callee: Expr, _ arguments: [Argument], at location: SourceLocation) {
        for argument in arguments { resolve(argument.value) }
        let shapes = arguments.map { ArgumentShape(label: $0.label, isTrailingClosure: $0.isTrailingClosure) }
        switch callee {
        case .name(let name, let nameLocation):
            resolveName(name, at: nameLocation)
            switch find(name) {
            case .local(let info)?:
                if let decl = info.function { checkLabels(shapes, [Self.shapes(of: decl)], selectors: [decl.displayName], at: location) }
            case .global(let global)?:
                if let decl = global.function { checkLabels(shapes, [Self.shapes(of: decl)], selectors: [decl.displayName], at: location) }
            case .native?:
                if let overloads = registry.functions[name] {
                    checkLabels(shapes, overloads.map(\.signature.shapes), selectors: overloads.map(\.signature.selector), at: location)
                } else if let type = registry.type(named: name), !type.initializers.isEmpty {
                    checkLabels(shapes, type.initializers.map(\.signature.shapes),
                                selectors: type.initializers.map(\.signature.selector), at: location)
                }
            case nil:
                break
            }
        case .member(let base, let name, let memberLocation):
            if case .name(let typeName, _) = base, case .native? = find(typeName), let type = registry.type(named: typeName) {
                if let overloads = type.staticMethods[name] {
                    checkLabels(shapes, overloads.map(\.signature.shapes),
                                selectors: overloads.map { "\(typeName).\($0.signature.selector)" }, at: location)
                } else if type.staticProperties[name] == nil {
                    error("type '\(typeName)' has no member '\(name)'", at: memberLocation,
                          hint: Suggestion.didYouMean(name, among: type.staticMemberNames))
                }
                return
            }
            resolve(base)
            checkMember(name, of: base, at: memberLocation, isCall: true, shapes: shapes, callLocation: memberLocation)
            if let (root, rootLocation) = rootName(of: base), Self.mutatingOnlyNames(registry).contains(name),
               hasReferenceSemantics(root) != true {
                checkMutation(of: root, at: rootLocation, wholeVariable: false, verb: "use mutating member '\(name)' on", reads: true)
            }
        default:
            resolve(callee)
            if case .named(let typeName)? = staticType(of: callee), let type = registry.type(named: typeName), !type.callables.isEmpty {
                checkLabels(shapes, type.callables.map(\.signature.shapes),
                            selectors: type.callables.map { "\(typeName).\($0.signature.selector)" }, at: location)
            }
        }
    }

    /// Whether `name` holds a native object of a class, so that changing what it refers to does not
    /// change the variable (`model.layers.append(…)` or `layer.kernel = …` on a `let`); nil when
    /// its type is not known before running (`let l = model.layers[1]`), which leaves the check
    /// to the interpreter, which sees the value.
    private func hasReferenceSemantics(_ name: String) -> Bool? {
        guard let staticType = staticType(ofName: name) else { return nil }
        guard case .named(let typeName) = staticType else { return false }
        if let type = registry.type(named: typeName) { return type.hasReferenceSemantics }
        // A group every member of which is a class (`Layer`).
        let members = registry.types.values.filter { $0.conformances.contains(typeName) }
        return members.isEmpty ? nil : members.allSatisfy(\.hasReferenceSemantics)
    }

    /// Names of methods that every type defining them defines as mutating (`append`, `sort`).
    private static func mutatingOnlyNames(_ registry: NativeRegistry) -> Set<String> {
        var mutating: Set<String> = []
        var nonMutating: Set<String> = []
        for type in registry.types.values {
            for (name, methods) in type.methods {
                for method in methods {
                    if method.isMutating { mutating.insert(name) } else { nonMutating.insert(name) }
                }
            }
        }
        return mutating.subtracting(nonMutating)
    }

    /// Checks a member of a value whose static type is known.
    private func checkMember(_ name: String, of base: Expr, at location: SourceLocation, isCall: Bool,
                             shapes: [ArgumentShape] = [], callLocation: SourceLocation? = nil) {
        guard let baseType = staticType(of: base), let type = memberTable(for: baseType) else { return }
        if let methods = type.methods[name], isCall {
            checkLabels(shapes, methods.map(\.signature.shapes), selectors: methods.map { "\(type.name).\($0.signature.selector)" },
                        at: callLocation ?? location)
            return
        }
        if type.properties[name] != nil { return }
        if type.methods[name] != nil {
            error("'\(name)' is a method of '\(baseType)': call it with parentheses", at: location)
            return
        }
        error("value of type '\(baseType)' has no member '\(name)'", at: location,
              hint: Suggestion.didYouMean(name, among: type.memberNames))
    }

    private func memberTable(for type: ScriptType) -> NativeType? {
        switch type {
        case .int: return registry.builtins.int
        case .double: return registry.builtins.double
        case .float: return registry.builtins.float
        case .bool: return registry.builtins.bool
        case .string: return registry.builtins.string
        case .array: return registry.builtins.array
        case .dictionary: return registry.builtins.dictionary
        case .range: return registry.builtins.range
        case .named(let name): return registry.type(named: name)
        default: return nil
        }
    }

    private static func shapes(of decl: FunctionDecl) -> [ParameterShape] {
        decl.parameters.map {
            ParameterShape(label: $0.label, hasDefault: $0.defaultValue != nil, isVariadic: false,
                           takesFunction: $0.type?.acceptsFunction ?? true)
        }
    }

    private func checkLabels(_ shapes: [ArgumentShape], _ candidates: [[ParameterShape]], selectors: [String], at location: SourceLocation) {
        guard !candidates.contains(where: { ArgumentMatcher.match(shapes, to: $0) != nil }) else { return }
        let have = ArgumentMatcher.describe(shapes)
        let known = Set(candidates.flatMap { $0.compactMap(\.label) })
        let typo = shapes.compactMap(\.label).filter { !known.contains($0) }.first
        let hint = typo.flatMap { label in Suggestion.closest(to: label, among: Array(known)).map { "did you mean '\($0):' instead of '\(label):'?" } }
        if selectors.count == 1, let selector = selectors.first {
            error("incorrect arguments in call to '\(selector)' (have '\(have)')", at: location, hint: hint)
        } else {
            let name = selectors.first.map { String($0.prefix { $0 != "(" }) } ?? "the function"
            error("no '\(name)' takes arguments '\(have)' (candidates: \(selectors.joined(separator: ", ")))", at: location,
                  hint: hint)
        }
    }

    // MARK: - Static types

    private func staticType(ofName name: String) -> ScriptType? {
        switch find(name) {
        case .local(let info)?: return info.type
        case .global(let global)?: return global.function == nil && global.type != .any ? global.type : nil
        default: return nil
        }
    }

    /// The type of an expression when it is evident without running it; nil when unknown.
    func staticType(of expression: Expr) -> ScriptType? {
        switch expression {
        case .literal(.int, _): return .int
        case .literal(.double, _): return .double
        case .literal(.string, _), .interpolation: return .string
        case .literal(.bool, _): return .bool
        case .array(let elements, _): return elements.isEmpty ? nil : .array(.any)
        case .dictionary(let entries, _): return entries.isEmpty ? nil : .dictionary(key: .any, value: .any)
        case .emptyCollection(let type, _): return type
        case .name(let name, _):
            return staticType(ofName: name)
        case .call(.name(let name, _), _, _):
            switch find(name) {
            case .local(let info)?: return info.function?.returnType ?? (info.function != nil ? .void : nil)
            case .global(let global)?: return global.function.map { $0.returnType ?? .void }
            case .native?:
                if let type = registry.type(named: name), !type.initializers.isEmpty {
                    let results = Set(type.initializers.map(\.signature.returns))
                    return results.count == 1 ? results.first : nil
                }
                let results = Set((registry.functions[name] ?? []).map(\.signature.returns))
                return results.count == 1 && results.first != .any ? results.first : nil
            case nil: return nil
            }
        default:
            return nil
        }
    }
}
