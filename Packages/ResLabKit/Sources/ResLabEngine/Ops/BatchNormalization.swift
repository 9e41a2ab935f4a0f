import Dispatch

/// Batch normalisation over every axis but the channel axis (Keras' `BatchNormalization`).
///
/// y = (x - mean) / √(variance + ε) · scale + offset, with per-channel mean, variance, scale (γ)
/// and offset (β) of shape [C], C the extent of `axis` (-1, the last, for NHWC). Statistics are
/// accumulated in Double.

/// Normalises with given statistics (Keras' `training=False`, with the moving mean and variance).
/// Differentiable with respect to all five tensors.
public func batchNormInference(_ x: Tensor, mean: Tensor, variance: Tensor, offset: Tensor, scale: Tensor,
                               axis: Int = -1, epsilon: Float = 1e-3) throws -> Tensor {
    let op = "batchNormInference"
    let layout = try ChannelLayout(op: op, x, axis: axis, parameters: [("mean", mean), ("variance", variance), ("offset", offset), ("scale", scale)])
    let (m, v, beta, gamma) = (mean.withoutDerivative(), variance.withoutDerivative(), offset.withoutDerivative(), scale.withoutDerivative())
    let invStd = v.scalars.map { 1 / ($0 + epsilon).squareRoot() }
    let multiplier = zip(gamma.scalars, invStd).map { $0 * $1 }
    let shift = (0..<layout.channels).map { beta.scalars[$0] - m.scalars[$0] * multiplier[$0] }
    let value = layout.affine(x, multiplier: multiplier, shift: shift)
    let input = x.withoutDerivative()
    let (needX, needStatistics) = (x.isTracked, mean.isTracked || variance.isTracked || offset.isTracked || scale.isTracked)
    return Tensor.recording(value, op: op, inputs: [x, mean, variance, offset, scale]) { dy in
        let dx = needX ? layout.affine(dy, multiplier: multiplier, shift: [Float](repeating: 0, count: layout.channels)) : nil
        guard needStatistics else { return [dx, nil, nil, nil, nil] }
        // Σ dy and Σ dy·(x - mean) per channel give the four parameter gradients.
        let means = m.scalars
        let sums = layout.channelSums(dy, input) { dy, x, channel in (Double(dy), Double(dy) * Double(x - means[channel])) }
        let c = layout.channels
        let dMean = (0..<c).map { Float(-sums.0[$0]) * multiplier[$0] }
        // d/dv (v + ε)^(-1/2) = -½ (v + ε)^(-3/2) = -½ invStd³.
        let dVariance: [Float] = (0..<c).map { channel in
            let cube = invStd[channel] * invStd[channel] * invStd[channel]
            return Float(sums.1[channel]) * gamma.scalars[channel] * (-0.5 * cube)
        }
        let dOffset = sums.0.map { Float($0) }
        let dScale = (0..<c).map { Float(sums.1[$0]) * invStd[$0] }
        let shape = [c]
        return [dx, Tensor(uncheckedShape: shape, scalars: dMean), Tensor(uncheckedShape: shape, scalars: dVariance),
                Tensor(uncheckedShape: shape, scalars: dOffset), Tensor(uncheckedShape: shape, scalars: dScale)]
    }
}

/// Normalises with the batch's own statistics (Keras' `training=True`).
///
/// Returns the normalised output (differentiable with respect to x, offset and scale), the batch
/// mean, and the batch's *unbiased* variance (× m/(m-1), m the number of elements per channel;
/// m/1 when m is 1), which is what Keras folds into the moving variance:
/// moving = moving·momentum + batch·(1 - momentum). The output itself uses the biased variance.
/// The returned statistics are constants for differentiation.
public func batchNormTraining(_ x: Tensor, offset: Tensor, scale: Tensor, axis: Int = -1, epsilon: Float = 1e-3) throws
    -> (output: Tensor, mean: Tensor, unbiasedVariance: Tensor) {
    let op = "batchNormTraining"
    let layout = try ChannelLayout(op: op, x, axis: axis, parameters: [("offset", offset), ("scale", scale)])
    let c = layout.channels, perChannel = layout.outer * layout.inner
    let n = Double(Swift.max(perChannel, 1))
    let means = layout.channelSums(x, x) { x, _, _ in (Double(x), 0) }.0.map { $0 / n }
    let meansFloat = means.map { Float($0) }
    let squares = layout.channelSums(x, x) { x, _, channel in
        let deviation = Double(x) - means[channel]
        return (deviation * deviation, 0)
    }.0
    let variance = squares.map { $0 / n }
    let invStd = variance.map { Float(1 / ($0 + Double(epsilon)).squareRoot()) }
    let (beta, gamma) = (offset.withoutDerivative(), scale.withoutDerivative())
    let multiplier = zip(gamma.scalars, invStd).map { $0 * $1 }
    let shift = (0..<c).map { beta.scalars[$0] - meansFloat[$0] * multiplier[$0] }
    let value = layout.affine(x, multiplier: multiplier, shift: shift)
    let unbiased = squares.map { Float($0 / Swift.max(n - 1, 1)) }
    let input = x.withoutDerivative()
    let (needX, needParameters) = (x.isTracked, offset.isTracked || scale.isTracked)
    let output = Tensor.recording(value, op: op, inputs: [x, offset, scale]) { dy in
        // With x̂ = (x - mean)·invStd: dβ = Σ dy, dγ = Σ dy·x̂, and
        // dx = γ·invStd · (dy - dβ/m - x̂·dγ/m), the mean and variance depending on x too.
        let sums = layout.channelSums(dy, input) { dy, x, channel in
            (Double(dy), Double(dy) * Double((x - meansFloat[channel]) * invStd[channel]))
        }
        let dOffset = sums.0.map { Float($0) }, dScale = sums.1.map { Float($0) }
        var dx: Tensor?
        if needX {
            let meanDy = sums.0.map { Float($0 / n) }, meanDyXhat = sums.1.map { Float($0 / n) }
            dx = Tensor.zipMappedAlongChannels(layout, dy, input) { dy, x, channel in
                let xhat = (x - meansFloat[channel]) * invStd[channel]
                return multiplier[channel] * (dy - meanDy[channel] - xhat * meanDyXhat[channel])
            }
        }
        return needParameters || needX
            ? [dx, Tensor(uncheckedShape: [c], scalars: dOffset), Tensor(uncheckedShape: [c], scalars: dScale)]
            : [nil, nil, nil]
    }
    return (output, Tensor(uncheckedShape: [c], scalars: meansFloat), Tensor(uncheckedShape: [c], scalars: unbiased))
}

/// A tensor seen as [outer, channels, inner] around its channel axis (inner is 1 for NHWC).
struct ChannelLayout {
    let outer: Int, channels: Int, inner: Int

    /// Checks `axis` and that every parameter has shape [C].
    init(op: String, _ x: Tensor, axis: Int, parameters: [(String, Tensor)]) throws {
        let axis = try Shape.normalize(axis: axis, rank: x.rank, op: op, shape: x.shape)
        (outer, channels, inner) = x.splitShape(around: axis)
        for (name, parameter) in parameters where parameter.shape != [channels] {
            throw TensorError.invalidArgument(
                op: op, message: "\(name) has shape \(parameter.shape) but input shape \(x.shape) has \(channels) channels on axis \(axis); expected [\(channels)]")
        }
    }

    /// x·multiplier[c] + shift[c] elementwise, c each element's channel.
    @inline(__always)
    func affine(_ x: Tensor, multiplier: [Float], shift: [Float]) -> Tensor {
        Tensor(uncheckedShape: x.shape, count: x.count) { out, _ in
            x.withScalars { x in
                multiplier.withUnsafeBufferPointer { a in
                    shift.withUnsafeBufferPointer { b in
                        guard let a = a.baseAddress, let b = b.baseAddress else { return }
                        forEachRun { range, position, channel in
                            if inner == 1 {
                                // Channel-last: one run is a whole pixel, all channels; vectorises over c.
                                for c in 0..<channels { out[position &+ c] = x[position &+ c] * a[c] + b[c] }
                            } else {
                                let (p, q) = (a[channel], b[channel])
                                for i in range { out[i] = x[i] * p + q }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Two per-channel sums of `term(a, b, channel)` over all elements, split across the workers.
    @inline(__always)
    func channelSums(_ a: Tensor, _ b: Tensor, _ term: (Float, Float, Int) -> (Double, Double)) -> ([Double], [Double]) {
        let parts = Swift.min(Parallelism.workers, Swift.max(1, a.count / Parallelism.minimumElementsPerWorker), Swift.max(outer, 1))
        var sums = [Double](repeating: 0, count: parts &* 2 &* channels)
        sums.withUnsafeMutableBufferPointer { buffer in
            guard let sums = buffer.baseAddress else { return }
            a.withScalars { x in
                b.withScalars { y in
                    func run(_ part: Int) {
                        let first = sums + part &* 2 &* channels, second = first + channels
                        for o in (outer * part / parts)..<(outer * (part + 1) / parts) {
                            for c in 0..<channels {
                                let base = (o &* channels &+ c) &* inner
                                var s0 = 0.0, s1 = 0.0
                                for i in base..<(base &+ inner) {
                                    let (t0, t1) = term(x[i], y[i], c)
                                    s0 += t0
                                    s1 += t1
                                }
                                first[c] += s0
                                second[c] += s1
                            }
                        }
                    }
                    if parts == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: parts) { run($0) } }
                }
            }
            for part in 1..<parts {
                for i in 0..<(2 &* channels) { sums[i] += sums[part &* 2 &* channels &+ i] }
            }
        }
        return (Array(sums[0..<channels]), Array(sums[channels..<(2 * channels)]))
    }

    /// Calls `body(range, position, channel)` for each contiguous run of one channel (inner > 1),
    /// or for each pixel's run of all channels (inner == 1, channel 0), split across workers.
    @inline(__always)
    func forEachRun(_ body: (Range<Int>, Int, Int) -> Void) {
        Parallelism.forEachChunk(of: outer, minimumPerWorker: Swift.max(1, Parallelism.minimumElementsPerWorker / Swift.max(channels &* inner, 1))) { outers in
            for o in outers {
                if inner == 1 {
                    body(0..<0, o &* channels, 0)
                    continue
                }
                for c in 0..<channels {
                    let base = (o &* channels &+ c) &* inner
                    body(base..<(base &+ inner), base, c)
                }
            }
        }
    }
}

extension Tensor {
    /// `f(a, b, channel)` elementwise over two tensors of the same shape and channel layout.
    @inline(__always)
    static func zipMappedAlongChannels(_ layout: ChannelLayout, _ a: Tensor, _ b: Tensor,
                                       _ f: (Float, Float, Int) -> Float) -> Tensor {
        Tensor(uncheckedShape: a.shape, count: a.count) { out, _ in
            a.withScalars { x in
                b.withScalars { y in
                    layout.forEachRun { range, position, channel in
                        if layout.inner == 1 {
                            for c in 0..<layout.channels { out[position &+ c] = f(x[position &+ c], y[position &+ c], c) }
                        } else {
                            for i in range { out[i] = f(x[i], y[i], channel) }
                        }
                    }
                }
            }
        }
    }
}
