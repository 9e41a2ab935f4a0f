import Testing
@testable import ResLabEngine
import ResLabTestSupport

/// Convolutions large enough that every kernel path splits its rows across workers and blocks,
/// checked forward and backward against the defining sums, written out directly below. Run with
/// the engine's own GEMM kernel where the CPU has one (whatever the size; and its AVX2 variant too
/// on an AVX-512 CPU), with and without Winograd's algorithm for 3×3 stride-1 windows, with the
/// few-pixel paths, and with OpenBLAS for every GEMM (serialised, since the switches are
/// process-wide; every path computes the same products).
@Suite(.serialized) struct ConvolutionWorkerTests {
    static let geometries: [([Int], [Int], Int, Padding)] = [
        ([2, 48, 48, 4], [3, 3, 4, 4], 1, Padding.same),     // k×k stride 1: im2col blocks, flipped-kernel dX
        ([3, 70, 70, 4], [3, 3, 4, 4], 2, Padding.same),     // k×k strided: col2im with workers owning images
        ([2, 100, 100, 8], [1, 1, 8, 4], 1, Padding.valid),  // 1×1 stride 1: GEMM on the input itself
        ([4, 130, 130, 8], [1, 1, 8, 4], 2, Padding.same),   // 1×1 strided: gathered pixels
        ([2, 12, 11, 32], [3, 3, 32, 16], 1, Padding.same),  // k×k stride 1, ≥ 16 channels: shifted GEMMs
        ([2, 9, 10, 16], [2, 2, 16, 24], 1, Padding.same),   // even kernel: the extra padding at bottom/right
        ([3, 8, 9, 16], [3, 2, 16, 16], 1, Padding.valid),   // shifted GEMMs without padding
        // Wide enough (≥ 16 output channels) for the own GEMM kernel, with partial tiles:
        ([2, 40, 40, 72], [1, 1, 72, 20], 1, Padding.valid), // 1×1 stride 1, 20 = 16 + a masked 4
        ([2, 30, 30, 24], [1, 1, 24, 70], 2, Padding.same),  // 1×1 strided, 70 = 64 + 6
        ([2, 20, 20, 3], [7, 7, 3, 64], 2, Padding.same),    // the stem: im2col (147-long rows), strided
        ([2, 15, 15, 40], [3, 3, 40, 33], 1, Padding.same),  // shifted GEMMs, odd widths
        ([2, 30, 30, 20], [3, 3, 20, 24], 2, Padding.same),  // k×k strided: col2im
        // Winograd F(2×2, 3×3) (3×3, stride 1): odd output sizes cut edge tiles.
        ([2, 9, 8, 16], [3, 3, 16, 20], 1, Padding.valid),   // 7×6 output, no padding
        ([1, 3, 3, 24], [3, 3, 24, 16], 1, Padding.same),    // one image smaller than two tiles
        ([3, 6, 6, 17], [3, 3, 17, 18], 1, Padding.same),    // channel counts off the vector width
    ]

    /// With the own kernel for every size (it normally starts at `OwnGEMM.minimumRows` pixels),
    /// Winograd's algorithm wherever the window allows (it normally starts at 64 tiles and 24
    /// channels).
    @Test(arguments: geometries)
    func matchesTheDefinition(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        let saved = (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, ConvolutionKernels.winogradMinimumTiles,
                     ConvolutionKernels.winogradMinimumChannels)
        (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, ConvolutionKernels.winogradMinimumTiles,
         ConvolutionKernels.winogradMinimumChannels) = (0, 0, 0, 1)
        defer {
            (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, ConvolutionKernels.winogradMinimumTiles,
             ConvolutionKernels.winogradMinimumChannels) = saved
        }
        try check(inputShape: inputShape, filterShape: filterShape, stride: stride, padding: padding)
    }

    /// As above without Winograd's algorithm: the shifted-GEMM and im2col paths of stride-1 k×k
    /// convolutions on the own kernel.
    @Test(arguments: geometries)
    func matchesTheDefinitionWithoutWinograd(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        let saved = (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, WinogradConvolution.isEnabled)
        (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, WinogradConvolution.isEnabled) = (0, 0, false)
        defer { (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, WinogradConvolution.isEnabled) = saved }
        try check(inputShape: inputShape, filterShape: filterShape, stride: stride, padding: padding)
    }

    /// Winograd's algorithm on OpenBLAS, in chunks of a few tiles (so every chunk boundary and a
    /// partial last chunk are crossed).
    @Test(arguments: geometries)
    func matchesTheDefinitionWithWinogradInChunks(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        let saved = (OwnGEMM.isEnabled, ConvolutionKernels.winogradChunkFloats, ConvolutionKernels.winogradMinimumTiles,
                     ConvolutionKernels.winogradMinimumChannels)
        (OwnGEMM.isEnabled, ConvolutionKernels.winogradChunkFloats, ConvolutionKernels.winogradMinimumTiles,
         ConvolutionKernels.winogradMinimumChannels) = (false, 16 * 7 * (filterShape[2] + filterShape[3]), 0, 1)
        defer {
            (OwnGEMM.isEnabled, ConvolutionKernels.winogradChunkFloats, ConvolutionKernels.winogradMinimumTiles,
             ConvolutionKernels.winogradMinimumChannels) = saved
        }
        try check(inputShape: inputShape, filterShape: filterShape, stride: stride, padding: padding)
    }

    /// The own kernel's AVX2 variant for every size, on a CPU whose native variant is AVX-512 (on
    /// an AVX2 CPU the test above already ran it; without either there is nothing to run).
    @Test(arguments: geometries)
    func matchesTheDefinitionWithTheAVX2Kernel(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        guard OwnGEMM.nativeWidth == 512 else { return }
        let saved = (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, OwnGEMM.width)
        (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, OwnGEMM.width) = (0, 0, 256)
        defer { (OwnGEMM.minimumRows, ConvolutionKernels.smallRows, OwnGEMM.width) = saved }
        try check(inputShape: inputShape, filterShape: filterShape, stride: stride, padding: padding)
    }

    /// The paths for few output pixels (`SmallConvolution.swift`), on OpenBLAS, for every shape.
    @Test(arguments: geometries)
    func matchesTheDefinitionAsASmallConvolution(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        let saved = (ConvolutionKernels.smallRows, WinogradConvolution.isEnabled)
        (ConvolutionKernels.smallRows, WinogradConvolution.isEnabled) = (.max, false)
        defer { (ConvolutionKernels.smallRows, WinogradConvolution.isEnabled) = saved }
        try check(inputShape: inputShape, filterShape: filterShape, stride: stride, padding: padding)
    }

    /// The large-convolution paths on OpenBLAS.
    @Test(arguments: geometries)
    func matchesTheDefinitionWithOpenBLAS(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        let saved = (OwnGEMM.isEnabled, ConvolutionKernels.smallRows, WinogradConvolution.isEnabled)
        (OwnGEMM.isEnabled, ConvolutionKernels.smallRows, WinogradConvolution.isEnabled) = (false, 0, false)
        defer { (OwnGEMM.isEnabled, ConvolutionKernels.smallRows, WinogradConvolution.isEnabled) = saved }
        try check(inputShape: inputShape, filterShape: filterShape, stride: stride, padding: padding)
    }

    func check(inputShape: [Int], filterShape: [Int], stride: Int, padding: Padding) throws {
        let x = try Tensor(randomUniform: inputShape, lowerBound: -1, upperBound: 1, seed: 1).requiringGradient()
        let w = try Tensor(randomUniform: filterShape, lowerBound: -1, upperBound: 1, seed: 2).requiringGradient()
        let y = try conv2D(x, filter: w, strides: (stride, stride), padding: padding)
        let dy = try Tensor(randomUniform: y.shape, lowerBound: -1, upperBound: 1, seed: 3)
        let reference = Reference(x: x, w: w, stride: stride, padding: padding, dy: dy)
        #expect(y.shape == reference.outputShape)
        #expect(isApproximatelyEqual(y.scalars, reference.y, absolute: 1e-4))
        let gradients = try gradient(of: try y * dy, wrt: [x, w])
        #expect(isApproximatelyEqual(gradients[0].scalars, reference.dx, absolute: 1e-4))
        #expect(isApproximatelyEqual(gradients[1].scalars, reference.dw, absolute: 1e-3))
    }

    /// y, dX and dW by the definition, in Double: for each output pixel and window element,
    /// y += x·w, dX += dy·w, dW += x·dy, padding per TensorFlow's SAME rule.
    struct Reference {
        var outputShape: [Int] = []
        var y: [Float] = [], dx: [Float] = [], dw: [Float] = []

        init(x: Tensor, w: Tensor, stride: Int, padding: Padding, dy: Tensor) {
            let (n, h, wd, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
            let (kh, kw, o) = (w.shape[0], w.shape[1], w.shape[3])
            let oh = padding == .same ? (h + stride - 1) / stride : (h - kh) / stride + 1
            let ow = padding == .same ? (wd + stride - 1) / stride : (wd - kw) / stride + 1
            let top = padding == .same ? max((oh - 1) * stride + kh - h, 0) / 2 : 0
            let left = padding == .same ? max((ow - 1) * stride + kw - wd, 0) / 2 : 0
            outputShape = [n, oh, ow, o]
            var y = [Double](repeating: 0, count: n * oh * ow * o)
            var dx = [Double](repeating: 0, count: x.count), dw = [Double](repeating: 0, count: w.count)
            let (xs, ws, dys) = (x.scalars, w.scalars, dy.scalars)
            for b in 0..<n { for i in 0..<oh { for j in 0..<ow {
                let out = ((b * oh + i) * ow + j) * o
                for p in 0..<kh { for q in 0..<kw {
                    let (ih, iw) = (i * stride + p - top, j * stride + q - left)
                    guard ih >= 0, ih < h, iw >= 0, iw < wd else { continue }
                    let input = ((b * h + ih) * wd + iw) * c
                    for k in 0..<c {
                        let filter = ((p * kw + q) * c + k) * o
                        for m in 0..<o {
                            y[out + m] += Double(xs[input + k]) * Double(ws[filter + m])
                            dx[input + k] += Double(dys[out + m]) * Double(ws[filter + m])
                            dw[filter + m] += Double(xs[input + k]) * Double(dys[out + m])
                        }
                    }
                } }
            } } }
            self.y = y.map { Float($0) }
            self.dx = dx.map { Float($0) }
            self.dw = dw.map { Float($0) }
        }
    }
}
