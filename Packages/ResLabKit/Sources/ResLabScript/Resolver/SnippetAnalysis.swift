/// What a snippet does to the session's global names, for a notebook that tracks stale cells: a
/// cell that uses a name another cell defines is stale when that other cell runs again.
public struct SnippetAnalysis: Sendable, Equatable {
    /// Top-level names the snippet declares (`let`, `var`, `func`).
    public var defines: Set<String> = []
    /// Global names the snippet reads that it did not declare itself before (names from earlier
    /// snippets). Natives and built-ins are not listed.
    public var uses: Set<String> = []
    /// Global names from earlier snippets that the snippet assigns or mutates (`x += 1`,
    /// `xs.append(3)`).
    public var mutates: Set<String> = []

    public init(defines: Set<String> = [], uses: Set<String> = [], mutates: Set<String> = []) {
        self.defines = defines
        self.uses = uses
        self.mutates = mutates
    }
}

/// What the resolver knows of a global name from earlier snippets.
public struct GlobalName: Sendable {
    public let name: String
    public let isConstant: Bool
    /// The type the variable was declared or first assigned with.
    public let type: ScriptType
    /// The declaration, when the name is a lesson function.
    public let function: FunctionDecl?

    public init(name: String, isConstant: Bool, type: ScriptType, function: FunctionDecl?) {
        self.name = name
        self.isConstant = isConstant
        self.type = type
        self.function = function
    }
}
