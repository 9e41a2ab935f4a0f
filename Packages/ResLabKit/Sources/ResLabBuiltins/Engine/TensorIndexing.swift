import ResLabEngine
import ResLabScript

/// What `x[i, a..<b]` selects: per axis an index (which removes the axis) or a range (which keeps
/// it); axes without an entry are kept whole. Negative indices count from the end, as in NumPy.
struct TensorIndexing {
    enum Entry {
        case index(Int)
        case range(lower: Int, upper: Int)
    }

    let lowerBounds: [Int]
    let upperBounds: [Int]
    /// The shape of the selection with the indexed axes removed.
    let resultShape: [Int]

    init(_ arguments: [Value], shape: [Int]) throws {
        guard arguments.count <= shape.count else {
            throw NativeError("subscript: \(arguments.count) indices given for a tensor of shape \(shape), which has \(shape.count) axes")
        }
        var lower: [Int] = []
        var upper: [Int] = []
        var result: [Int] = []
        for (axis, extent) in shape.enumerated() {
            guard axis < arguments.count else {
                lower.append(0)
                upper.append(extent)
                result.append(extent)
                continue
            }
            switch try Self.entry(arguments[axis], axis: axis, extent: extent, shape: shape) {
            case .index(let index):
                lower.append(index)
                upper.append(index + 1)
            case .range(let from, let to):
                lower.append(from)
                upper.append(to)
                result.append(to - from)
            }
        }
        lowerBounds = lower
        upperBounds = upper
        resultShape = result
    }

    private static func entry(_ value: Value, axis: Int, extent: Int, shape: [Int]) throws -> Entry {
        switch value.unwrapped {
        case .int(let index)?:
            let position = index < 0 ? index + extent : index
            guard position >= 0, position < extent else {
                throw NativeError("subscript: index \(index) is out of range for axis \(axis) of shape \(shape) (valid: 0..<\(extent), or -\(extent)..<0 from the end)")
            }
            return .index(position)
        case .range(let lowerBound, let upperBound, let closed)?:
            let end = closed ? upperBound + 1 : upperBound
            guard lowerBound >= 0, end <= extent else {
                throw NativeError("subscript: range \(value) is out of range for axis \(axis) of shape \(shape) (valid: within 0..<\(extent))")
            }
            return .range(lower: lowerBound, upper: end)
        default:
            throw NativeError("subscript: axis \(axis) takes an Int or a range (0..<2), got \(value.type)")
        }
    }

    /// The selection, recorded for differentiation.
    func select(from tensor: Tensor) throws -> Tensor {
        let box = try tensor.slice(lowerBounds: lowerBounds, upperBounds: upperBounds)
        return box.shape == resultShape ? box : try box.reshaped(to: resultShape)
    }

    /// `tensor` with the selection replaced by `newValue` (broadcast to the selection's shape).
    /// The result is a constant for differentiation.
    func replace(in tensor: Tensor, with newValue: Tensor) throws -> Tensor {
        let boxShape = zip(lowerBounds, upperBounds).map { $1 - $0 }
        let source: Tensor
        do {
            source = try newValue.broadcasted(to: resultShape)
        } catch {
            throw NativeError("subscript assignment: a value of shape \(newValue.shape) cannot fill a selection of shape \(resultShape)")
        }
        var scalars = tensor.scalars
        let strides = Self.strides(tensor.shape)
        var next = 0
        let values = source.scalars
        func fill(axis: Int, offset: Int) {
            if axis == boxShape.count {
                scalars[offset] = values[next]
                next += 1
                return
            }
            for position in lowerBounds[axis]..<upperBounds[axis] {
                fill(axis: axis + 1, offset: offset + position * strides[axis])
            }
        }
        if values.count > 0 { fill(axis: 0, offset: 0) }
        return try Tensor(shape: tensor.shape, scalars: scalars)
    }

    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            strides[axis] = stride
            stride *= shape[axis]
        }
        return strides
    }
}
