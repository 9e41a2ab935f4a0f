/// Slicing: a box of elements, one range per axis.
extension Tensor {
    /// The elements at `lowerBounds[i] ..< upperBounds[i]` along each axis i. Throws when a bound
    /// lies outside the axis or the arrays do not have one entry per axis.
    public func slice(lowerBounds: [Int], upperBounds: [Int]) throws -> Tensor {
        let op = "slice(lowerBounds:upperBounds:)"
        guard lowerBounds.count == rank, upperBounds.count == rank else {
            throw TensorError.invalidArgument(
                op: op, message: "needs one bound per axis of shape \(shape), got \(lowerBounds.count) lower and \(upperBounds.count) upper bounds")
        }
        for axis in 0..<rank where !(0 <= lowerBounds[axis] && lowerBounds[axis] <= upperBounds[axis] && upperBounds[axis] <= shape[axis]) {
            throw TensorError.invalidArgument(
                op: op, message: "range \(lowerBounds[axis])..<\(upperBounds[axis]) is out of bounds for axis \(axis) of shape \(shape)")
        }
        let target = zip(lowerBounds, upperBounds).map { $1 - $0 }
        let strides = Shape.strides(shape)
        let start = zip(lowerBounds, strides).reduce(0) { $0 + $1.0 * $1.1 }
        let value = Tensor(uncheckedShape: target, count: target.reduce(1, *)) { out, _ in
            withScalars { x in
                stridedCopy(extents: target, from: x, offset: start, strides: strides, to: out, offset: 0, strides: Shape.strides(target))
            }
        }
        let sourceShape = shape
        return Tensor.recording(value, op: op, inputs: [self]) { g in
            // The gradient is zero outside the box: write g into a zero tensor of the source's shape.
            var full = Tensor.zeros(uncheckedShape: sourceShape)
            full.withMutableScalars { out in
                g.withScalars { gradient in
                    stridedCopy(extents: target, from: gradient, offset: 0, strides: Shape.strides(target),
                                to: out, offset: start, strides: strides)
                }
            }
            return [full]
        }
    }

    /// The elements in `ranges`, one per leading axis; axes without a range are kept whole
    /// (`x[0..<2, 1..<3]`).
    public subscript(ranges: Range<Int>...) -> Tensor {
        get throws {
            guard ranges.count <= rank else {
                throw TensorError.invalidArgument(op: "subscript", message: "\(ranges.count) ranges given for shape \(shape) of rank \(rank)")
            }
            let lower = shape.indices.map { $0 < ranges.count ? ranges[$0].lowerBound : 0 }
            let upper = shape.indices.map { $0 < ranges.count ? ranges[$0].upperBound : shape[$0] }
            return try slice(lowerBounds: lower, upperBounds: upper)
        }
    }
}
