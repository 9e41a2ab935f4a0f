import ResLabScript

/// One completion candidate for the REPL or an editor.
public struct Completion: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case variable, function, type, property, method, staticMember, argumentLabel, keyword
    }

    /// The text to insert in place of the partial word (`kernelSize: ` for a label).
    public let text: String
    public let kind: Kind
    /// A signature or a type, to show beside the candidate.
    public let detail: String

    public init(text: String, kind: Kind, detail: String) {
        self.text = text
        self.kind = kind
        self.detail = detail
    }
}

extension ScriptSession {
    private static let keywords = ["let", "var", "func", "if", "else", "guard", "for", "in", "while", "repeat",
                                   "return", "break", "continue", "true", "false", "nil", "import", "do"]

    /// Completions for the word being typed at the end of `text` (the REPL's input up to the
    /// cursor): names in scope; after `value.`, the value's members; after `.` in an argument, the
    /// static members of the parameter's type; at an argument's start, the callee's argument labels.
    /// Reads the session's globals but runs nothing (a member chain `a.b.` reads properties only).
    public func completions(for text: String) -> [Completion] {
        let characters = Array(text)
        var start = characters.count
        while start > 0, Self.isIdentifier(characters[start - 1]) { start -= 1 }
        let partial = String(characters[start...])
        let before = characters[..<start]
        var candidates: [Completion]
        if before.last == "." {
            let base = Self.trailingExpression(Array(before.dropLast()))
            if base.isEmpty {
                candidates = implicitMemberCompletions(context: Array(before.dropLast()))
            } else {
                candidates = memberCompletions(of: base)
            }
        } else {
            candidates = nameCompletions()
            if let previous = before.last(where: { $0 != " " }), previous == "(" || previous == "," {
                candidates = labelCompletions(context: Array(before)) + candidates
            }
        }
        var seen: Set<String> = []
        return candidates.filter { $0.text.hasPrefix(partial) && seen.insert($0.text).inserted }
    }

    private static func isIdentifier(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The `a.b.c` or `f(…)` chain ending the text, or "" when something else ends it.
    private static func trailingExpression(_ characters: [Character]) -> String {
        var index = characters.count
        var depth = 0
        while index > 0 {
            let character = characters[index - 1]
            if character == ")" || character == "]" { depth += 1 } else if character == "(" || character == "[" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0, !isIdentifier(character), character != "." { break }
            index -= 1
        }
        return String(characters[index...])
    }

    /// The callee name and the label of the argument being typed, for the innermost open call.
    private static func openCall(_ characters: [Character]) -> (callee: String, label: String?, position: Int)? {
        var depth = 0
        var index = characters.count
        var commas = 0
        // Where the argument being typed starts: after the last comma at this depth, or after "(".
        var argumentStart: Int?
        while index > 0 {
            let character = characters[index - 1]
            if character == ")" || character == "]" { depth += 1 } else if character == "(" || character == "[" {
                if depth == 0 {
                    guard character == "(" else { return nil }
                    let argument = String(characters[(argumentStart ?? index)...]).trimmingCharacters(in: " ")
                    let label = argument.firstIndex(of: ":").map { String(argument[..<$0]).trimmingCharacters(in: " ") }
                    let callee = trailingExpression(Array(characters[..<(index - 1)]))
                    return (callee, label, commas)
                }
                depth -= 1
            } else if character == ",", depth == 0 {
                if commas == 0 { argumentStart = index }
                commas += 1
            }
            index -= 1
        }
        return nil
    }

    /// The signatures a callee text (`Conv2D`, `matmul`, `model.compile`) may stand for.
    private func signatures(ofCallee callee: String) -> [NativeSignature] {
        let parts = callee.split(separator: ".").map(String.init)
        guard let head = parts.first, !head.contains("(") else { return [] }
        if parts.count == 1 {
            if let functions = registry.functions[head] { return functions.map(\.signature) }
            if let type = registry.type(named: head) { return type.initializers.map(\.signature) }
            if case .function(let function)? = value(of: head), let decl = function.declaration {
                return [NativeSignature(name: head, parameters: decl.parameters.map {
                    NativeParameter($0.label, $0.type ?? .any, name: $0.name)
                }, returns: decl.returnType ?? .void)]
            }
            if case .native(let native)? = value(of: head) { return native.type.callables.map(\.signature) }
            return []
        }
        let method = parts[parts.count - 1]
        let receiverPath = Array(parts.dropLast())
        if receiverPath.count == 1, value(of: receiverPath[0]) == nil, let type = registry.type(named: receiverPath[0]) {
            return (type.staticMethods[method] ?? []).map(\.signature)
        }
        guard let receiver = read(receiverPath), let type = registry.memberType(of: receiver) else { return [] }
        return (type.methods[method] ?? []).map(\.signature)
    }

    private func labelCompletions(context: [Character]) -> [Completion] {
        guard let call = Self.openCall(context) else { return [] }
        return signatures(ofCallee: call.callee).flatMap { signature in
            signature.parameters.compactMap { parameter in
                parameter.label.map { Completion(text: "\($0): ", kind: .argumentLabel, detail: signature.declaration) }
            }
        }
    }

    private func implicitMemberCompletions(context: [Character]) -> [Completion] {
        guard let call = Self.openCall(context) else { return [] }
        var types: [NativeType] = []
        for signature in signatures(ofCallee: call.callee) {
            let parameter = call.label.flatMap { label in signature.parameters.first { $0.label == label } }
                ?? (call.label == nil && call.position < signature.parameters.count ? signature.parameters[call.position] : nil)
            var type = parameter?.type.unwrapped
            if case .array(let element)? = type { type = element }
            if case .named(let name)? = type, let native = registry.type(named: name) { types.append(native) }
        }
        return types.flatMap { type in
            type.staticProperties.values.map { Completion(text: $0.name, kind: .staticMember, detail: "\(type.name)") }
                + type.staticMethods.values.flatMap { $0.map { Completion(text: $0.signature.name, kind: .staticMember, detail: $0.signature.declaration) } }
        }.sorted { $0.text < $1.text }
    }

    /// The value at `a.b.c` among the globals, reading properties only.
    private func read(_ path: [String]) -> Value? {
        guard let first = path.first, var current = value(of: first) else { return nil }
        for name in path.dropFirst() {
            guard let type = registry.memberType(of: current), let property = type.properties[name],
                  let next = try? property.value(of: current) else { return nil }
            current = next
        }
        return current
    }

    private func memberCompletions(of base: String) -> [Completion] {
        let parts = base.split(separator: ".").map(String.init)
        var type: NativeType?
        if parts.count == 1, value(of: parts[0]) == nil, let named = registry.type(named: parts[0]) {
            return named.staticProperties.values.map { Completion(text: $0.name, kind: .staticMember, detail: "\($0.type)") }
                .sorted { $0.text < $1.text }
                + named.staticMethods.values.flatMap { $0.map { Completion(text: $0.signature.name, kind: .staticMember, detail: $0.signature.declaration) } }
        }
        if let head = parts.first, head.hasSuffix(")"), let open = head.firstIndex(of: "("),
           let named = registry.type(named: String(head[..<open])), parts.count == 1 {
            type = named
        } else if let value = read(parts) {
            if case .tuple(let tuple) = value {
                return tuple.labels.enumerated().map { Completion(text: $1 ?? "\($0)", kind: .property, detail: "\(tuple.elements[$0].type)") }
            }
            type = registry.memberType(of: value)
        }
        guard let type else { return [] }
        let properties = type.properties.values.map { Completion(text: $0.name, kind: .property, detail: "\($0.type)") }
        let methods = type.methods.values.flatMap { $0.map { Completion(text: $0.signature.name, kind: .method, detail: $0.signature.declaration) } }
        return (properties + methods).sorted { $0.text < $1.text }
    }

    private func nameCompletions() -> [Completion] {
        let globals = globalNames.map { name -> Completion in
            if let decl = name.function { return Completion(text: name.name, kind: .function, detail: decl.displayName) }
            return Completion(text: name.name, kind: .variable, detail: "\(name.type)")
        }
        let functions = registry.functions.flatMap { name, overloads in
            overloads.map { Completion(text: name, kind: .function, detail: $0.signature.declaration) }
        }.filter { $0.text.first.map(Self.isIdentifier) ?? false }
        let types = registry.types.values.map { Completion(text: $0.name, kind: .type, detail: $0.doc) }
        let keywords = Self.keywords.map { Completion(text: $0, kind: .keyword, detail: "") }
        return (globals.sorted { $0.text < $1.text }) + (functions + types).sorted { $0.text < $1.text } + keywords
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
