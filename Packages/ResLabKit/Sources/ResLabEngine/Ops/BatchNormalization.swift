/// Batch normalisation over every axis but the channel axis (Keras' `BatchNormalization`).
///
/// y = (x - mean) / √(variance + ε) · scale + offset, with per-channel mean, variance, scale (γ)
/// and offset (β) of shape [C], C the extent of `axis` (-1, the last, for NHWC). Built from two
/// fast kernels: per-channel sums (the reduction kernel, accumulating in Double) and a
/// per-channel affine map x·a[c] + b[c].

/// Normalises with given statistics (Keras' `training=False`, with the moving mean and variance).
/// Differentiable with respect to all five tensors.
public func batchNormInference(_ x: Tensor, mean: Tensor, variance: Tensor, offset: Tensor, scale: Tensor,
                               axis: Int = -1, epsilon: Float = 1e-3) throws -> Tensor {
    let op = "batchNormInference"
    let layout = try ChannelLayout(op: op, x, axis: axis, parameters: [("mean", mean), ("variance", variance), ("offset", offset), ("scale", scale)])
    let (m, v, beta, gamma) = (mean.scalars, variance.scalars, offset.scalars, scale.scalars)
    let c = layout.channels
    let invStd = v.map { 1 / ($0 + epsilon).squareRoot() }
    let multiplier = (0..<c).map { gamma[$0] * invStd[$0] }
    let value = layout.affine(x, multiplier: multiplier, shift: (0..<c).map { beta[$0] - m[$0] * multiplier[$0] })
    let input = x.withoutDerivative()
    let (needX, needStatistics) = (x.isTracked, mean.isTracked || variance.isTracked || offset.isTracked || scale.isTracked)
    return Tensor.recording(value, op: op, inputs: [x, mean, variance, offset, scale]) { dy in
        let dx = needX ? layout.affine(dy, multiplier: multiplier, shift: [Float](repeating: 0, count: c)) : nil
        guard needStatistics else { return [dx, nil, nil, nil, nil] }
        // Σ dy and Σ dy·(x - mean) per channel give the four parameter gradients.
        let sumDy = layout.channelSums(dy)
        let centered = layout.affine(input, multiplier: [Float](repeating: 1, count: c), shift: m.map { -$0 })
        let sumDyCentered = layout.channelSums(Tensor.zipMapped(dy, centered, Multiply()))
        // d/dv (v + ε)^(-1/2) = -½ (v + ε)^(-3/2) = -½ invStd³.
        let dVariance: [Float] = (0..<c).map { k in
            let cube = invStd[k] * invStd[k] * invStd[k]
            return sumDyCentered[k] * gamma[k] * (-0.5 * cube)
        }
        return [dx,
                Tensor(uncheckedShape: [c], scalars: (0..<c).map { -sumDy[$0] * multiplier[$0] }),
                Tensor(uncheckedShape: [c], scalars: dVariance),
                Tensor(uncheckedShape: [c], scalars: sumDy),
                Tensor(uncheckedShape: [c], scalars: (0..<c).map { sumDyCentered[$0] * invStd[$0] })]
    }
}

/// Normalises with the batch's own statistics (Keras' `training=True`).
///
/// Returns the normalised output (differentiable with respect to x, offset and scale), the batch
/// mean, and the batch's *unbiased* variance (× m/(m-1), m the number of elements per channel;
/// m/1 when m is 1), which is what Keras folds into the moving variance:
/// moving = moving·momentum + batch·(1 - momentum). The output itself uses the biased variance,
/// computed from the centred values (two passes) for accuracy. The returned statistics are
/// constants for differentiation.
public func batchNormTraining(_ x: Tensor, offset: Tensor, scale: Tensor, axis: Int = -1, epsilon: Float = 1e-3) throws
    -> (output: Tensor, mean: Tensor, unbiasedVariance: Tensor) {
    let op = "batchNormTraining"
    let layout = try ChannelLayout(op: op, x, axis: axis, parameters: [("offset", offset), ("scale", scale)])
    if layout.inner == 1 { return batchNormTrainingChannelLast(x, offset: offset, scale: scale, layout: layout, epsilon: epsilon) }
    let c = layout.channels
    let n = Float(Swift.max(layout.outer * layout.inner, 1))
    let means = layout.channelSums(x).map { $0 / n }
    let centered = layout.affine(x, multiplier: [Float](repeating: 1, count: c), shift: means.map { -$0 })
    let squares = layout.channelSums(square(centered))
    let invStd = squares.map { 1 / ($0 / n + epsilon).squareRoot() }
    let (beta, gamma) = (offset.scalars, scale.scalars)
    let multiplier = (0..<c).map { gamma[$0] * invStd[$0] }
    let value = layout.affine(centered, multiplier: multiplier, shift: beta)
    let unbiased = squares.map { $0 / Swift.max(n - 1, 1) }
    let (needX, needParameters) = (x.isTracked, offset.isTracked || scale.isTracked)
    let output = Tensor.recording(value, op: op, inputs: [x, offset, scale]) { dy in
        // With x̂ = (x - mean)·invStd: dβ = Σ dy, dγ = Σ dy·x̂, and
        // dx = γ·invStd · (dy - dβ/m - x̂·dγ/m), the mean and variance depending on x too.
        let xhat = layout.affine(centered, multiplier: invStd, shift: [Float](repeating: 0, count: c))
        let dOffset = layout.channelSums(dy), dScale = layout.channelSums(Tensor.zipMapped(dy, xhat, Multiply()))
        guard needX || needParameters else { return [nil, nil, nil] }
        var dx: Tensor?
        if needX {
            // dx = γ·invStd·dy - γ·invStd·dβ/m - x̂·γ·invStd·dγ/m, as two affine maps and a difference.
            let first = layout.affine(dy, multiplier: multiplier, shift: (0..<c).map { -multiplier[$0] * dOffset[$0] / n })
            let second = layout.affine(xhat, multiplier: (0..<c).map { multiplier[$0] * dScale[$0] / n }, shift: [Float](repeating: 0, count: c))
            dx = Tensor.zipMapped(first, second, Subtract())
        }
        return [dx, Tensor(uncheckedShape: [c], scalars: dOffset), Tensor(uncheckedShape: [c], scalars: dScale)]
    }
    return (output, Tensor(uncheckedShape: [c], scalars: means), Tensor(uncheckedShape: [c], scalars: unbiased))
}

/// `batchNormTraining` for a channel-last tensor (NHWC, the layout of every model here), fused:
/// the same arithmetic as the general path, element for element, in three passes over x forward
/// (Σx, Σ(x − μ)², the output) and two backward (Σdy and Σdy·x̂, then dx) instead of eight and
/// fourteen, with no centred copy kept for the backward pass. Only the order in which the Double
/// per-channel sums add up differs (by worker, in a fixed order, so runs repeat exactly).
private func batchNormTrainingChannelLast(_ x: Tensor, offset: Tensor, scale: Tensor, layout: ChannelLayout, epsilon: Float)
    -> (output: Tensor, mean: Tensor, unbiasedVariance: Tensor) {
    let op = "batchNormTraining"
    let c = layout.channels
    let n = Float(Swift.max(layout.outer, 1))
    let input = x.withoutDerivative()
    let means: [Float] = input.withScalars { xs in
        layout.channelLastSums(terms: 1) { rows, sums in
            for r in rows {
                let row = r &* c
                for k in 0..<c { sums[k] += Double(xs[row &+ k]) }
            }
        }.map { Float($0) / n }
    }
    let squares: [Float] = input.withScalars { xs in
        means.withUnsafeBufferPointer { mean in
            layout.channelLastSums(terms: 1) { rows, sums in
                for r in rows {
                    let row = r &* c
                    for k in 0..<c {
                        let d = xs[row &+ k] - mean[k]
                        sums[k] += Double(d * d)
                    }
                }
            }.map { Float($0) }
        }
    }
    let invStd = squares.map { 1 / ($0 / n + epsilon).squareRoot() }
    let (beta, gamma) = (offset.scalars, scale.scalars)
    let multiplier = (0..<c).map { gamma[$0] * invStd[$0] }
    let value = layout.channelLastNormalize(input, mean: means, multiplier: multiplier, offset: beta)
    let unbiased = squares.map { $0 / Swift.max(n - 1, 1) }
    let (needX, needParameters) = (x.isTracked, offset.isTracked || scale.isTracked)
    let output = Tensor.recording(value, op: op, inputs: [x, offset, scale]) { dy in
        guard needX || needParameters else { return [nil, nil, nil] }
        // With x̂ = (x - μ)·invStd: dβ = Σ dy, dγ = Σ dy·x̂, and
        // dx = γ·invStd · (dy - dβ/m - x̂·dγ/m), the mean and variance depending on x too.
        let sums: [Float] = dy.withScalars { d in
            input.withScalars { xs in
                means.withUnsafeBufferPointer { mean in
                    invStd.withUnsafeBufferPointer { invStd in
                        layout.channelLastSums(terms: 2) { rows, sums in
                            for r in rows {
                                let row = r &* c
                                for k in 0..<c {
                                    let g = d[row &+ k], xhat = (xs[row &+ k] - mean[k]) * invStd[k]
                                    sums[k] += Double(g)
                                    sums[c &+ k] += Double(g * xhat)
                                }
                            }
                        }.map { Float($0) }
                    }
                }
            }
        }
        let dOffset = Array(sums[0..<c]), dScale = Array(sums[c...])
        var dx: Tensor?
        if needX {
            let shift = (0..<c).map { -multiplier[$0] * dOffset[$0] / n }
            let slope = (0..<c).map { multiplier[$0] * dScale[$0] / n }
            dx = layout.channelLastInputGradient(dy, input, multiplier: multiplier, shift: shift, mean: means,
                                                 invStd: invStd, slope: slope)
        }
        return [dx, Tensor(uncheckedShape: [c], scalars: dOffset), Tensor(uncheckedShape: [c], scalars: dScale)]
    }
    return (output, Tensor(uncheckedShape: [c], scalars: means), Tensor(uncheckedShape: [c], scalars: unbiased))
}

/// A tensor seen as [outer, channels, inner] around its channel axis (inner is 1 for NHWC).
struct ChannelLayout {
    let outer: Int, channels: Int, inner: Int
    /// Every axis but the channel axis.
    let otherAxes: [Int]

    /// Checks `axis` and that every parameter has shape [C].
    init(op: String, _ x: Tensor, axis: Int, parameters: [(String, Tensor)]) throws {
        let axis = try Shape.normalize(axis: axis, rank: x.rank, op: op, shape: x.shape)
        (outer, channels, inner) = x.splitShape(around: axis)
        otherAxes = x.shape.indices.filter { $0 != axis }
        for (name, parameter) in parameters where parameter.shape != [channels] {
            throw TensorError.invalidArgument(
                op: op, message: "\(name) has shape \(parameter.shape) but input shape \(x.shape) has \(channels) channels on axis \(axis); expected [\(channels)]")
        }
    }

    /// The per-channel sums of `x` (accumulated in Double).
    func channelSums(_ x: Tensor) -> [Float] {
        x.reduced(over: otherAxes, .sum).scalars
    }

    /// Per-channel sums in Double over the rows of a channel-last tensor (inner 1): `accumulate`
    /// adds a range of rows into `terms × channels` sums. Each worker sums its own rows; the
    /// partial sums are added in worker order, the same on every run.
    func channelLastSums(terms: Int, _ accumulate: (Range<Int>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let width = terms &* channels, rows = outer
        let chunks = Swift.min(Parallelism.workers, Swift.max(1, rows &* channels / Parallelism.minimumElementsPerWorker))
        var partials = [Double](repeating: 0, count: chunks &* width)
        partials.withUnsafeMutableBufferPointer { all in
            guard let base = all.baseAddress else { return }
            if chunks == 1 {
                accumulate(0..<rows, base)
            } else {
                Parallelism.run(iterations: chunks) { chunk in
                    accumulate(rows * chunk / chunks ..< rows * (chunk + 1) / chunks, base + chunk &* width)
                }
            }
        }
        var total = [Double](repeating: 0, count: width)
        for chunk in 0..<chunks {
            for i in 0..<width { total[i] += partials[chunk &* width &+ i] }
        }
        return total
    }

    /// (x − mean[c])·multiplier[c] + offset[c] over a channel-last tensor, split across workers.
    func channelLastNormalize(_ x: Tensor, mean: [Float], multiplier: [Float], offset: [Float]) -> Tensor {
        let channels = self.channels
        return Tensor(uncheckedShape: x.shape, count: x.count) { out, _ in
            x.withScalars { x in
                mean.withUnsafeBufferPointer { mean in
                    multiplier.withUnsafeBufferPointer { multiplier in
                        offset.withUnsafeBufferPointer { offset in
                            forEachRowChunk { rows in
                                for r in rows {
                                    let row = r &* channels
                                    for k in 0..<channels {
                                        out[row &+ k] = (x[row &+ k] - mean[k]) * multiplier[k] + offset[k]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Batch norm's input gradient over a channel-last tensor:
    /// (dy·multiplier[c] + shift[c]) − ((x − mean[c])·invStd[c])·slope[c].
    func channelLastInputGradient(_ dy: Tensor, _ x: Tensor, multiplier: [Float], shift: [Float], mean: [Float],
                                  invStd: [Float], slope: [Float]) -> Tensor {
        let channels = self.channels
        // One buffer of the five per-channel vectors, read through fixed offsets.
        let parameters = multiplier + shift + mean + invStd + slope
        return Tensor(uncheckedShape: x.shape, count: x.count) { out, _ in
            dy.withScalars { dy in
                x.withScalars { x in
                    parameters.withUnsafeBufferPointer { p in
                        guard let base = p.baseAddress else { return }
                        let (a, b, m, s, t) = (base, base + channels, base + 2 &* channels, base + 3 &* channels, base + 4 &* channels)
                        forEachRowChunk { rows in
                            for r in rows {
                                let row = r &* channels
                                for k in 0..<channels {
                                    let i = row &+ k
                                    out[i] = (dy[i] * a[k] + b[k]) - ((x[i] - m[k]) * s[k]) * t[k]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` on disjoint ranges of rows (pixels) of a channel-last tensor, one per worker
    /// when the tensor is large enough.
    private func forEachRowChunk(_ body: (Range<Int>) -> Void) {
        Parallelism.forEachChunk(of: outer, minimumPerWorker: Swift.max(1, Parallelism.minimumElementsPerWorker / Swift.max(channels, 1)), body)
    }

    /// x·multiplier[c] + shift[c] elementwise, c each element's channel.
    func affine(_ x: Tensor, multiplier: [Float], shift: [Float]) -> Tensor {
        let (channels, inner) = (self.channels, self.inner)
        return Tensor(uncheckedShape: x.shape, count: x.count) { out, _ in
            x.withScalars { x in
                multiplier.withUnsafeBufferPointer { a in
                    shift.withUnsafeBufferPointer { b in
                        guard let a = a.baseAddress, let b = b.baseAddress else { return }
                        let rowLength = channels &* inner
                        Parallelism.forEachChunk(of: outer, minimumPerWorker: Swift.max(1, Parallelism.minimumElementsPerWorker / Swift.max(rowLength, 1))) { rows in
                            for o in rows {
                                let base = o &* rowLength
                                if inner == 1 {
                                    // Channel-last: a row is one pixel's channels; vectorises over c.
                                    for c in 0..<channels { out[base &+ c] = x[base &+ c] * a[c] + b[c] }
                                } else {
                                    for c in 0..<channels {
                                        let (p, q) = (a[c], b[c]), start = base &+ c &* inner
                                        for i in start..<(start &+ inner) { out[i] = x[i] * p + q }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
