/// 2-D convolution (Keras' `Conv2D` without its bias).

/// The 2-D convolution (cross-correlation, as in every deep-learning framework) of NHWC `input`
/// with an HWIO `filter`.
///
/// Output shape [N, OH, OW, O] with OH = ⌊(H - KH) / sh⌋ + 1 for `.valid` and ⌈H / sh⌉ for
/// `.same` (likewise for the width), where SAME pads by TensorFlow's rule (extra row and column at
/// the bottom and right). output[n, oh, ow, o] = Σ input[n, oh·sh + kh - padTop, ow·sw + kw - padLeft, c]
/// · filter[kh, kw, c, o], padding reading as 0. Throws when the ranks are not 4, the filter's
/// input channels differ from the input's channels, a stride is below 1, or a `.valid` window does
/// not fit.
public func conv2D(_ input: Tensor, filter: Tensor, strides: (Int, Int) = (1, 1), padding: Padding = .valid) throws -> Tensor {
    let op = "conv2D"
    guard filter.rank == 4 else {
        throw TensorError.invalidArgument(op: op, message: "expects an HWIO filter of rank 4, got shape \(filter.shape)")
    }
    let g = try WindowGeometry(op: op, inputShape: input.shape, window: (filter.shape[0], filter.shape[1]),
                               strides: strides, padding: padding)
    guard filter.shape[2] == g.channels else {
        throw TensorError.invalidArgument(
            op: op, message: "input shape \(input.shape) has \(g.channels) channels but filter shape \(filter.shape) expects \(filter.shape[2]) (HWIO)")
    }
    let outChannels = filter.shape[3]
    try checkBLASSizes([g.rows, g.patch, outChannels], op: op, shapes: [input.shape, filter.shape])
    let empty = g.rows == 0 || g.patch == 0 || outChannels == 0
    let value = try Tensor.allocate(g.outputShape + [outChannels], op: op) { out, count in
        if empty { out.initialize(repeating: 0, count: count); return }
        input.withScalars { x in
            filter.withScalars { w in ConvolutionKernels.forward(x, filter: w, outChannels: outChannels, g, into: out) }
        }
    }
    let (x, w) = (input.withoutDerivative(), filter.withoutDerivative())
    let (needInput, needFilter) = (input.isTracked, filter.isTracked)
    return Tensor.recording(value, op: op, inputs: [input, filter]) { dy in
        if needInput && needFilter && !empty && ConvolutionKernels.isDense(g) {
            var dw: Tensor?
            let dx = Tensor(uncheckedShape: x.shape, count: x.count) { dx, _ in
                dw = Tensor(uncheckedShape: w.shape, count: w.count) { dw, _ in
                    x.withScalars { x in dy.withScalars { dy in w.withScalars { w in
                        ConvolutionKernels.pointwiseGradients(x, outputGradient: dy, filter: w, outChannels: outChannels, g,
                                                              inputGradient: dx, filterGradient: dw)
                    } } }
                }
            }
            return [dx, dw]
        }
        let dx: Tensor? = !needInput ? nil : Tensor(uncheckedShape: x.shape, count: x.count) { dx, count in
            if empty { dx.initialize(repeating: 0, count: count); return }
            dy.withScalars { dy in
                w.withScalars { w in ConvolutionKernels.inputGradient(outputGradient: dy, filter: w, outChannels: outChannels, g, into: dx) }
            }
        }
        let dw: Tensor? = !needFilter ? nil : Tensor(uncheckedShape: w.shape, count: w.count) { dw, count in
            if empty { dw.initialize(repeating: 0, count: count); return }
            x.withScalars { x in
                dy.withScalars { dy in ConvolutionKernels.filterGradient(x, outputGradient: dy, outChannels: outChannels, g, into: dw) }
            }
        }
        return [dx, dw]
    }
}
