/// The convolution kernels behind `conv2D`: forward, and the two halves of backward.
///
/// The work is a GEMM over the rows of the im2col matrix (one row per output pixel): the engine's
/// own AVX-512 or AVX2 kernel (through `FilterOperand`) for the forward and input-gradient
/// products of convolutions of at least `OwnGEMM.minimumRows` output pixels on a CPU that has
/// one, OpenBLAS otherwise; convolutions with fewer pixels take `SmallConvolution.swift`'s paths.
/// 3×3 stride-1 windows with ≥ 24 channels in and out, forward and both gradients, use
/// Winograd's F(2×2, 3×3) instead (`WinogradConvolution.swift`: 2.25× fewer multiplications). Rows are
/// split into one contiguous share per core, and each share into blocks small enough to stay in
/// the core's cache; every worker runs single-threaded OpenBLAS on its own blocks. For these
/// skinny products (64–256 output channels against tens of thousands of rows) that keeps both
/// cores busier than OpenBLAS's own threading, and im2col on one core overlaps GEMM on the other.
/// - 1×1, stride 1 (two of every ResNet bottleneck's three convolutions): the NHWC input already
///   *is* the [N·H·W, C] matrix; no copy at all.
/// - 1×1 with a stride: each block's strided pixels are gathered first.
/// - k×k: each block is im2col'ed into a per-worker buffer, so the full im2col matrix (57 MB for
///   8×56×56×64 at 3×3) is never written to memory.
/// Backward: dW = colᵀ·dY, accumulated block by block into one partial sum per worker; dX for
/// stride 1 is the forward convolution of dY with the kernel rotated 180° and its channel axes
/// swapped (a GEMM of the forward's efficient shape instead of a col2im scatter); for larger
/// strides dCol = dY·Wᵀ block by block, then col2im, each worker owning whole images.
enum ConvolutionKernels {
    /// Bytes of im2col rows a worker multiplies at once: block and output stay in the core's L2.
    static let blockBytes = 256 << 10
    /// Rows per block for dW, whose GEMMs sum over the rows: longer sums amortise the
    /// read-modify-write of the partial dW better than cache residency of the block helps.
    static let filterGradientBlockRows = 2048

    static func blockRows(for g: WindowGeometry) -> Int {
        Swift.max(8, blockBytes / Swift.max(1, g.patch &* MemoryLayout<Float>.stride))
    }

    static func isPointwise(_ g: WindowGeometry) -> Bool { g.windowHeight == 1 && g.windowWidth == 1 }

    static func isDense(_ g: WindowGeometry) -> Bool {
        isPointwise(g) && g.strideHeight == 1 && g.strideWidth == 1
    }

    /// `output` (rows × O) = im2col(x) · filter (patch × O).
    static func forward(_ x: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels o: Int,
                        _ g: WindowGeometry, into output: UnsafeMutablePointer<Float>) {
        let patch = g.patch
        if usesWinograd(g, outChannels: o) {
            winogradForward(x, filter: filter, outChannels: o, g, into: output)
            return
        }
        if isSmall(g) {
            smallForward(x, filter: filter, outChannels: o, g, into: output)
            return
        }
        if isDense(g) {
            // Nothing to copy, so nothing to keep in cache: one GEMM per worker over its whole
            // share lets OpenBLAS pack the small filter once and stream the rows.
            let share = (g.rows &+ Parallelism.workers &- 1) / Parallelism.workers
            let b = FilterOperand(filter, k: patch, n: o, ld: o, convolutionRows: g.rows)
            defer { b.deallocate() }
            forEachBlock(rows: g.rows, blockRows: share, scratchCount: 0) { block, _, _ in
                b.multiply(m: block.count, x + block.lowerBound &* patch, lda: patch, output + block.lowerBound &* o, ldc: o)
            }
            return
        }
        if usesShiftedGEMM(g, outChannels: o) {
            shiftedForward(x, filter: filter, outChannels: o, g, into: output)
            return
        }
        let blockRows = blockRows(for: g)
        let b = FilterOperand(filter, k: patch, n: o, ld: o, convolutionRows: g.rows)
        defer { b.deallocate() }
        forEachBlock(rows: g.rows, blockRows: blockRows, scratchCount: blockRows &* patch) { block, scratch, _ in
            if isPointwise(g) { g.gatherStridedPixels(x, rows: block, into: scratch) } else { g.im2col(x, rows: block, into: scratch) }
            b.multiply(m: block.count, scratch, lda: patch, output + block.lowerBound &* o, ldc: o)
        }
    }

    /// dW (patch × O) = im2col(x)ᵀ · dY.
    static func filterGradient(_ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>, outChannels o: Int,
                               _ g: WindowGeometry, into dw: UnsafeMutablePointer<Float>) {
        let rows = g.rows, patch = g.patch
        if usesWinograd(g, outChannels: o) {
            winogradFilterGradient(x, outputGradient: dy, outChannels: o, g, into: dw)
            return
        }
        if isSmall(g) {
            smallFilterGradient(x, outputGradient: dy, outChannels: o, g, into: dw)
            return
        }
        if usesShiftedGEMM(g, outChannels: o) {
            shiftedFilterGradient(x, outputGradient: dy, outChannels: o, g, into: dw)
            return
        }
        let blockRows = filterGradientBlockRows
        let workers = workerCount(rows: rows, blockRows: blockRows)
        // Each worker sums its rows' contributions into its own partial dW; they are added at the end.
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: workers &* patch &* o)
        defer { partials.deallocate() }
        partials.initialize(repeating: 0, count: workers &* patch &* o)
        forEachBlock(rows: rows, blockRows: blockRows, scratchCount: isDense(g) ? 0 : blockRows &* patch) { block, scratch, worker in
            // A dense 1×1 convolution's input already is the im2col matrix.
            let columns: UnsafePointer<Float>
            if isDense(g) {
                columns = x + block.lowerBound &* patch
            } else {
                if isPointwise(g) { g.gatherStridedPixels(x, rows: block, into: scratch) } else { g.im2col(x, rows: block, into: scratch) }
                columns = UnsafePointer(scratch)
            }
            gemm(transposeA: true, m: patch, n: o, k: block.count, columns, lda: patch, dy + block.lowerBound &* o, ldb: o,
                 beta: 1, partials + worker &* patch &* o, ldc: o)
        }
        sumPartials(partials, workers: workers, count: patch &* o, into: dw)
    }

    /// Both gradients of a 1×1, stride-1 convolution in one pass over the rows: dX = dY·Wᵀ and
    /// dW = Xᵀ·dY. Each block of dY is multiplied into dX and into the worker's partial dW while
    /// it is still in the core's cache, so dY is read from memory once instead of twice, and both
    /// products run on per-core blocks. (Measured on this project's 2-core machine: about 1.6×
    /// the throughput of the two products done one after the other.)
    static func pointwiseGradients(_ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                                   filter: UnsafePointer<Float>, outChannels o: Int, _ g: WindowGeometry,
                                   inputGradient dx: UnsafeMutablePointer<Float>, filterGradient dw: UnsafeMutablePointer<Float>) {
        let c = g.channels
        if isSmall(g) {
            parallelGEMM(transposeB: true, m: g.rows, n: c, k: o, dy, lda: o, filter, ldb: o, dx, ldc: c)
            parallelGEMM(transposeA: true, m: c, n: o, k: g.rows, x, lda: c, dy, ldb: o, dw, ldc: o)
            return
        }
        let blockRows = blockRows(for: g)
        let workers = workerCount(rows: g.rows, blockRows: blockRows)
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: workers &* c &* o)
        defer { partials.deallocate() }
        partials.initialize(repeating: 0, count: workers &* c &* o)
        let wT = FilterOperand(filter, k: o, n: c, ld: o, transposed: true, convolutionRows: g.rows)
        defer { wT.deallocate() }
        forEachBlock(rows: g.rows, blockRows: blockRows, scratchCount: 0) { block, _, worker in
            let dyBlock = dy + block.lowerBound &* o
            wT.multiply(m: block.count, dyBlock, lda: o, dx + block.lowerBound &* c, ldc: c)
            gemm(transposeA: true, m: c, n: o, k: block.count, x + block.lowerBound &* c, lda: c, dyBlock, ldb: o,
                 beta: 1, partials + worker &* c &* o, ldc: o)
        }
        sumPartials(partials, workers: workers, count: c &* o, into: dw)
    }

    /// dw = the sum of `workers` consecutive partial sums of `count` floats each.
    static func sumPartials(_ partials: UnsafePointer<Float>, workers: Int, count: Int, into dw: UnsafeMutablePointer<Float>) {
        dw.update(from: partials, count: count)
        for worker in 1..<Swift.max(workers, 1) {
            let partial = partials + worker &* count
            for i in 0..<count { dw[i] += partial[i] }
        }
    }

    /// dX (N×H×W×C, fully written) from dY (rows × O).
    static func inputGradient(outputGradient dy: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels o: Int,
                              _ g: WindowGeometry, into dx: UnsafeMutablePointer<Float>) {
        let c = g.channels, patch = g.patch
        let inputCount = g.batch &* g.inHeight &* g.inWidth &* c
        if g.strideHeight == 1 && g.strideWidth == 1 && !isPointwise(g) && (!isSmall(g) || usesWinograd(g, outChannels: o)) {
            // dX = conv(dY, W rotated 180° with I and O swapped), padded so that window position
            // (ih, iw) sees every output pixel whose window covered (ih, iw). Few-pixel 3×3
            // convolutions come here too: Winograd's algorithm beats their col2im path.
            let (kh, kw) = (g.windowHeight, g.windowWidth)
            let flipped = flippedFilter(filter, g, outChannels: o)
            defer { flipped.deallocate() }
            let transposed = WindowGeometry(
                batch: g.batch, inHeight: g.outHeight, inWidth: g.outWidth, channels: o,
                windowHeight: kh, windowWidth: kw, strideHeight: 1, strideWidth: 1,
                padTop: kh - 1 - g.padTop, padLeft: kw - 1 - g.padLeft, outHeight: g.inHeight, outWidth: g.inWidth)
            forward(dy, filter: flipped, outChannels: c, transposed, into: dx)
            return
        }
        if isSmall(g) {
            smallInputGradient(outputGradient: dy, filter: filter, outChannels: o, g, into: dx)
            return
        }
        if isDense(g) {
            let wT = FilterOperand(filter, k: o, n: c, ld: o, transposed: true, convolutionRows: g.rows)
            defer { wT.deallocate() }
            forEachBlock(rows: g.rows, blockRows: blockRows(for: g), scratchCount: 0) { block, _, _ in
                wT.multiply(m: block.count, dy + block.lowerBound &* o, lda: o, dx + block.lowerBound &* c, ldc: c)
            }
            return
        }
        if isPointwise(g) {
            // The gradient of the gathered pixels, scattered back; the skipped pixels get zero.
            dx.initialize(repeating: 0, count: inputCount)
            let blockRows = blockRows(for: g)
            let wT = FilterOperand(filter, k: o, n: c, ld: o, transposed: true, convolutionRows: g.rows)
            defer { wT.deallocate() }
            forEachBlock(rows: g.rows, blockRows: blockRows, scratchCount: blockRows &* c) { block, scratch, _ in
                wT.multiply(m: block.count, dy + block.lowerBound &* o, lda: o, scratch, ldc: c)
                g.scatterStridedPixels(scratch, rows: block, into: dx)
            }
            return
        }
        // Strided k×k: dCol = dY·Wᵀ block by block, added back by col2im; workers own whole images
        // so that no two add into the same input pixel.
        dx.initialize(repeating: 0, count: inputCount)
        let blockRows = blockRows(for: g)
        let wT = FilterOperand(filter, k: o, n: patch, ld: o, transposed: true, convolutionRows: g.rows)
        defer { wT.deallocate() }
        forEachBlock(rows: g.rows, blockRows: blockRows, alignment: g.outHeight &* g.outWidth, scratchCount: blockRows &* patch) { block, scratch, _ in
            wT.multiply(m: block.count, dy + block.lowerBound &* o, lda: o, scratch, ldc: patch)
            g.col2imAdding(scratch, rows: block, into: dx)
        }
    }

    // MARK: - Splitting the rows

    static func workerCount(rows: Int, blockRows: Int, alignment: Int = 1) -> Int {
        let units = rows / Swift.max(alignment, 1)
        return Swift.max(1, Swift.min(Parallelism.workers, units, Swift.max(1, rows / Swift.max(blockRows, 1))))
    }

    /// Calls `body(block, scratch, worker)` for consecutive blocks of at most `blockRows` rows,
    /// each worker taking one contiguous share of `0..<rows` (a multiple of `alignment` rows) with
    /// its own `scratchCount`-float buffer.
    static func forEachBlock(rows: Int, blockRows: Int, alignment: Int = 1, scratchCount: Int,
                             _ body: (Range<Int>, UnsafeMutablePointer<Float>, Int) -> Void) {
        let workers = workerCount(rows: rows, blockRows: blockRows, alignment: alignment)
        let units = rows / Swift.max(alignment, 1)
        Parallelism.forEachWorker(workers) { worker in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(scratchCount, 1))
            defer { scratch.deallocate() }
            var start = units * worker / workers * alignment
            let end = worker == workers - 1 ? rows : units * (worker + 1) / workers * alignment
            while start < end {
                let count = Swift.min(blockRows, end - start)
                body(start..<(start + count), scratch, worker)
                start += count
            }
        }
    }
}

extension WindowGeometry {
    /// For a 1×1 window (whose SAME padding is always 0): copies the input pixel of each output
    /// row in `rows` into consecutive rows of `destination`.
    func gatherStridedPixels(_ x: UnsafePointer<Float>, rows: Range<Int>, into destination: UnsafeMutablePointer<Float>) {
        var (n, oh, ow) = pixel(of: rows.lowerBound)
        for r in rows {
            let source = x + ((n &* inHeight &+ oh &* strideHeight) &* inWidth &+ ow &* strideWidth) &* channels
            (destination + (r &- rows.lowerBound) &* channels).update(from: source, count: channels)
            advance(&n, &oh, &ow)
        }
    }

    /// The adjoint of `gatherStridedPixels`: writes each row back to its input pixel.
    func scatterStridedPixels(_ source: UnsafePointer<Float>, rows: Range<Int>, into dx: UnsafeMutablePointer<Float>) {
        var (n, oh, ow) = pixel(of: rows.lowerBound)
        for r in rows {
            let destination = dx + ((n &* inHeight &+ oh &* strideHeight) &* inWidth &+ ow &* strideWidth) &* channels
            destination.update(from: source + (r &- rows.lowerBound) &* channels, count: channels)
            advance(&n, &oh, &ow)
        }
    }
}
