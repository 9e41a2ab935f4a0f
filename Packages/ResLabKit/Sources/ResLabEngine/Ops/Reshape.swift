/// Reshaping: the same elements in the same row-major order under another shape.
extension Tensor {
    /// The elements under `newShape`; one extent may be -1, inferred from the count (NumPy's rule).
    /// Throws when the counts differ or the -1 cannot be inferred.
    public func reshaped(to newShape: [Int]) throws -> Tensor {
        let op = "reshaped(to:)"
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        guard inferred.count <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
            throw TensorError.invalidArgument(op: op, message: "shape \(newShape) may hold one -1 and otherwise non-negative extents")
        }
        let mismatch = TensorError.invalidArgument(op: op, message: "cannot reshape shape \(shape) (\(count) elements) to \(newShape)")
        var target = newShape
        guard let known = Shape.checkedProduct(newShape.filter { $0 != -1 }) else { throw mismatch }
        if let axis = inferred.first {
            guard known > 0, count % known == 0 else { throw mismatch }
            target[axis] = count / known
        }
        guard Shape.checkedProduct(target) == count else { throw mismatch }
        _ = try Tensor.checkedCount(of: target, op: op)
        let sourceShape = shape
        return Tensor.recording(Tensor(uncheckedShape: target, scalars: scalars), op: op, inputs: [self]) { g in
            [Tensor(uncheckedShape: sourceShape, scalars: g.scalars)]
        }
    }

    /// The elements as a rank-2 tensor [first extent, everything else] (Keras' `Flatten`).
    public func flattenedBatch() throws -> Tensor {
        guard rank >= 1 else {
            throw TensorError.invalidArgument(op: "flattenedBatch()", message: "a scalar has no batch axis to keep")
        }
        return try reshaped(to: [shape[0], shape.dropFirst().reduce(1, *)])
    }

    /// A new extent-1 axis inserted at `axis` (in the result's axes, so -1 appends).
    public func expandingShape(at axis: Int) throws -> Tensor {
        let position = try Shape.normalize(axis: axis, rank: rank + 1, op: "expandingShape(at:)", shape: shape)
        var newShape = shape
        newShape.insert(1, at: position)
        return try reshaped(to: newShape)
    }

    /// The extent-1 axis at `axis` removed; throws when that axis has another extent.
    public func squeezingShape(at axis: Int) throws -> Tensor {
        let op = "squeezingShape(at:)"
        let position = try Shape.normalize(axis: axis, rank: rank, op: op, shape: shape)
        guard shape[position] == 1 else {
            throw TensorError.invalidArgument(op: op, message: "axis \(axis) of shape \(shape) has extent \(shape[position]), not 1")
        }
        var newShape = shape
        newShape.remove(at: position)
        return try reshaped(to: newShape)
    }
}
