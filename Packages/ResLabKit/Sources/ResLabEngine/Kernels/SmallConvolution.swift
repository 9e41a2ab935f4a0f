/// Convolutions with few output pixels: the late stages of a ResNet on small images (the course's
/// ResNet-50 at 64×64 with batch 32 has 512 pixels at 4×4 and 128 at 2×2).
///
/// Their filters hold as many numbers as their inputs (2.4 M for 3×3×512×512 against 590 K for
/// the 128×4608 column matrix), which the row-block path of large convolutions handles badly:
/// every block of rows was a GEMM against the whole filter, which OpenBLAS copies (packs) again
/// for each call, and a filter gradient over too few rows to split ran on one core. Here the
/// column matrix is made once, by all workers, and each product is a single GEMM split across the
/// workers (`parallelGEMM`: along the output's longer side, so each worker copies the smaller
/// share); the filter gradient is split along the filter's rows, so it needs no partial sums.
extension ConvolutionKernels {
    /// Convolutions with fewer output pixels than this take the paths below. Tests set it to 0
    /// to run the large-convolution paths on small shapes.
    nonisolated(unsafe) static var smallRows = 1024

    static func isSmall(_ g: WindowGeometry) -> Bool { g.rows < smallRows }

    /// The column matrix (rows × patch) of all rows: the input itself for a dense 1×1 window,
    /// else gathered or im2col'ed by the workers into a new buffer (returned to deallocate).
    static func columnMatrix(_ x: UnsafePointer<Float>, _ g: WindowGeometry) -> (UnsafePointer<Float>, UnsafeMutablePointer<Float>?) {
        if isDense(g) { return (x, nil) }
        let columns = UnsafeMutablePointer<Float>.allocate(capacity: g.rows &* g.patch)
        let workers = Swift.max(1, Swift.min(Parallelism.workers, g.rows))
        Parallelism.forEachWorker(workers) { worker in
            let rows = (g.rows * worker / workers)..<(g.rows * (worker + 1) / workers)
            let destination = columns + rows.lowerBound &* g.patch
            if isPointwise(g) { g.gatherStridedPixels(x, rows: rows, into: destination) } else { g.im2col(x, rows: rows, into: destination) }
        }
        return (UnsafePointer(columns), columns)
    }

    static func smallForward(_ x: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels o: Int,
                             _ g: WindowGeometry, into output: UnsafeMutablePointer<Float>) {
        let (columns, owned) = columnMatrix(x, g)
        defer { owned?.deallocate() }
        parallelGEMM(m: g.rows, n: o, k: g.patch, columns, lda: g.patch, filter, ldb: o, output, ldc: o)
    }

    static func smallFilterGradient(_ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>, outChannels o: Int,
                                    _ g: WindowGeometry, into dw: UnsafeMutablePointer<Float>) {
        let (columns, owned) = columnMatrix(x, g)
        defer { owned?.deallocate() }
        parallelGEMM(transposeA: true, m: g.patch, n: o, k: g.rows, columns, lda: g.patch, dy, ldb: o, dw, ldc: o)
    }

    static func smallInputGradient(outputGradient dy: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels o: Int,
                                   _ g: WindowGeometry, into dx: UnsafeMutablePointer<Float>) {
        let (c, patch) = (g.channels, g.patch)
        if isDense(g) {
            parallelGEMM(transposeB: true, m: g.rows, n: c, k: o, dy, lda: o, filter, ldb: o, dx, ldc: c)
            return
        }
        // dCol = dY·Wᵀ, then scattered (1×1 strided) or added back (k×k) onto the input pixels.
        // (For stride 1 the large path convolves dY with the flipped filter instead; here the
        // filter is the big operand and flipping it cost more than adding the columns back.)
        let columns = UnsafeMutablePointer<Float>.allocate(capacity: g.rows &* patch)
        defer { columns.deallocate() }
        parallelGEMM(transposeB: true, m: g.rows, n: patch, k: o, dy, lda: o, filter, ldb: o, columns, ldc: patch)
        dx.initialize(repeating: 0, count: g.batch &* g.inHeight &* g.inWidth &* c)
        // Workers own whole images, so no two write the same input pixel.
        let imageRows = g.outHeight &* g.outWidth
        let workers = Swift.max(1, Swift.min(Parallelism.workers, g.batch))
        Parallelism.forEachWorker(workers) { worker in
            let rows = (g.batch * worker / workers &* imageRows)..<(g.batch * (worker + 1) / workers &* imageRows)
            guard !rows.isEmpty else { return }
            let source = UnsafePointer(columns + rows.lowerBound &* patch)
            if isPointwise(g) { g.scatterStridedPixels(source, rows: rows, into: dx) } else { g.col2imAdding(source, rows: rows, into: dx) }
        }
    }

    /// The kernel rotated 180° with its channel axes swapped: element (i, j, o, c) of the result
    /// is element (KH-1-i, KW-1-j, c, o) of `filter`. Each window element is a C×O → O×C
    /// transpose, done in 16×16 tiles by the workers.
    static func flippedFilter(_ filter: UnsafePointer<Float>, _ g: WindowGeometry, outChannels o: Int) -> UnsafeMutablePointer<Float> {
        let (kh, kw, c) = (g.windowHeight, g.windowWidth, g.channels)
        let flipped = UnsafeMutablePointer<Float>.allocate(capacity: kh &* kw &* o &* c)
        let elements = kh &* kw
        let workers = Swift.max(1, Swift.min(Parallelism.workers, elements, (elements &* o &* c) >> 16))
        Parallelism.forEachWorker(workers) { worker in
            for element in (elements * worker / workers)..<(elements * (worker + 1) / workers) {
                let (i, j) = (element / kw, element % kw)
                let source = filter + ((kh &- 1 &- i) &* kw &+ (kw &- 1 &- j)) &* c &* o
                let destination = flipped + element &* o &* c
                for input0 in stride(from: 0, to: c, by: 16) {
                    for output0 in stride(from: 0, to: o, by: 16) {
                        for input in input0..<Swift.min(input0 &+ 16, c) {
                            for output in output0..<Swift.min(output0 &+ 16, o) {
                                destination[output &* c &+ input] = source[input &* o &+ output]
                            }
                        }
                    }
                }
            }
        }
        return flipped
    }
}
