/// Reductions over any set of axes (negative axes count from the end). `alongAxes` keeps the
/// reduced axes with extent 1 (NumPy's `keepdims=True`); `squeezingAxes` removes them; no
/// argument reduces over every axis to a scalar.
extension Tensor {
    // MARK: - sum

    /// The sum of all elements, as a scalar tensor.
    public func sum() -> Tensor { reducing(over: Array(shape.indices), keepingDims: false, .sum, op: "sum") }
    /// Sums over `axes`, removing them.
    public func sum(squeezingAxes axes: [Int]) throws -> Tensor { try reducing("sum", axes, keepingDims: false, .sum) }
    public func sum(squeezingAxes axes: Int...) throws -> Tensor { try sum(squeezingAxes: axes) }
    /// Sums over `axes`, keeping them with extent 1.
    public func sum(alongAxes axes: [Int]) throws -> Tensor { try reducing("sum", axes, keepingDims: true, .sum) }
    public func sum(alongAxes axes: Int...) throws -> Tensor { try sum(alongAxes: axes) }

    // MARK: - mean

    /// The mean of all elements, as a scalar tensor (NaN for an empty tensor).
    public func mean() -> Tensor { reducing(over: Array(shape.indices), keepingDims: false, .sum, op: "mean", mean: true) }
    /// Means over `axes`, removing them.
    public func mean(squeezingAxes axes: [Int]) throws -> Tensor { try reducing("mean", axes, keepingDims: false, .sum, mean: true) }
    public func mean(squeezingAxes axes: Int...) throws -> Tensor { try mean(squeezingAxes: axes) }
    /// Means over `axes`, keeping them with extent 1.
    public func mean(alongAxes axes: [Int]) throws -> Tensor { try reducing("mean", axes, keepingDims: true, .sum, mean: true) }
    public func mean(alongAxes axes: Int...) throws -> Tensor { try mean(alongAxes: axes) }

    // MARK: - max

    /// The largest element, as a scalar tensor (-inf for an empty tensor). Where several elements
    /// tie for the maximum the gradient is shared equally among them, as TensorFlow's is.
    public func max() -> Tensor { reducing(over: Array(shape.indices), keepingDims: false, .max, op: "max") }
    /// Maxima over `axes`, removing them.
    public func max(squeezingAxes axes: [Int]) throws -> Tensor { try reducing("max", axes, keepingDims: false, .max) }
    public func max(squeezingAxes axes: Int...) throws -> Tensor { try max(squeezingAxes: axes) }
    /// Maxima over `axes`, keeping them with extent 1.
    public func max(alongAxes axes: [Int]) throws -> Tensor { try reducing("max", axes, keepingDims: true, .max) }
    public func max(alongAxes axes: Int...) throws -> Tensor { try max(alongAxes: axes) }

    // MARK: - variance

    /// The biased variance (mean squared deviation, dividing by the count) of all elements.
    public func variance() -> Tensor {
        // Cannot fail: every axis of this tensor is valid.
        (try? variance(axes: Array(shape.indices), keepingDims: false)) ?? Tensor(Float.nan)
    }
    /// Biased variances over `axes`, removing them.
    public func variance(squeezingAxes axes: [Int]) throws -> Tensor { try variance(axes: axes, keepingDims: false) }
    public func variance(squeezingAxes axes: Int...) throws -> Tensor { try variance(squeezingAxes: axes) }
    /// Biased variances over `axes`, keeping them with extent 1.
    public func variance(alongAxes axes: [Int]) throws -> Tensor { try variance(axes: axes, keepingDims: true) }
    public func variance(alongAxes axes: Int...) throws -> Tensor { try variance(alongAxes: axes) }

    /// mean((x - mean(x))²) over the axes, built from differentiable ops so its gradient,
    /// 2(x - mean)/n, comes from theirs.
    private func variance(axes: [Int], keepingDims: Bool) throws -> Tensor {
        let deviation = try self - (try mean(alongAxes: axes))
        let squared = square(deviation)
        return keepingDims ? try squared.mean(alongAxes: axes) : try squared.mean(squeezingAxes: axes)
    }

    // MARK: - argmax

    /// The index of the largest element along `axis`, as Float values, with that axis removed.
    /// The first index wins a tie; the result is a constant for differentiation.
    public func argmax(squeezingAxis axis: Int) throws -> Tensor {
        let op = "argmax(squeezingAxis:)"
        let axis = try Shape.normalize(axis: axis, rank: rank, op: op, shape: shape)
        guard shape[axis] > 0 else {
            throw TensorError.invalidArgument(op: op, message: "axis \(axis) of shape \(shape) is empty; it has no largest element")
        }
        let (outer, extent, inner) = splitShape(around: axis)
        var outputShape = shape
        outputShape.remove(at: axis)
        return Tensor(uncheckedShape: outputShape, count: outer * inner) { out, _ in
            withScalars { x in
                for o in 0..<outer {
                    for i in 0..<inner {
                        let base = x + (o &* extent &* inner &+ i)
                        var best = base[0], bestIndex = 0
                        for k in 1..<Swift.max(extent, 1) where base[k &* inner] > best || (base[k &* inner].isNaN && !best.isNaN) {
                            best = base[k &* inner]
                            bestIndex = k
                        }
                        out[o &* inner &+ i] = Float(bestIndex)
                    }
                }
            }
        }
    }

    /// The row-major index of the largest element, as a scalar tensor (the first one on a tie).
    public func argmax() throws -> Tensor {
        try Tensor(uncheckedShape: [], scalars: reshaped(to: [count]).argmax(squeezingAxis: 0).scalars)
    }

    // MARK: - Shared machinery

    /// (product of the extents before `axis`, the extent of `axis`, product of those after).
    func splitShape(around axis: Int) -> (outer: Int, extent: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    private func reducing(_ op: String, _ axes: [Int], keepingDims: Bool, _ kind: ReductionKind, mean: Bool = false) throws -> Tensor {
        let normalized = try Shape.normalize(axes: axes, rank: rank, op: op, shape: shape)
        return reducing(over: normalized, keepingDims: keepingDims, kind, op: op, mean: mean)
    }

    /// The reduction over normalised axes, and its pullback: the gradient is broadcast back over
    /// the reduced axes (divided by the count for a mean; routed to the maxima for a max).
    private func reducing(over axes: [Int], keepingDims: Bool, _ kind: ReductionKind, op: String, mean: Bool = false) -> Tensor {
        var kept = reduced(over: axes, kind)
        let keptShape = kept.shape
        let reducedCount = axes.reduce(1) { $0 * shape[$1] }
        if mean {
            let n = Float(reducedCount)
            kept = kept.mapped(DivideBy(divisor: n))
        }
        let squeezedShape = shape.indices.filter { !axes.contains($0) }.map { shape[$0] }
        let value = keepingDims ? kept : Tensor(uncheckedShape: squeezedShape, scalars: kept.scalars)
        let input = withoutDerivative(), maxima = kept
        return Tensor.recording(value, op: op, inputs: [self]) { g in
            let gKept = Tensor(uncheckedShape: keptShape, scalars: g.scalars)
            switch kind {
            case .sum:
                let spread = try gKept.broadcasted(to: input.shape)
                return [mean ? spread.mapped(DivideBy(divisor: Float(reducedCount))) : spread]
            case .max:
                let isMax = try Tensor.broadcasting(input, maxima, op: op, Equal())
                let ties = isMax.reduced(over: axes, .sum)
                let share = Tensor.zipMapped(gKept, ties, Divide())
                return [try Tensor.broadcasting(isMax, share, op: op, Multiply())]
            }
        }
    }
}
