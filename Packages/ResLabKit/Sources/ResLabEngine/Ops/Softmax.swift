import Foundation

/// Softmax and log-softmax along an axis, computed after subtracting each line's maximum so that
/// large logits neither overflow nor lose precision.

/// e^(x - max) / Σ e^(x - max) along `axis` (default: the last).
public func softmax(_ x: Tensor, alongAxis axis: Int = -1) throws -> Tensor {
    let op = "softmax(_:alongAxis:)"
    let axis = try Shape.normalize(axis: axis, rank: x.rank, op: op, shape: x.shape)
    let y = x.mappedAlongLines(axis: axis) { input, output, n, stride in
        let top = maximum(input, n, stride)
        var sum: Float = 0
        for k in 0..<n {
            let e = Foundation.exp(input[k &* stride] - top)
            output[k &* stride] = e
            sum += e
        }
        for k in 0..<n { output[k &* stride] /= sum }
    }
    return Tensor.recording(y, op: op, inputs: [x]) { g in
        // dx = y ⊙ (g - Σ g⊙y), the Σ along the axis.
        [Tensor.pairedAlongLines(g, y, axis: axis) { gradient, y, output, n, stride in
            var dot: Float = 0
            for k in 0..<n { dot += gradient[k &* stride] * y[k &* stride] }
            for k in 0..<n { output[k &* stride] = y[k &* stride] * (gradient[k &* stride] - dot) }
        }]
    }
}

/// (x - max) - log Σ e^(x - max) along `axis` (default: the last).
public func logSoftmax(_ x: Tensor, alongAxis axis: Int = -1) throws -> Tensor {
    let op = "logSoftmax(_:alongAxis:)"
    let axis = try Shape.normalize(axis: axis, rank: x.rank, op: op, shape: x.shape)
    let y = x.mappedAlongLines(axis: axis) { input, output, n, stride in
        let top = maximum(input, n, stride)
        var sum: Float = 0
        for k in 0..<n { sum += Foundation.exp(input[k &* stride] - top) }
        let logSum = Foundation.log(sum) + top
        for k in 0..<n { output[k &* stride] = input[k &* stride] - logSum }
    }
    return Tensor.recording(y, op: op, inputs: [x]) { g in
        // dx = g - softmax(x) Σ g, the Σ along the axis; softmax(x) = e^y.
        [Tensor.pairedAlongLines(g, y, axis: axis) { gradient, y, output, n, stride in
            var total: Float = 0
            for k in 0..<n { total += gradient[k &* stride] }
            for k in 0..<n { output[k &* stride] = gradient[k &* stride] - Foundation.exp(y[k &* stride]) * total }
        }]
    }
}

/// The largest of `n` elements read with `stride` (-inf when n is 0).
@inline(__always)
private func maximum(_ x: UnsafePointer<Float>, _ n: Int, _ stride: Int) -> Float {
    var top = -Float.infinity
    for k in 0..<n where x[k &* stride] > top { top = x[k &* stride] }
    return top
}

extension Tensor {
    /// A same-shaped tensor computed one line along `axis` at a time:
    /// `body(input line, output line, extent, stride)`.
    @inline(__always)
    func mappedAlongLines(axis: Int,
                          _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Int) -> Void) -> Tensor {
        let (outer, extent, inner) = splitShape(around: axis)
        return Tensor(uncheckedShape: shape, count: count) { out, _ in
            withScalars { x in
                for o in 0..<outer {
                    for i in 0..<inner {
                        let offset = o &* extent &* inner &+ i
                        body(x + offset, out + offset, extent, inner)
                    }
                }
            }
        }
    }

    /// Like `mappedAlongLines`, reading the same line of two same-shaped tensors.
    @inline(__always)
    static func pairedAlongLines(_ a: Tensor, _ b: Tensor, axis: Int,
                                 _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Int) -> Void) -> Tensor {
        let (outer, extent, inner) = a.splitShape(around: axis)
        return Tensor(uncheckedShape: a.shape, count: a.count) { out, _ in
            a.withScalars { x in
                b.withScalars { y in
                    for o in 0..<outer {
                        for i in 0..<inner {
                            let offset = o &* extent &* inner &+ i
                            body(x + offset, y + offset, out + offset, extent, inner)
                        }
                    }
                }
            }
        }
    }
}
