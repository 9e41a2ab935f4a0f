/// What a plugin registers through, handed to `ResLabPlugin.register(with:)`.
///
/// Every registration is recorded against the plugin (for `:plugins`) and checked against what
/// other plugins registered before: a name that is already taken is a `PluginCollision` naming both
/// plugins, and the later registration does not replace the earlier one.
public final class PluginRegistrar {
    let host: PluginHost
    let pluginName: String
    private(set) var contributions = PluginContributions()

    init(host: PluginHost, pluginName: String) {
        self.host = host
        self.pluginName = pluginName
    }

    /// The session registry, for looking things up (to wrap a value of another plugin's type).
    public var registry: NativeRegistry { host.registry }

    // MARK: - The language

    /// A new native type for lesson code (see `NativeRegistry.defineType`). Extending a type that
    /// another plugin defined goes through `extendType` instead.
    @discardableResult
    public func defineType<T>(_ swiftType: T.Type, name: String, doc: String = "",
                              _ define: (NativeTypeBuilder<T>) -> Void = { _ in }) throws -> NativeTypeBuilder<T> {
        try claim(.type, name)
        contributions.types.append(name)
        return host.registry.defineType(swiftType, name: name, doc: doc, define)
    }

    /// An enumeration-like native type whose cases lesson code writes as implicit members.
    @discardableResult
    public func defineEnumeration<T: Equatable>(_ swiftType: T.Type, name: String, doc: String = "",
                                                cases: [(name: String, value: T)]) throws -> NativeTypeBuilder<T> {
        try claim(.type, name)
        contributions.types.append(name)
        return host.registry.defineEnumeration(swiftType, name: name, doc: doc, cases: cases)
    }

    /// Adds members to a type registered earlier (by this plugin or another one). A member whose
    /// selector the type already has is a collision.
    public func extendType<T>(_ swiftType: T.Type, name: String, _ define: (NativeTypeBuilder<T>) -> Void) throws {
        guard let type = host.registry.type(named: name) else {
            throw PluginCollision(message: "plugin '\(pluginName)' extends type '\(name)', which no plugin registered")
        }
        let before = MemberSnapshot(type)
        let keptProperties = host.registry.extendType(swiftType, name: name, define)
        let after = MemberSnapshot(type)
        if let duplicate = (keptProperties + after.duplicates(comparedWith: before)).first {
            throw PluginCollision(message: "plugin '\(pluginName)' registers \(name).\(duplicate), "
                + "which \(host.owner(of: .type, name).map { "plugin '\($0)'" } ?? "another plugin") already registered; the first keeps it")
        }
        contributions.extensions.append(name)
    }

    /// A global function. Overloads are welcome (`exp(_:)` for Double and for Tensor); the same
    /// selector with the same parameter types twice is a collision.
    @discardableResult
    public func function(_ name: String, _ parameters: [NativeParameter], returns: ScriptType = .void, doc: String = "",
                         _ body: @escaping (NativeArguments, NativeContext) throws -> Value) throws -> NativeSignature {
        let signature = NativeSignature(name: name, parameters: parameters, returns: returns, doc: doc)
        try claim(.function, FunctionKey(signature).description)
        contributions.functions.append(signature.selector)
        return host.registry.function(name, parameters, returns: returns, doc: doc, body)
    }

    /// An assertion helper for graded tests (`expectEqual`, `expectShape`): a function whose
    /// failure the grader reports as a failed check with expected and actual values. The body
    /// throws `AssertionFailure` when the check fails.
    @discardableResult
    public func assertion(_ name: String, _ parameters: [NativeParameter], doc: String = "",
                          _ body: @escaping (NativeArguments, NativeContext) throws -> Void) throws -> NativeSignature {
        let signature = try function(name, parameters, returns: .void, doc: doc) { args, context in
            try body(args, context)
            return .void
        }
        contributions.assertions.append(signature.selector)
        return signature
    }

    // MARK: - The host

    /// A REPL command (`:histogram x`).
    public func command(_ command: ReplCommand) throws {
        try claim(.command, command.name)
        contributions.commands.append(":" + command.name)
        host.commands[command.name] = command
    }

    /// How values of a native type show in the terminal, in Markdown and in HTML.
    public func renderer(_ renderer: ValueRenderer) throws {
        try claim(.renderer, renderer.typeName)
        contributions.renderers.append(renderer.typeName)
        host.renderers[renderer.typeName] = renderer
    }

    /// A role for lesson cells (```` ```swift ROLE ````). The name is one word a fence line can
    /// carry (no spaces, `=` or `"`), and not a word the lesson format itself gives a meaning.
    public func cellRole(_ role: CellRole) throws {
        if Self.lessonFormatWords.contains(role.name) {
            throw PluginCollision(message: "plugin '\(pluginName)' registers cell role '\(role.name)', "
                + "which the lesson format reserves (\(Self.lessonFormatWords.joined(separator: ", "))); choose another name")
        }
        if role.name.isEmpty || role.name.contains(where: { $0.isWhitespace || $0 == "=" || $0 == "\"" || $0 == "`" }) {
            throw PluginCollision(message: "plugin '\(pluginName)' registers cell role '\(role.name)', "
                + "which a fence line cannot name; use one word without spaces, `=`, quotes or backticks")
        }
        try claim(.cellRole, role.name)
        contributions.cellRoles.append(role.name)
        host.cellRoles[role.name] = role
    }

    /// A data set reader, tried on paths that `reslab train --data PATH` and lessons name.
    public func dataSetReader(_ reader: DataSetReader) throws {
        try claim(.dataSetReader, reader.name)
        contributions.dataSetReaders.append(reader.name)
        host.dataSetReaders.append(reader)
    }

    /// The built-in roles and flags of a cell's fence line (`docs/lesson-format.md`).
    static let lessonFormatWords = ["code", "exercise", "test", "optional", "hidden"]

    private func claim(_ kind: PluginHost.NameKind, _ name: String) throws {
        if let owner = host.owner(of: kind, name) {
            throw PluginCollision(message: "plugin '\(pluginName)' registers \(kind.rawValue) '\(name)', "
                + "which plugin '\(owner)' already registered; '\(owner)' keeps it")
        }
        host.claim(kind, name, for: pluginName)
    }
}

/// A name two plugins both registered.
public struct PluginCollision: Error, CustomStringConvertible, Equatable {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// What one plugin registered, by kind, for `:plugins`.
public struct PluginContributions: Equatable {
    public var types: [String] = []
    public var extensions: [String] = []
    public var functions: [String] = []
    public var assertions: [String] = []
    public var commands: [String] = []
    public var renderers: [String] = []
    public var cellRoles: [String] = []
    public var dataSetReaders: [String] = []

    /// `types: Tensor, Conv2D; functions: matmul(_:_:), …` with empty kinds left out.
    public var summary: String {
        let parts: [(String, [String])] = [
            ("types", types), ("extends", extensions), ("functions", functions), ("assertions", assertions),
            ("commands", commands), ("renderers", renderers), ("cell roles", cellRoles),
            ("data set readers", dataSetReaders),
        ]
        let listed = parts.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: ", "))" }
        return listed.isEmpty ? "nothing" : listed.joined(separator: "; ")
    }
}

/// A function's identity for collisions: its selector and parameter types.
private struct FunctionKey: CustomStringConvertible {
    let signature: NativeSignature
    init(_ signature: NativeSignature) { self.signature = signature }
    var description: String {
        signature.selector + " [" + signature.parameters.map { "\($0.type)" }.joined(separator: ", ") + "]"
    }
}

/// The member selectors of a type, to find what an extension registered twice.
private struct MemberSnapshot {
    var selectors: [String: Int] = [:]

    init(_ type: NativeType) {
        func add(_ key: String) { selectors[key, default: 0] += 1 }
        for name in type.properties.keys { add(name) }
        for (_, methods) in type.methods { methods.forEach { add(FunctionKey($0.signature).description) } }
        type.initializers.forEach { add(FunctionKey($0.signature).description) }
        type.subscripts.forEach { add(FunctionKey($0.signature).description) }
        type.callables.forEach { add(FunctionKey($0.signature).description) }
        for name in type.staticProperties.keys { add("static " + name) }
    }

    /// Selectors that now appear more often than once although they were there before. (Properties
    /// are kept by `NativeRegistry.extendType`, which reports them itself.)
    func duplicates(comparedWith before: MemberSnapshot) -> [String] {
        selectors.filter { key, count in count > 1 && count > (before.selectors[key] ?? 0) }.map(\.key).sorted()
    }
}
