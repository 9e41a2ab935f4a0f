import ResLabScript

/// One top-level name of a session, as the variable inspector (`:vars`) lists it.
public struct SessionVariable: Equatable, Sendable {
    public var name: String
    /// The type as Swift spells it (`Tensor`, `[Double]`, `(Int) -> Int`).
    public var type: String
    /// The value's `shape` when its type has one (tensors), else nil.
    public var shape: [Int]?
    /// The value on one line, cut to the length asked for with `…`.
    public var preview: String
    public var isConstant: Bool
}

extension ScriptSession {
    /// The session's global names in alphabetical order, each with its type, shape and a preview
    /// of at most `previewLength` characters.
    public func variables(previewLength: Int = 60) -> [SessionVariable] {
        globalNames.sorted { $0.name < $1.name }.map { global in
            let value = value(of: global.name)
            var preview: String
            if let declaration = global.function {
                preview = "func " + declaration.displayName
            } else if let value {
                preview = value.description.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
            } else {
                preview = "(no value yet)"
            }
            if preview.count > previewLength {
                preview = String(preview.prefix(max(previewLength - 1, 0))) + "…"
            }
            return SessionVariable(name: global.name, type: value.map { "\($0.type)" } ?? "\(global.type)",
                                   shape: value.flatMap(shape(of:)), preview: preview, isConstant: global.isConstant)
        }
    }

    /// A value's `shape` property when its type has one holding whole numbers.
    func shape(of value: Value) -> [Int]? {
        guard let property = registry.memberType(of: value)?.properties["shape"],
              case .array(let elements)? = try? property.value(of: value) else { return nil }
        var dimensions: [Int] = []
        for element in elements {
            guard case .int(let dimension) = element else { return nil }
            dimensions.append(dimension)
        }
        return dimensions
    }
}
