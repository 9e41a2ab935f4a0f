/// Padding with a constant (Keras' `ZeroPadding2D` is `padded` on the H and W axes of NHWC).
extension Tensor {
    /// The tensor with `sizes[i].before` elements of `value` added before axis i and
    /// `sizes[i].after` after it. Throws on a negative size or a count other than the rank.
    public func padded(forSizes sizes: [(before: Int, after: Int)], with value: Float = 0) throws -> Tensor {
        let op = "padded(forSizes:)"
        guard sizes.count == rank else {
            throw TensorError.invalidArgument(op: op, message: "needs one (before, after) pair per axis of shape \(shape), got \(sizes.count)")
        }
        guard sizes.allSatisfy({ $0.before >= 0 && $0.after >= 0 }) else {
            throw TensorError.invalidArgument(op: op, message: "padding sizes \(sizes.map { [$0.before, $0.after] }) must not be negative")
        }
        // Sizes beyond the budget cannot make a valid tensor; refusing them first keeps the sums below from overflowing.
        let limit = MemoryBudget.bytes / MemoryLayout<Float>.stride
        guard sizes.allSatisfy({ $0.before <= limit && $0.after <= limit }) else {
            throw TensorError.overBudget(op: op, shape: shape, bytes: Int.max, budget: MemoryBudget.bytes)
        }
        let target = zip(shape, sizes).map { $0 + $1.before + $1.after }
        let targetStrides = Shape.strides(target)
        let start = zip(sizes, targetStrides).reduce(0) { $0 + $1.0.before * $1.1 }
        let sourceShape = shape
        let result = try Tensor.allocate(target, op: op) { out, count in
            out.initialize(repeating: value, count: count)
            withScalars { x in
                stridedCopy(extents: sourceShape, from: x, offset: 0, strides: Shape.strides(sourceShape),
                            to: out, offset: start, strides: targetStrides)
            }
        }
        return Tensor.recording(result, op: op, inputs: [self]) { g in
            [try g.slice(lowerBounds: sizes.map(\.before), upperBounds: zip(sizes, sourceShape).map { $0.before + $1 })]
        }
    }

    /// NHWC images with `top`, `bottom`, `left` and `right` rows and columns of zeros (Keras' `ZeroPadding2D`).
    public func zeroPadded2D(top: Int, bottom: Int, left: Int, right: Int) throws -> Tensor {
        guard rank == 4 else {
            throw TensorError.invalidArgument(op: "zeroPadded2D", message: "expects NHWC input of rank 4, got shape \(shape)")
        }
        return try padded(forSizes: [(0, 0), (top, bottom), (left, right), (0, 0)])
    }
}
