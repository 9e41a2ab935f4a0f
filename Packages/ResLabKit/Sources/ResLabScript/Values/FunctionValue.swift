/// A function as a value: a lesson `func` or closure with the scope it captured, or a native
/// function (a global's overloads, or a type's initialisers).
public final class FunctionValue: @unchecked Sendable {
    // Unchecked: a captured scope is only used by the one execution that runs at a time.
    enum Body {
        case script(FunctionDecl, Environment)
        case native([NativeFunction])
    }

    /// `identityBlock(_:f:filters:training:)`, `closure`, or a native's name.
    public let name: String
    let body: Body

    init(name: String, body: Body) {
        self.name = name
        self.body = body
    }

    /// The declaration of a lesson function, for label checks and completion.
    public var declaration: FunctionDecl? {
        if case .script(let decl, _) = body { return decl }
        return nil
    }

    /// The native overloads of a native function.
    public var nativeOverloads: [NativeFunction] {
        if case .native(let overloads) = body { return overloads }
        return []
    }

    /// `(Int, Double) -> Double` as far as the declaration says (`Any` for an untyped closure
    /// parameter).
    public var type: ScriptType {
        switch body {
        case .script(let decl, _):
            return .function(parameters: decl.parameters.map { $0.type ?? .any }, result: decl.returnType ?? .void)
        case .native(let overloads):
            guard let signature = overloads.first?.signature else { return .function(parameters: [], result: .void) }
            return .function(parameters: signature.parameters.map(\.type), result: signature.returns)
        }
    }
}
