import ResLabEngine
import ResLabScript

/// Nested arrays of lesson-language numbers as tensors: `[[1.0], [2.0]]` → shape `[2, 1]`.
enum NestedArrayConversion {
    /// The tensor a number or a (possibly nested) array of numbers stands for. Ints, Doubles and
    /// Floats mix freely (each becomes a Float); every sub-array at one depth must have the same
    /// shape.
    static func tensor(from value: Value, parameter: String) throws -> Tensor {
        var scalars: [Float] = []
        let shape = try collect(value, into: &scalars, parameter: parameter, path: "")
        return try Tensor(shape: shape, scalars: scalars)
    }

    /// Appends the scalars of `value` in row-major order and returns its shape.
    private static func collect(_ value: Value, into scalars: inout [Float], parameter: String, path: String) throws -> [Int] {
        switch value.unwrapped {
        case .int(let v)?: scalars.append(Float(v)); return []
        case .double(let v)?: scalars.append(Float(v)); return []
        case .float(let v)?: scalars.append(v); return []
        case .array(let elements)?:
            var inner: [Int]?
            for (index, element) in elements.enumerated() {
                let shape = try collect(element, into: &scalars, parameter: parameter, path: path + "[\(index)]")
                if let inner, inner != shape {
                    throw NativeError("argument '\(parameter)' is a ragged nested array: \(parameter)\(path)[0] has shape \(inner) "
                                      + "but \(parameter)\(path)[\(index)] has shape \(shape)",
                                      hint: "every row must have the same number of elements")
                }
                inner = shape
            }
            return [elements.count] + (inner ?? [])
        default:
            throw NativeError("argument '\(parameter)' expects a Tensor, a number or a nested array of numbers, got \(value.type)"
                              + (path.isEmpty ? "" : " at \(parameter)\(path)"))
        }
    }
}
