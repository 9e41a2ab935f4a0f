/// Joining tensors along an axis.

/// The tensors joined along `axis` (negative counts from the end); all other extents must agree.
public func concatenate(_ tensors: [Tensor], axis: Int) throws -> Tensor {
    let op = "concatenate(_:axis:)"
    guard let first = tensors.first else {
        throw TensorError.invalidArgument(op: op, message: "needs at least one tensor")
    }
    let axis = try Shape.normalize(axis: axis, rank: first.rank, op: op, shape: first.shape)
    for (index, tensor) in tensors.enumerated() {
        var expected = first.shape, actual = tensor.shape
        guard actual.count == expected.count else {
            throw TensorError.invalidArgument(
                op: op, message: "tensor \(index) has shape \(tensor.shape) but tensor 0 has shape \(first.shape); the ranks differ")
        }
        expected[axis] = 0
        actual[axis] = 0
        guard expected == actual else {
            throw TensorError.invalidArgument(
                op: op, message: "tensor \(index) has shape \(tensor.shape) but tensor 0 has shape \(first.shape); only axis \(axis) may differ")
        }
    }
    var target = first.shape
    target[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    let targetStrides = Shape.strides(target)
    let value = try Tensor.allocate(target, op: op) { out, _ in
        var position = 0
        for tensor in tensors {
            tensor.withScalars { x in
                stridedCopy(extents: tensor.shape, from: x, offset: 0, strides: Shape.strides(tensor.shape),
                            to: out, offset: position * targetStrides[axis], strides: targetStrides)
            }
            position += tensor.shape[axis]
        }
    }
    let shapes = tensors.map(\.shape)
    return Tensor.recording(value, op: op, inputs: tensors) { g in
        // Each input's gradient is its own slab of g.
        var position = 0
        return try shapes.map { shape in
            var lower = [Int](repeating: 0, count: shape.count), upper = shape
            lower[axis] = position
            upper[axis] = position + shape[axis]
            position += shape[axis]
            return try g.slice(lowerBounds: lower, upperBounds: upper)
        }
    }
}

extension Tensor {
    /// This tensor and `other` joined along `axis`.
    public func concatenated(with other: Tensor, alongAxis axis: Int) throws -> Tensor {
        try concatenate([self, other], axis: axis)
    }
}
