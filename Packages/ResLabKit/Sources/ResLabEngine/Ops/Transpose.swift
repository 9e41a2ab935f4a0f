/// Permuting axes.
extension Tensor {
    /// The tensor with its axes reordered: axis i of the result is axis `permutation[i]` of this one.
    /// Throws unless `permutation` is a permutation of `0..<rank`.
    public func transposed(permutation: [Int]) throws -> Tensor {
        let op = "transposed(permutation:)"
        guard permutation.count == rank, Set(permutation) == Set(0..<rank) else {
            throw TensorError.invalidArgument(op: op, message: "\(permutation) is not a permutation of the axes of shape \(shape)")
        }
        let sourceStrides = Shape.strides(shape)
        let target = permutation.map { shape[$0] }
        let value = Tensor(uncheckedShape: target, count: count) { out, _ in
            withScalars { x in
                stridedCopy(extents: target, from: x, offset: 0, strides: permutation.map { sourceStrides[$0] },
                            to: out, offset: 0, strides: Shape.strides(target))
            }
        }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in permutation.enumerated() { inverse[axis] = i }
        return Tensor.recording(value, op: op, inputs: [self]) { g in [try g.transposed(permutation: inverse)] }
    }

    public func transposed(permutation: Int...) throws -> Tensor { try transposed(permutation: permutation) }

    /// The axes in reverse order (a matrix's transpose).
    public func transposed() -> Tensor {
        // Cannot fail: the reversed axes are a permutation.
        (try? transposed(permutation: Array(shape.indices.reversed()))) ?? self
    }
}
