/// Stride-1 k×k convolutions as sums of shifted GEMMs, without im2col.
///
/// Copy one image into a zero-bordered buffer of Hp × Wp pixels (Hp = OH + KH - 1,
/// Wp = OW + KW - 1), and number its pixels p = row·Wp + column. Output pixel (oh, ow), placed at
/// p = oh·Wp + ow on the same grid, sees padded pixel p + kh·Wp + kw through kernel element
/// (kh, kw). So for each (kh, kw), the rows p of the output grid gain
/// `padded[p + kh·Wp + kw, :] · W[kh, kw]`: one GEMM of M = (OH - 1)·Wp + OW rows, C columns and
/// O outputs on the padded buffer read at an offset, with no copy. The grid has Wp - OW extra
/// columns per row whose results are thrown away (3 % of the work for 3×3 on 56×56).
///
/// im2col writes KH·KW copies of the input (57 MB for 8×56×56×64 at 3×3) and the GEMM then reads
/// them back; on this project's two-core machine that copy took as long as the arithmetic, and
/// the shifted GEMMs run about twice as fast. With few channels each GEMM is too thin for
/// OpenBLAS to be efficient (K = C), so small-channel convolutions keep im2col.
///
/// Work is split by image: each worker owns whole images, its own padded buffer and output grid,
/// so a batch smaller than the worker count keeps im2col, whose row blocks split any batch.
extension ConvolutionKernels {
    /// Channels (in and out) from which shifted GEMMs beat im2col.
    static let shiftedGEMMMinimumChannels = 16

    static func usesShiftedGEMM(_ g: WindowGeometry, outChannels o: Int) -> Bool {
        g.strideHeight == 1 && g.strideWidth == 1 && !isPointwise(g)
            && g.channels >= shiftedGEMMMinimumChannels && o >= shiftedGEMMMinimumChannels
            && g.outHeight > 0 && g.outWidth > 0 && g.batch >= Parallelism.workers
            && 5 &* gridPixels(g) <= 8 &* g.outHeight &* g.outWidth
    }

    /// The pixels the output grid computes per image, (OH + KH - 1)·(OW + KW - 1), of which
    /// OH·OW are output: for 3×3, 3 % extra at 56×56, 28 % at 15×15, 56 % at 8×8, 125 % at 4×4.
    /// Shifted GEMMs are used while the extra is at most 60 %: on the course's ResNet-50 (64×64
    /// input, so 3×3 convolutions at 15, 8, 4 and 2 pixels) shifted GEMMs down to 8×8 and im2col
    /// below gave the fastest training step in `reslab bench model`.
    static func gridPixels(_ g: WindowGeometry) -> Int {
        (g.outHeight &+ g.windowHeight &- 1) &* (g.outWidth &+ g.windowWidth &- 1)
    }

    /// `output` (N × OH × OW × O) = conv(x, filter) for a geometry that `usesShiftedGEMM`.
    static func shiftedForward(_ x: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels o: Int,
                               _ g: WindowGeometry, into output: UnsafeMutablePointer<Float>) {
        let grid = ShiftedGrid(g)
        let c = g.channels
        let b = FilterOperand(filter, k: g.patch, n: o, ld: o, convolutionRows: g.rows)
        defer { b.deallocate() }
        forEachImage(grid, scratchCount: grid.gridRows &* o) { image, padded, outputGrid, _ in
            grid.copyImage(x, image: image, into: padded)
            for kh in 0..<g.windowHeight {
                for kw in 0..<g.windowWidth {
                    let element = kh &* g.windowWidth &+ kw
                    b.multiply(m: grid.gridRows, padded + grid.offset(kh, kw) &* c, lda: c, rows: element &* c ..< (element &+ 1) &* c,
                               beta: element == 0 ? 0 : 1, outputGrid, ldc: o)
                }
            }
            let destination = output + image &* g.outHeight &* g.outWidth &* o
            for oh in 0..<g.outHeight {
                (destination + oh &* g.outWidth &* o).update(from: outputGrid + oh &* grid.width &* o, count: g.outWidth &* o)
            }
        }
    }

    /// dW (KH × KW × C × O) = Σ over images and kernel elements of shifted-padded-xᵀ · dY, for a
    /// geometry that `usesShiftedGEMM`. dY is laid on the output grid with zeros in its extra
    /// columns, so they add nothing.
    static func shiftedFilterGradient(_ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>, outChannels o: Int,
                                      _ g: WindowGeometry, into dw: UnsafeMutablePointer<Float>) {
        let grid = ShiftedGrid(g)
        let c = g.channels
        let filterCount = g.patch &* o
        let workers = imageWorkers(g)
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: workers &* filterCount)
        defer { partials.deallocate() }
        partials.initialize(repeating: 0, count: workers &* filterCount)
        forEachImage(grid, scratchCount: grid.gridRows &* o) { image, padded, gradientGrid, worker in
            grid.copyImage(x, image: image, into: padded)
            let source = dy + image &* g.outHeight &* g.outWidth &* o
            for oh in 0..<g.outHeight {
                (gradientGrid + oh &* grid.width &* o).update(from: source + oh &* g.outWidth &* o, count: g.outWidth &* o)
            }
            // The gradient grid is the right-hand side of all KH·KW products: packed once.
            let b = FilterOperand(gradientGrid, k: grid.gridRows, n: o, ld: o, convolutionRows: g.rows)
            defer { b.deallocate() }
            for kh in 0..<g.windowHeight {
                for kw in 0..<g.windowWidth {
                    let element = kh &* g.windowWidth &+ kw
                    b.multiply(transposeA: true, m: c, padded + grid.offset(kh, kw) &* c, lda: c, beta: 1,
                               partials + (worker &* filterCount &+ element &* c &* o), ldc: o)
                }
            }
        }
        sumPartials(partials, workers: workers, count: filterCount, into: dw)
    }

    static func imageWorkers(_ g: WindowGeometry) -> Int { Swift.max(1, Swift.min(Parallelism.workers, g.batch)) }

    /// Calls `body(image, padded, outputGrid, worker)` for every image, each worker taking a
    /// contiguous share of the images with its own zero-initialised buffers (the padded image's
    /// border and the output grid's extra columns are never written, so they stay zero).
    private static func forEachImage(_ grid: ShiftedGrid, scratchCount: Int,
                                     _ body: (Int, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) {
        let g = grid.geometry
        let workers = imageWorkers(g)
        let paddedCount = grid.height &* grid.width &* g.channels
        Parallelism.forEachWorker(workers) { worker in
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: paddedCount)
            let outputGrid = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(scratchCount, 1))
            defer { padded.deallocate(); outputGrid.deallocate() }
            padded.initialize(repeating: 0, count: paddedCount)
            outputGrid.initialize(repeating: 0, count: Swift.max(scratchCount, 1))
            for image in (g.batch * worker / workers)..<(g.batch * (worker + 1) / workers) {
                body(image, padded, outputGrid, worker)
            }
        }
    }
}

/// The padded image and output grid of `ConvolutionKernels`' shifted GEMMs.
struct ShiftedGrid {
    let geometry: WindowGeometry
    /// The padded image's extent, also the output grid's row pitch.
    let height: Int, width: Int
    /// Rows of the output grid that hold a real output pixel or lie between two of them.
    let gridRows: Int

    init(_ g: WindowGeometry) {
        geometry = g
        height = g.outHeight &+ g.windowHeight &- 1
        width = g.outWidth &+ g.windowWidth &- 1
        gridRows = (g.outHeight &- 1) &* width &+ g.outWidth
    }

    /// The padded pixel that output grid pixel 0 sees through kernel element (kh, kw).
    @inline(__always)
    func offset(_ kh: Int, _ kw: Int) -> Int { kh &* width &+ kw }

    /// Copies image `image` of the NHWC input into the interior of `padded`; input rows and
    /// columns that fall outside the padded extent (possible with `.valid`) are not needed.
    func copyImage(_ x: UnsafePointer<Float>, image: Int, into padded: UnsafeMutablePointer<Float>) {
        let g = geometry
        let c = g.channels
        let firstColumn = Swift.max(0, -g.padLeft)
        let lastColumn = Swift.min(g.inWidth, width &- g.padLeft)
        guard lastColumn > firstColumn else { return }
        let source = x + image &* g.inHeight &* g.inWidth &* c
        for ih in 0..<g.inHeight {
            let row = ih &+ g.padTop
            guard row >= 0, row < height else { continue }
            (padded + (row &* width &+ firstColumn &+ g.padLeft) &* c)
                .update(from: source + (ih &* g.inWidth &+ firstColumn) &* c, count: (lastColumn &- firstColumn) &* c)
        }
    }
}
