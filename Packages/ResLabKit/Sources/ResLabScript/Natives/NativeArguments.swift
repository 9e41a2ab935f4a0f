/// The arguments of one call to a native, already matched to the signature's parameters: one value
/// per parameter, in the signature's order, defaults filled in, a variadic parameter's arguments
/// gathered into an `.array`.
public struct NativeArguments: Sendable {
    public let signature: NativeSignature
    public let values: [Value]

    public init(signature: NativeSignature, values: [Value]) {
        self.signature = signature
        self.values = values
    }

    public var count: Int { values.count }

    /// The value of the parameter at `index`.
    public subscript(index: Int) -> Value { values[index] }

    /// The value of the parameter with this name (or label); `.void` when there is none, which the
    /// typed accessors below report as a mistake in the binding.
    public subscript(name: String) -> Value {
        guard let index = position(of: name) else { return .void }
        return values[index]
    }

    private func position(of name: String) -> Int? {
        signature.parameters.firstIndex { $0.name == name || $0.label == name }
    }

    private func parameterName(_ index: Int) -> String {
        index < signature.parameters.count ? signature.parameters[index].name : "#\(index)"
    }

    private func value(_ index: Int) throws -> Value {
        guard index >= 0, index < values.count else {
            throw NativeError("\(signature.selector) has no parameter #\(index)")
        }
        return values[index]
    }

    private func index(_ name: String) throws -> Int {
        guard let index = position(of: name) else { throw NativeError("\(signature.selector) has no parameter '\(name)'") }
        return index
    }

    // MARK: - Typed access by position

    public func int(_ index: Int) throws -> Int { try value(index).asInt(parameterName(index)) }
    public func double(_ index: Int) throws -> Double { try value(index).asDouble(parameterName(index)) }
    public func float(_ index: Int) throws -> Float { try value(index).asFloat(parameterName(index)) }
    public func bool(_ index: Int) throws -> Bool { try value(index).asBool(parameterName(index)) }
    public func string(_ index: Int) throws -> String { try value(index).asString(parameterName(index)) }
    public func array(_ index: Int) throws -> [Value] { try value(index).asArray(parameterName(index)) }
    public func ints(_ index: Int) throws -> [Int] { try value(index).asInts(parameterName(index)) }
    public func native<T>(_ index: Int, as type: T.Type) throws -> T {
        try value(index).asNative(type, parameterName(index))
    }
    /// Nil for `nil` (or an optional holding nil); the value otherwise.
    public func optional(_ index: Int) throws -> Value? { try value(index).unwrapped }

    // MARK: - Typed access by name

    public func int(_ name: String) throws -> Int { try int(index(name)) }
    public func double(_ name: String) throws -> Double { try double(index(name)) }
    public func float(_ name: String) throws -> Float { try float(index(name)) }
    public func bool(_ name: String) throws -> Bool { try bool(index(name)) }
    public func string(_ name: String) throws -> String { try string(index(name)) }
    public func array(_ name: String) throws -> [Value] { try array(index(name)) }
    public func ints(_ name: String) throws -> [Int] { try ints(index(name)) }
    public func native<T>(_ name: String, as type: T.Type) throws -> T { try native(index(name), as: type) }
    public func optional(_ name: String) throws -> Value? { try optional(index(name)) }
}

// MARK: - Conversions natives use

extension Value {
    /// The Int inside, or an error naming `parameter`.
    public func asInt(_ parameter: String = "value") throws -> Int {
        if case .int(let v) = unwrapped { return v }
        throw NativeError.argument(parameter, expected: "Int", got: self)
    }

    /// A number as Double: Double, Float or Int (natives are lenient where Swift code would convert).
    public func asDouble(_ parameter: String = "value") throws -> Double {
        switch unwrapped {
        case .double(let v)?: return v
        case .float(let v)?: return Double(v)
        case .int(let v)?: return Double(v)
        default: throw NativeError.argument(parameter, expected: "Double", got: self)
        }
    }

    /// A number as Float: Float, Double or Int.
    public func asFloat(_ parameter: String = "value") throws -> Float {
        switch unwrapped {
        case .float(let v)?: return v
        case .double(let v)?: return Float(v)
        case .int(let v)?: return Float(v)
        default: throw NativeError.argument(parameter, expected: "Float", got: self)
        }
    }

    public func asBool(_ parameter: String = "value") throws -> Bool {
        if case .bool(let v) = unwrapped { return v }
        throw NativeError.argument(parameter, expected: "Bool", got: self)
    }

    public func asString(_ parameter: String = "value") throws -> String {
        if case .string(let v) = unwrapped { return v }
        throw NativeError.argument(parameter, expected: "String", got: self)
    }

    /// The elements of an array (or of a range, as Ints).
    public func asArray(_ parameter: String = "value") throws -> [Value] {
        switch unwrapped {
        case .array(let elements)?: return elements
        case .range(let lower, let upper, let closed)?:
            let end = closed ? upper : upper - 1
            return lower <= end ? (lower...end).map(Value.int) : []
        default: throw NativeError.argument(parameter, expected: "an array", got: self)
        }
    }

    /// An array of Ints (`[3, 3]`), or a single Int as a one-element array.
    public func asInts(_ parameter: String = "value") throws -> [Int] {
        if case .int(let v) = unwrapped { return [v] }
        return try asArray(parameter).map { element in
            guard case .int(let v) = element else { throw NativeError.argument(parameter, expected: "[Int]", got: self) }
            return v
        }
    }

    /// The payload of a native value of Swift type `T`.
    public func asNative<T>(_ type: T.Type, _ parameter: String = "value") throws -> T {
        if case .native(let native)? = unwrapped, let payload = native.payload as? T { return payload }
        throw NativeError.argument(parameter, expected: String(describing: T.self), got: self)
    }
}
