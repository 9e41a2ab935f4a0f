import ResLabEngine

// Keras' `padding=` is the engine's `Padding` (`.valid`, `.same`); these helpers give the layers
// its output extents before any data arrives, for symbolic shapes and early errors.

/// The output extent along one axis of length `input`, for a window `window` moved by `stride`;
/// nil when the window does not fit (valid padding on too small an input).
func windowOutputExtent(_ padding: Padding, input: Int, window: Int, stride: Int) -> Int? {
    switch padding {
    case .valid: return input >= window ? (input - window) / stride + 1 : nil
    case .same: return (input + stride - 1) / stride
    }
}

/// Checks the settings shared by Conv2D and the pooling layers.
func checkWindow(_ op: String, size: (Int, Int), strides: (Int, Int)) throws {
    guard size.0 > 0, size.1 > 0 else {
        throw NNError.invalidArgument(op: op, message: "the window size must be positive, got (\(size.0), \(size.1))")
    }
    guard strides.0 > 0, strides.1 > 0 else {
        throw NNError.invalidArgument(op: op, message: "strides must be positive, got (\(strides.0), \(strides.1))")
    }
}

/// The output shape of a 2-D window operation on an NHWC shape.
func windowedOutputShape(layer: Layer, input: [Int?], size: (Int, Int), strides: (Int, Int),
                         padding: Padding, channels: Int?) throws -> [Int?] {
    guard input.count == 4 else {
        throw NNError.incompatibleInput(
            layer: layer.description,
            message: "expects a rank-4 input (batch, height, width, channels) but was given shape \(formatShape(input))")
    }
    func extent(_ n: Int?, _ window: Int, _ stride: Int) throws -> Int? {
        guard let n else { return nil }
        guard let out = windowOutputExtent(padding, input: n, window: window, stride: stride) else {
            throw NNError.incompatibleInput(
                layer: layer.description,
                message: "a \(size.0)×\(size.1) window with padding .valid does not fit in an input of shape \(formatShape(input)); use padding: .same or a larger input")
        }
        return out
    }
    return [input[0], try extent(input[1], size.0, strides.0), try extent(input[2], size.1, strides.1),
            channels ?? input[3]]
}
