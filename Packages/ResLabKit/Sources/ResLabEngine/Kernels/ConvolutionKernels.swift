/// The convolution kernels behind `conv2D`: forward, and the two halves of backward.
///
/// Three paths, by cost:
/// - 1×1 with stride 1 (two of every ResNet bottleneck's three convolutions): the NHWC input
///   already *is* the [N·H·W, C] matrix, so forward and backward are single GEMMs, each using
///   OpenBLAS's own threads.
/// - 1×1 with a stride: the strided pixels are gathered first, then the same GEMMs.
/// - k×k: im2col one block of output rows at a time into a small per-worker buffer (it stays in
///   cache), and multiply it there. Each core runs its own share of the rows with single-threaded
///   OpenBLAS, so im2col and GEMM overlap across cores instead of alternating, and the full
///   im2col matrix (57 MB for 8×56×56×64 at 3×3) is never written to memory.
/// Backward: dW = colᵀ·dY accumulated block by block; dX for stride 1 is the forward convolution
/// of dY with the kernel rotated 180° and its channel axes swapped (a GEMM with the forward's good
/// shape instead of a col2im scatter); for larger strides dCol = dY·Wᵀ, then col2im.
enum ConvolutionKernels {
    /// Bytes of im2col rows each worker multiplies at once: a block and its output fit the core's L2.
    static let blockBytes = 256 << 10

    static func blockRows(for geometry: WindowGeometry) -> Int {
        Swift.max(8, blockBytes / Swift.max(1, geometry.patch &* MemoryLayout<Float>.stride))
    }

    static func isPointwise(_ g: WindowGeometry) -> Bool { g.windowHeight == 1 && g.windowWidth == 1 }

    /// `output` (rows × O) = im2col(x) · filter (patch × O).
    static func forward(_ x: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels: Int,
                        _ g: WindowGeometry, into output: UnsafeMutablePointer<Float>) {
        let rows = g.rows, o = outChannels
        if isPointwise(g) {
            withPointwiseInput(x, g) { input in
                gemm(m: rows, n: o, k: g.channels, input, lda: g.channels, filter, ldb: o, output, ldc: o)
            }
            return
        }
        let blockRows = blockRows(for: g), patch = g.patch
        let workers = Swift.min(Parallelism.workers, Swift.max(1, rows / blockRows))
        Parallelism.withSingleThreadedBLASWorkers(workers) { worker in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: blockRows &* patch)
            defer { scratch.deallocate() }
            var start = rows * worker / workers
            let end = rows * (worker + 1) / workers
            while start < end {
                let count = Swift.min(blockRows, end - start)
                g.im2col(x, rows: start..<(start + count), into: scratch)
                gemm(m: count, n: o, k: patch, scratch, lda: patch, filter, ldb: o, output + start &* o, ldc: o)
                start += count
            }
        }
    }

    /// dW (patch × O) = im2col(x)ᵀ · dY.
    static func filterGradient(_ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>, outChannels: Int,
                               _ g: WindowGeometry, into dw: UnsafeMutablePointer<Float>) {
        let rows = g.rows, o = outChannels, patch = g.patch
        if isPointwise(g) {
            withPointwiseInput(x, g) { input in
                gemm(transposeA: true, m: g.channels, n: o, k: rows, input, lda: g.channels, dy, ldb: o, dw, ldc: o)
            }
            return
        }
        let blockRows = blockRows(for: g)
        let workers = Swift.min(Parallelism.workers, Swift.max(1, rows / blockRows))
        // Each worker sums its rows' contributions into its own slice; the slices are added at the end.
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: workers &* patch &* o)
        defer { partials.deallocate() }
        partials.initialize(repeating: 0, count: workers &* patch &* o)
        Parallelism.withSingleThreadedBLASWorkers(workers) { worker in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: blockRows &* patch)
            defer { scratch.deallocate() }
            let partial = partials + worker &* patch &* o
            var start = rows * worker / workers
            let end = rows * (worker + 1) / workers
            while start < end {
                let count = Swift.min(blockRows, end - start)
                g.im2col(x, rows: start..<(start + count), into: scratch)
                gemm(transposeA: true, m: patch, n: o, k: count, scratch, lda: patch, dy + start &* o, ldb: o,
                     beta: 1, partial, ldc: o)
                start += count
            }
        }
        dw.update(from: partials, count: patch &* o)
        for worker in 1..<Swift.max(workers, 1) {
            let partial = partials + worker &* patch &* o
            for i in 0..<(patch &* o) { dw[i] += partial[i] }
        }
    }

    /// dX (N×H×W×C, fully written) from dY (rows × O).
    static func inputGradient(outputGradient dy: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels: Int,
                              _ g: WindowGeometry, into dx: UnsafeMutablePointer<Float>) {
        let rows = g.rows, o = outChannels, c = g.channels
        let inputCount = g.batch &* g.inHeight &* g.inWidth &* c
        if isPointwise(g) {
            if g.strideHeight == 1 && g.strideWidth == 1 && g.outHeight == g.inHeight && g.outWidth == g.inWidth {
                gemm(transposeB: true, m: rows, n: c, k: o, dy, lda: o, filter, ldb: o, dx, ldc: c)
                return
            }
            // Strided: the gradient of the gathered pixels, scattered back; the others get zero.
            let gathered = UnsafeMutablePointer<Float>.allocate(capacity: rows &* c)
            defer { gathered.deallocate() }
            gemm(transposeB: true, m: rows, n: c, k: o, dy, lda: o, filter, ldb: o, gathered, ldc: c)
            dx.initialize(repeating: 0, count: inputCount)
            forEachStridedPixel(g) { row, inputPixel in
                (dx + inputPixel &* c).update(from: gathered + row &* c, count: c)
            }
            return
        }
        if g.strideHeight == 1 && g.strideWidth == 1 {
            // dX = conv(dY, W rotated 180° with I and O swapped), padded so that window position
            // (ih, iw) sees every output pixel whose window covered (ih, iw).
            let (kh, kw) = (g.windowHeight, g.windowWidth)
            let flipped = UnsafeMutablePointer<Float>.allocate(capacity: kh &* kw &* o &* c)
            defer { flipped.deallocate() }
            for i in 0..<kh { for j in 0..<kw { for input in 0..<c { for output in 0..<o {
                flipped[((i &* kw &+ j) &* o &+ output) &* c &+ input] =
                    filter[(((kh &- 1 &- i) &* kw &+ (kw &- 1 &- j)) &* c &+ input) &* o &+ output]
            } } } }
            let transposed = WindowGeometry(
                batch: g.batch, inHeight: g.outHeight, inWidth: g.outWidth, channels: o,
                windowHeight: kh, windowWidth: kw, strideHeight: 1, strideWidth: 1,
                padTop: kh - 1 - g.padTop, padLeft: kw - 1 - g.padLeft, outHeight: g.inHeight, outWidth: g.inWidth)
            forward(dy, filter: flipped, outChannels: c, transposed, into: dx)
            return
        }
        // Strided k×k: dCol = dY·Wᵀ block by block, added back by col2im. Workers take whole images
        // so that no two write the same input pixel.
        dx.initialize(repeating: 0, count: inputCount)
        let blockRows = blockRows(for: g), patch = g.patch
        let perImage = g.outHeight &* g.outWidth
        let workers = Swift.min(Parallelism.workers, g.batch)
        Parallelism.withSingleThreadedBLASWorkers(workers) { worker in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: blockRows &* patch)
            defer { scratch.deallocate() }
            var start = g.batch * worker / workers * perImage
            let end = g.batch * (worker + 1) / workers * perImage
            while start < end {
                let count = Swift.min(blockRows, end - start)
                gemm(transposeB: true, m: count, n: patch, k: o, dy + start &* o, lda: o, filter, ldb: o, scratch, ldc: patch)
                g.col2imAdding(scratch, rows: start..<(start + count), into: dx)
                start += count
            }
        }
    }

    /// Calls `body` with the [rows × C] matrix of a 1×1 convolution's input pixels: the input
    /// itself for stride 1, else a gathered copy of the strided pixels.
    private static func withPointwiseInput(_ x: UnsafePointer<Float>, _ g: WindowGeometry,
                                           _ body: (UnsafePointer<Float>) -> Void) {
        if g.strideHeight == 1 && g.strideWidth == 1 && g.outHeight == g.inHeight && g.outWidth == g.inWidth {
            body(x)
            return
        }
        let c = g.channels
        let gathered = UnsafeMutablePointer<Float>.allocate(capacity: g.rows &* c)
        defer { gathered.deallocate() }
        forEachStridedPixel(g) { row, inputPixel in
            (gathered + row &* c).update(from: x + inputPixel &* c, count: c)
        }
        body(gathered)
    }

    /// For a 1×1 window (whose SAME padding is always 0): each output row and the input pixel it reads.
    private static func forEachStridedPixel(_ g: WindowGeometry, _ body: (Int, Int) -> Void) {
        var row = 0
        for n in 0..<g.batch {
            for oh in 0..<g.outHeight {
                let ih = oh &* g.strideHeight
                for ow in 0..<g.outWidth {
                    body(row, (n &* g.inHeight &+ ih) &* g.inWidth &+ ow &* g.strideWidth)
                    row &+= 1
                }
            }
        }
    }
}
