import ResLabEngine
import ResLabNN
import ResLabScript

/// The lesson language's `Tensor` as a parameter or result type.
let tensorType = ScriptType.named(TensorBinding.typeName)

/// Reading tensors and tensor-related settings out of a native's arguments.
extension NativeArguments {
    /// The tensor (eager or symbolic) bound to parameter `index`.
    func tensorValue(_ index: Int) throws -> TensorValue {
        let value = self[index]
        guard let payload = TensorBinding.tensorValue(from: value) else {
            throw NativeError.argument(parameterName(index), expected: "Tensor", got: value)
        }
        return payload
    }

    /// The numbers of the tensor bound to parameter `index`; a symbolic tensor is refused with a
    /// message naming `op`.
    func tensor(_ index: Int, op: String) throws -> Tensor {
        try TensorArgument.eager(tensorValue(index), op: op, parameter: parameterName(index))
    }

    /// Axes given as one Int, several (a variadic parameter) or an array of Ints.
    func axes(_ index: Int) throws -> [Int] {
        let value = self[index]
        if case .array(let elements) = value {
            return try elements.flatMap { try $0.asInts(parameterName(index)) }
        }
        return try value.asInts(parameterName(index))
    }

    func parameterName(_ index: Int) -> String {
        index < signature.parameters.count ? signature.parameters[index].name : "#\(index)"
    }
}

enum TensorArgument {
    /// The numbers of `value`, or an error saying that `op` needs numbers and what to do instead.
    static func eager(_ value: TensorValue, op: String, parameter: String) throws -> Tensor {
        switch value {
        case .eager(let tensor): return tensor
        case .symbolic(let symbolic):
            throw NativeError("\(op) needs numbers, but '\(parameter)' is a symbolic tensor of shape \(format(symbolic.shape)) "
                              + "(from Input(shape:)), which has none yet",
                              hint: "inside a model, use layers (Dense, Conv2D, Activation, Add); "
                                  + "to compute numbers, call the model on a tensor or use predict(x:)")
        }
    }

    /// A window or stride setting: an Int (the same along both axes), an (Int, Int) pair, an
    /// [Int] of two, or S4TF's four-element NHWC form `(1, sh, sw, 1)`.
    static func pair(_ value: Value, parameter: String) throws -> (Int, Int) {
        let numbers: [Value]
        switch value.unwrapped {
        case .int(let n)?: return (n, n)
        case .tuple(let tuple)?: numbers = tuple.elements
        case .array(let elements)?: numbers = elements
        default: throw NativeError.argument(parameter, expected: "Int or (Int, Int)", got: value)
        }
        let ints = try numbers.map { try $0.asInt(parameter) }
        switch ints.count {
        case 2: return (ints[0], ints[1])
        case 4: return (ints[1], ints[2])
        default:
            throw NativeError("argument '\(parameter)' needs one number, two (height, width) or four (1, height, width, 1); got \(ints.count)")
        }
    }

    /// A shape as Keras prints it: `(None, 8, 8, 6)`.
    static func format(_ shape: [Int?]) -> String {
        let parts = shape.map { $0.map(String.init) ?? "None" }
        return parts.count == 1 ? "(\(parts[0]),)" : "(\(parts.joined(separator: ", ")))"
    }
}
