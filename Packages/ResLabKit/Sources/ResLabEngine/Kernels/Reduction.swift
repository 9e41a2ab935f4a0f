/// What a reduction combines.
enum ReductionKind {
    /// Sum, accumulated in Double so that a mean over a whole batch of activations is accurate
    /// to Float precision.
    case sum
    case max
}

extension Tensor {
    /// Reduces over `axes` (normalised, distinct), keeping them as extent-1 axes.
    func reduced(over axes: [Int], _ kind: ReductionKind) -> Tensor {
        let reducedSet = Set(axes)
        let outputShape = shape.indices.map { reducedSet.contains($0) ? 1 : shape[$0] }
        let outputCount = outputShape.reduce(1, *)
        let outputStrides = zip(Shape.strides(outputShape), outputShape).map { stride, extent in extent == 1 ? 0 : stride }
        let layout = StridedLayout(extents: shape, strides: [outputStrides, Shape.strides(shape)])
        if count == 0 {
            let empty: Float = kind == .sum ? 0 : -.infinity
            return Tensor(uncheckedShape: outputShape, scalars: [Float](repeating: empty, count: outputCount))
        }
        // Workers split the outermost axis; when that axis is reduced, each needs its own accumulator.
        let parts = min(Parallelism.workers, layout.extents[0], count / Parallelism.minimumElementsPerWorker)
        let sharedAccumulator = layout.strides[0][0] != 0 || parts <= 1
        let accumulators = sharedAccumulator ? 1 : parts
        let initial: Double = kind == .sum ? 0 : -.infinity
        var accumulated = [Double](repeating: initial, count: accumulators * outputCount)
        accumulated.withUnsafeMutableBufferPointer { accumulatorBuffer in
            guard let accumulator = accumulatorBuffer.baseAddress else { return }
            withScalars { x in
                let run: (Int, StridedLayout) -> Void = { part, piece in
                    let acc = accumulator + (sharedAccumulator ? 0 : part &* outputCount)
                    piece.forEachRow { offsets, inner, strides in
                        Tensor.reduceRow(kind, acc + offsets[0], strides[0], x + offsets[1], strides[1], inner)
                    }
                }
                if parts <= 1 {
                    run(0, layout)
                    return
                }
                let extent = layout.extents[0]
                let strides = layout.strides
                Parallelism.run(iterations: parts) { part in
                    let start = extent * part / parts
                    var piece = layout
                    piece.extents[0] = extent * (part + 1) / parts - start
                    piece.base = [start &* strides[0][0], start &* strides[1][0]]
                    run(part, piece)
                }
            }
            for part in 1..<accumulators {
                let other = accumulator + part &* outputCount
                for i in 0..<outputCount {
                    accumulator[i] = kind == .sum ? accumulator[i] + other[i] : Swift.max(accumulator[i], other[i])
                }
            }
        }
        return Tensor(uncheckedShape: outputShape, scalars: accumulated.prefix(outputCount).map { Float($0) })
    }

    /// Combines `count` inputs read with `inputStride` into accumulators written with
    /// `accumulatorStride` (0 when the innermost axis is the one reduced).
    @inline(__always)
    private static func reduceRow(_ kind: ReductionKind, _ acc: UnsafeMutablePointer<Double>, _ accumulatorStride: Int,
                                  _ x: UnsafePointer<Float>, _ inputStride: Int, _ count: Int) {
        switch (kind, accumulatorStride, inputStride) {
        case (.sum, 0, 1):
            // Four independent partial sums keep the adder pipeline busy.
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = 0
            while i &+ 4 <= count {
                s0 += Double(x[i]); s1 += Double(x[i &+ 1]); s2 += Double(x[i &+ 2]); s3 += Double(x[i &+ 3])
                i &+= 4
            }
            while i < count { s0 += Double(x[i]); i &+= 1 }
            acc[0] += (s0 + s1) + (s2 + s3)
        case (.sum, 1, 1):
            for i in 0..<count { acc[i] += Double(x[i]) }
        case (.sum, let sa, let sx):
            for i in 0..<count { acc[i &* sa] += Double(x[i &* sx]) }
        case (.max, let sa, let sx):
            for i in 0..<count {
                let v = Double(x[i &* sx])
                // NaN wins, as in NumPy: comparisons with NaN are false, so test it explicitly.
                if v > acc[i &* sa] || v.isNaN { acc[i &* sa] = v }
            }
        }
    }

    /// Sums a broadcast result back to `target`, the shape of the operand that was broadcast
    /// (the reverse of broadcasting, as every broadcasting op's pullback needs).
    func summed(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        let offset = rank - target.count
        let axes = shape.indices.filter { axis in
            axis < offset || (target[axis - offset] == 1 && shape[axis] != 1)
        }
        let sum = axes.isEmpty ? self : reduced(over: axes, .sum)
        return Tensor(uncheckedShape: target, scalars: sum.scalars)
    }
}
