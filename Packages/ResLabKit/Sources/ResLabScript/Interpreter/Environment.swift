/// One scope's variables at run time: a block, a function call, or the session's globals.
///
/// A class, so that closures capture their scope by reference: a closure sees later changes to a
/// `var` it captured, and changes it makes are seen outside, as in Swift.
final class Environment {
    /// One variable: its value, whether it is a `let`, and the type assignments must keep.
    struct Binding {
        var value: Value
        let isConstant: Bool
        /// The annotation, or the type of the first value (`.any` when that says nothing).
        let type: ScriptType
        /// A `let x: Int` declared without a value may be assigned once.
        var isInitialized: Bool
    }

    let parent: Environment?
    private(set) var bindings: [String: Binding] = [:]

    init(parent: Environment?) {
        self.parent = parent
    }

    func define(_ name: String, _ binding: Binding) { bindings[name] = binding }

    /// Forgets every variable (the session's `reset`).
    func removeAll() { bindings.removeAll() }

    /// The environment holding `name`, searching outwards.
    func owner(of name: String) -> Environment? {
        var environment: Environment? = self
        while let current = environment {
            if current.bindings[name] != nil { return current }
            environment = current.parent
        }
        return nil
    }

    func lookup(_ name: String) -> Binding? { owner(of: name)?.bindings[name] }

    /// What a binding allows, without its value (holding a copy of the value while changing the
    /// variable would make every change copy the whole array).
    struct Access {
        let isConstant: Bool
        let isInitialized: Bool
        let type: ScriptType
        /// Whether the value is a class instance, whose properties a `let` may still change.
        let holdsReference: Bool
    }

    func access(_ name: String) -> Access? {
        guard let binding = owner(of: name)?.bindings[name] else { return nil }
        var holdsReference = false
        if case .native(let native) = binding.value { holdsReference = native.type.hasReferenceSemantics }
        return Access(isConstant: binding.isConstant, isInitialized: binding.isInitialized, type: binding.type,
                      holdsReference: holdsReference)
    }

    /// Changes a binding of this environment in place (no copy of the value: the binding gives its
    /// value up while `body` runs, so a large array is appended to without being copied).
    func modify<R>(_ name: String, _ body: (inout Binding) throws -> R) rethrows -> R? {
        guard var binding = bindings.removeValue(forKey: name) else { return nil }
        defer { bindings[name] = binding }
        return try body(&binding)
    }
}
