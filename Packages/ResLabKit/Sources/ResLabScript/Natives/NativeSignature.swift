/// One parameter of a native function, initialiser, method, subscript or `callAsFunction`.
public struct NativeParameter: Sendable {
    /// The argument label callers write; nil for an unlabelled (`_`) parameter.
    public let label: String?
    /// The name shown in signatures and completions (the label when not given).
    public let name: String
    /// What the parameter accepts. A native type here lets implicit members resolve against it
    /// (`padding: .same` looks up `same` on `Padding`) and number literals adapt (`1` passed to a
    /// `.double` parameter arrives as `1.0`). `.any` hands the value over as it is.
    public let type: ScriptType
    /// The value used when the caller leaves the argument out.
    public let defaultValue: Value?
    /// Takes any number of unlabelled arguments after the first (`print(_ items: Any...)`); the body
    /// receives them as one array.
    public let isVariadic: Bool

    /// - Parameters:
    ///   - label: the argument label; `"_"` or nil for none.
    ///   - type: what the parameter accepts.
    ///   - name: the parameter's name in signatures; defaults to the label.
    ///   - default: the value when the argument is left out.
    ///   - variadic: whether it takes a list of arguments (`items: Any...`).
    public init(_ label: String?, _ type: ScriptType = .any, name: String? = nil, default defaultValue: Value? = nil,
                variadic: Bool = false) {
        let label = label == "_" ? nil : label
        self.label = label
        self.name = name ?? label ?? "value"
        self.type = type
        self.defaultValue = defaultValue
        self.isVariadic = variadic
    }
}

/// The full description of a native callable: what completion shows, what the resolver checks
/// labels against, and what the interpreter matches arguments to.
public struct NativeSignature: Sendable {
    /// `matmul`, `init` for initialisers, `callAsFunction`, `subscript`, or a method's name.
    public let name: String
    public let parameters: [NativeParameter]
    public let returns: ScriptType
    /// One or two sentences for completion and help.
    public let doc: String

    public init(name: String, parameters: [NativeParameter], returns: ScriptType, doc: String = "") {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
    }

    /// Swift's compound name: `matmul(_:_:)`, `Conv2D(filters:kernelSize:strides:padding:)`.
    public var selector: String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// A Swift-like declaration: `matmul(_ a: Tensor, _ b: Tensor) -> Tensor`.
    public var declaration: String {
        let list = parameters.map { parameter -> String in
            var text: String
            if let label = parameter.label {
                text = label == parameter.name ? label : "\(label) \(parameter.name)"
            } else {
                text = "_ \(parameter.name)"
            }
            text += ": \(parameter.type)"
            if parameter.isVariadic { text += "..." }
            if let value = parameter.defaultValue { text += " = \(value.debugDescription)" }
            return text
        }
        let arrow = returns == .void ? "" : " -> \(returns)"
        return "\(name)(\(list.joined(separator: ", ")))\(arrow)"
    }

    /// The parameters as the argument matcher sees them.
    var shapes: [ParameterShape] {
        parameters.map {
            ParameterShape(label: $0.label, hasDefault: $0.defaultValue != nil, isVariadic: $0.isVariadic,
                           takesFunction: $0.type.acceptsFunction)
        }
    }
}

extension ScriptType {
    /// Whether a trailing closure may bind to a parameter of this type.
    var acceptsFunction: Bool {
        switch self {
        case .function, .any: return true
        case .optional(let wrapped): return wrapped.acceptsFunction
        default: return false
        }
    }
}
