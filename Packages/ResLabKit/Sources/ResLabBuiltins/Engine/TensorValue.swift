import ResLabEngine
import ResLabNN
import ResLabScript

/// What a `Tensor` of the lesson language holds: numbers, or a symbolic tensor of a model being
/// built.
///
/// Lesson code sees one type, `Tensor`, as a Keras user sees one kind of tensor: `Input(shape:)`
/// returns a `Tensor`, so a lesson function `func identityBlock(_ x: Tensor, …) -> Tensor` computes
/// at once on numbers and records a model's graph on an input. Operations that need numbers
/// (`.scalars`, `matmul`, `+`) refuse a symbolic tensor with a message saying so.
public enum TensorValue {
    /// Numbers: the engine's tensor (Float32, row-major; NHWC for images).
    case eager(Tensor)
    /// A symbolic tensor: `Input(shape:)` or a layer applied to one. Its shape has nil for the
    /// batch axis.
    case symbolic(KerasTensor)

    /// The shape, nil for an extent that is not known yet (a symbolic tensor's batch axis).
    public var symbolicShape: [Int?] {
        switch self {
        case .eager(let tensor): return tensor.shape.map(Optional.some)
        case .symbolic(let tensor): return tensor.shape
        }
    }

    /// The numbers, or nil for a symbolic tensor.
    public var eager: Tensor? {
        if case .eager(let tensor) = self { return tensor }
        return nil
    }
}

/// The lesson language's `Tensor` for other plugins (the grading helpers, outside plugins): how
/// to get the engine's `Tensor` out of a language value and how to hand one back.
///
///     let actual = try TensorBinding.tensor(converting: args[0])   // a Tensor, or [[1.0], [2.0]]
///     return try TensorBinding.value(actual * 2, registry: context.registry)
public enum TensorBinding {
    /// The type's name in lesson code.
    public static let typeName = "Tensor"

    /// The payload of a `Tensor` value (eager or symbolic), or nil for any other value.
    public static func tensorValue(from value: Value) -> TensorValue? {
        guard case .native(let native)? = value.unwrapped, native.type.name == typeName else { return nil }
        return native.payload as? TensorValue
    }

    /// The numbers of a `Tensor` value, or nil when the value is not a tensor or is symbolic.
    public static func tensor(from value: Value) -> Tensor? {
        tensorValue(from: value)?.eager
    }

    /// A tensor from a `Tensor` value, a number (a scalar tensor) or a nested array of numbers
    /// (`[[1.0], [2.0]]` has shape `[2, 1]`), as `Tensor(_:)` converts them in lesson code.
    /// Throws a message naming `parameter` for anything else, for a ragged array, and for a
    /// symbolic tensor (which has no numbers yet).
    public static func tensor(converting value: Value, parameter: String = "value") throws -> Tensor {
        if let payload = tensorValue(from: value) {
            guard let tensor = payload.eager else {
                throw NativeError("argument '\(parameter)' is a symbolic tensor (from Input(shape:)), which has no numbers yet",
                                  hint: "build a Model(inputs:outputs:) and call it, or use predict(x:), to get numbers")
            }
            return tensor
        }
        return try NestedArrayConversion.tensor(from: value, parameter: parameter)
    }

    /// `tensor` as a lesson-language `Tensor`. Throws when the registry has no `Tensor` type (the
    /// engine plugin is not installed).
    public static func value(_ tensor: Tensor, registry: NativeRegistry) throws -> Value {
        try value(.eager(tensor), registry: registry)
    }

    /// An eager or symbolic tensor as a lesson-language `Tensor`.
    public static func value(_ tensor: TensorValue, registry: NativeRegistry) throws -> Value {
        guard let type = registry.type(named: typeName) else {
            throw NativeError("the lesson language has no Tensor type: the engine plugin is not installed")
        }
        return .native(NativeValue(type: type, payload: tensor))
    }
}
