/// Max and average pooling over NHWC images (Keras' `MaxPooling2D` and `AveragePooling2D`).
///
/// Windows are placed like a convolution's (see `Padding`); padded positions never take part:
/// a max ignores them, and an average divides by the number of real elements in its window, as
/// TensorFlow does. Work is split across the workers by image.

/// The largest element of each window, channel by channel: output [N, OH, OW, C].
/// The gradient goes to the first maximum of each window (row-major order within the window).
public func maxPool2D(_ input: Tensor, filterSize: (Int, Int), strides: (Int, Int), padding: Padding = .valid) throws -> Tensor {
    let op = "maxPool2D"
    let g = try WindowGeometry(op: op, inputShape: input.shape, window: filterSize, strides: strides, padding: padding)
    let c = g.channels
    let outputShape = g.outputShape + [c]
    let outputCount = try Tensor.checkedCount(of: outputShape, op: op)
    guard input.isTracked else {
        // Inference: a plain max, with a select rather than a branch so that it vectorises.
        return Tensor(uncheckedShape: outputShape, count: outputCount) { out, _ in
            input.withScalars { x in
                g.forEachWindow { n, outputPixel, rows, columns in
                    let image = x + n &* g.inHeight &* g.inWidth &* c
                    let best = out + outputPixel &* c
                    best.update(from: image + (rows.lowerBound &* g.inWidth &+ columns.lowerBound) &* c, count: c)
                    for ih in rows {
                        for iw in columns {
                            let pixel = image + (ih &* g.inWidth &+ iw) &* c
                            for k in 0..<c { best[k] = pixel[k] > best[k] ? pixel[k] : best[k] }
                        }
                    }
                }
            }
        }
    }
    guard g.inHeight * g.inWidth * c <= Int(Int32.max) else {
        throw TensorError.invalidArgument(op: op, message: "an image of shape \(input.shape) is too large (more than 2³¹ - 1 elements)")
    }
    // Training: also record where each maximum came from (an offset within its image), so that
    // the pullback is a scatter.
    var sources = [Int32](repeating: 0, count: outputCount)
    let value = Tensor(uncheckedShape: outputShape, count: outputCount) { out, _ in
        input.withScalars { x in
            sources.withUnsafeMutableBufferPointer { sourceBuffer in
                guard let source = sourceBuffer.baseAddress else { return }
                g.forEachWindow { n, outputPixel, rows, columns in
                    let image = x + n &* g.inHeight &* g.inWidth &* c
                    let best = out + outputPixel &* c, origin = source + outputPixel &* c
                    let first = (rows.lowerBound &* g.inWidth &+ columns.lowerBound) &* c
                    for k in 0..<c {
                        best[k] = image[first &+ k]
                        origin[k] = Int32(truncatingIfNeeded: first &+ k)
                    }
                    for ih in rows {
                        for iw in columns {
                            let offset = (ih &* g.inWidth &+ iw) &* c
                            let pixel = image + offset
                            for k in 0..<c where pixel[k] > best[k] {
                                best[k] = pixel[k]
                                origin[k] = Int32(truncatingIfNeeded: offset &+ k)
                            }
                        }
                    }
                }
            }
        }
    }
    let inputShape = input.shape, recordedSources = sources
    let imageSize = g.inHeight &* g.inWidth &* c, outputImageSize = g.outHeight &* g.outWidth &* c
    return Tensor.recording(value, op: op, inputs: [input]) { dy in
        var dx = Tensor.zeros(uncheckedShape: inputShape)
        dx.withMutableScalars { dx in
            dy.withScalars { dy in
                recordedSources.withUnsafeBufferPointer { source in
                    Parallelism.forEachChunk(of: g.batch, minimumPerWorker: 1) { images in
                        for n in images {
                            let image = dx + n &* imageSize
                            for i in (n &* outputImageSize)..<((n &+ 1) &* outputImageSize) {
                                image[Int(source[i])] += dy[i]
                            }
                        }
                    }
                }
            }
        }
        return [dx]
    }
}

/// The mean of each window's real (unpadded) elements, channel by channel: output [N, OH, OW, C].
public func avgPool2D(_ input: Tensor, filterSize: (Int, Int), strides: (Int, Int), padding: Padding = .valid) throws -> Tensor {
    let op = "avgPool2D"
    let g = try WindowGeometry(op: op, inputShape: input.shape, window: filterSize, strides: strides, padding: padding)
    let c = g.channels
    let outputShape = g.outputShape + [c]
    let value = try Tensor.allocate(outputShape, op: op) { out, _ in
        input.withScalars { x in
            g.forEachWindow { n, outputPixel, rows, columns in
                let image = x + n &* g.inHeight &* g.inWidth &* c
                let mean = out + outputPixel &* c
                mean.initialize(repeating: 0, count: c)
                for ih in rows {
                    for iw in columns {
                        let pixel = image + (ih &* g.inWidth &+ iw) &* c
                        for k in 0..<c { mean[k] += pixel[k] }
                    }
                }
                let scale = 1 / Float(rows.count &* columns.count)
                for k in 0..<c { mean[k] *= scale }
            }
        }
    }
    let inputShape = input.shape
    return Tensor.recording(value, op: op, inputs: [input]) { dy in
        var dx = Tensor.zeros(uncheckedShape: inputShape)
        dx.withMutableScalars { dx in
            dy.withScalars { dy in
                g.forEachWindow { n, outputPixel, rows, columns in
                    let image = dx + n &* g.inHeight &* g.inWidth &* c
                    let gradient = dy + outputPixel &* c
                    let scale = 1 / Float(rows.count &* columns.count)
                    for ih in rows {
                        for iw in columns {
                            let pixel = image + (ih &* g.inWidth &+ iw) &* c
                            for k in 0..<c { pixel[k] += gradient[k] * scale }
                        }
                    }
                }
            }
        }
        return [dx]
    }
}

extension WindowGeometry {
    /// Calls `body(n, output pixel index, input rows, input columns)` for every window, with the
    /// window clipped to the real input; images are split across the workers, so `body` may write
    /// anything belonging to image n.
    func forEachWindow(_ body: (Int, Int, Range<Int>, Range<Int>) -> Void) {
        Parallelism.forEachChunk(of: batch, minimumPerWorker: 1) { images in
            for n in images {
                for oh in 0..<outHeight {
                    let top = oh &* strideHeight &- padTop
                    let rows = Swift.max(top, 0)..<Swift.min(top &+ windowHeight, inHeight)
                    for ow in 0..<outWidth {
                        let left = ow &* strideWidth &- padLeft
                        let columns = Swift.max(left, 0)..<Swift.min(left &+ windowWidth, inWidth)
                        body(n, (n &* outHeight &+ oh) &* outWidth &+ ow, rows, columns)
                    }
                }
            }
        }
    }
}
