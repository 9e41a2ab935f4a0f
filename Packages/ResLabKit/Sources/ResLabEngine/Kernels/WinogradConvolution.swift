import CReslabKernels
import Foundation

/// Whether 3×3 stride-1 convolutions use Winograd's algorithm (`ConvolutionKernels.winogradForward`).
public enum WinogradConvolution {
    /// On unless `RESLAB_WINOGRAD=off` is set in the environment (to compare with the direct
    /// GEMMs); tests switch it to exercise the other stride-1 paths. Set it before, not during, a
    /// computation.
    nonisolated(unsafe) public static var isEnabled: Bool =
        ProcessInfo.processInfo.environment["RESLAB_WINOGRAD"]?.lowercased() != "off"
}

/// 3×3, stride-1 convolutions by Winograd's minimal filtering F(2×2, 3×3) (Lavin and Gray, 2016).
///
/// Each 2×2 block of output pixels (a "tile") is computed from the 4×4 input patch that covers it:
/// transform the patch (V = Bᵀ d B) and the filter (U = G g Gᵀ), multiply element by element and
/// summed over input channels, and transform back (Y = Aᵀ M A). The element-wise products summed
/// over channels are 16 GEMMs, M_ξ (tiles × O) = V_ξ (tiles × C) · U_ξ (C × O), one per position ξ
/// of the 4×4 transformed patch: 16 multiply-adds per tile and channel pair where the direct
/// convolution needs 4·9 = 36, 2.25× fewer. The transforms (`CReslabKernels/reslab_winograd.c`)
/// are additions along the channels and cost little beside the GEMMs from 24 channels up.
///
/// The tiles are taken in chunks whose transformed input and product (16 × chunk × (C + O) floats)
/// stay within a few megabytes, so they are still in the shared cache when read back; in each
/// chunk the workers split the tiles for the transforms and the 16 GEMMs among themselves (whole
/// GEMMs each, so a late-stage convolution with few tiles still keeps every core busy).
///
/// Numerically the transforms add and subtract up to 16 terms, each exactly representable
/// (halving is exact), so results differ from the direct sum by a few units in the last place;
/// `ConvolutionWorkerTests` checks both against the definition.
extension ConvolutionKernels {
    /// Floats of transformed input and product a chunk of tiles may take (8 MB); tests lower it
    /// to run several chunks.
    nonisolated(unsafe) static var winogradChunkFloats = 2 << 20

    /// Tiles from which Winograd's algorithm is used. With fewer, the transformed filter (16·C·O
    /// floats, 1.8× the filter, made afresh each call) is read for too little arithmetic: on the
    /// course's ResNet-50, 2×2×512→512 at batch 32 (32 tiles) ran as fast as the direct GEMM
    /// forward and 30 % slower for the input gradient, while 4×4×256→256 (128 tiles) gained 40 %.
    nonisolated(unsafe) static var winogradMinimumTiles = 64

    /// Channels (in and out) from which Winograd's algorithm is used. With 16 its GEMMs are too
    /// thin (the filter gradient's are 16 × 16 summed over thousands of tiles): 30 steps of a
    /// 3×3 convolution on 32×64×64×16, forward and backward, took 1.0 s with it and 0.85 s
    /// without; at 24 channels 1.35 s against 1.8 s, at 64 (on 16×16 images) 0.45 against 0.57.
    nonisolated(unsafe) static var winogradMinimumChannels = 24

    static func winogradTiles(_ g: WindowGeometry) -> Int {
        g.batch &* ((g.outHeight &+ 1) / 2) &* ((g.outWidth &+ 1) / 2)
    }

    static func usesWinograd(_ g: WindowGeometry, outChannels o: Int) -> Bool {
        WinogradConvolution.isEnabled && g.windowHeight == 3 && g.windowWidth == 3 && g.strideHeight == 1 && g.strideWidth == 1
            && g.channels >= winogradMinimumChannels && o >= winogradMinimumChannels && g.outHeight > 0 && g.outWidth > 0
            && winogradTiles(g) >= winogradMinimumTiles
            && 16 &* g.channels &* o <= winogradMaximumFilterFloats
    }

    /// The transformed filter is scratch memory outside the tensor budget: a convolution whose
    /// transformed filter would pass 256 MB (C·O > 4 M, 16× the course's largest) takes the
    /// direct path instead.
    static let winogradMaximumFilterFloats = 1 << 26

    /// The tiles of a geometry that `usesWinograd`, the chunks they are taken in, and the ways
    /// the work of a chunk is split among the workers.
    struct WinogradTiling {
        let g: WindowGeometry, tilesHigh: Int, tilesWide: Int, tiles: Int, chunk: Int
        static var workers: Int { Parallelism.workers }

        init(_ g: WindowGeometry, outChannels o: Int) {
            (self.g, tilesHigh, tilesWide) = (g, (g.outHeight &+ 1) / 2, (g.outWidth &+ 1) / 2)
            tiles = winogradTiles(g)
            chunk = Swift.max(1, Swift.min(tiles, winogradChunkFloats / (16 &* (g.channels &+ o))))
        }

        /// `body(start, count)` for each chunk of tiles, in order.
        func forEachChunk(_ body: (Int, Int) -> Void) {
            var start = 0
            while start < tiles {
                let count = Swift.min(chunk, tiles &- start)
                body(start, count)
                start &+= count
            }
        }

        /// `body(first, end)` on each worker for its share of a chunk's `count` tiles.
        static func splitTiles(_ count: Int, _ body: (Int, Int) -> Void) {
            let shares = Swift.min(workers, count)
            Parallelism.forEachWorker(shares) { worker in body(count * worker / shares, count * (worker + 1) / shares) }
        }

        /// `body(ξ)` for the 16 positions, each worker taking whole ones.
        static func forEachPosition(_ body: (Int) -> Void) {
            let shares = Swift.min(workers, 16)
            Parallelism.forEachWorker(shares) { worker in
                for xi in (16 * worker / shares)..<(16 * (worker + 1) / shares) { body(xi) }
            }
        }

        /// `body(first, end)` on each worker for its share of `channels`.
        static func splitChannels(_ channels: Int, _ body: (Int, Int) -> Void) {
            let shares = Swift.min(workers, channels)
            Parallelism.forEachWorker(shares) { worker in body(channels * worker / shares, channels * (worker + 1) / shares) }
        }

        /// V = Bᵀ d B of tiles start + first ..< start + end into `v` (16 × chunk × C).
        func transformInput(_ x: UnsafePointer<Float>, start: Int, first: Int, end: Int, into v: UnsafeMutablePointer<Float>) {
            let c = g.channels
            reslab_winograd_input(x, g.inHeight, g.inWidth, c, g.padTop, g.padLeft, tilesHigh, tilesWide,
                                  start &+ first, end &- first, v + first &* c, chunk &* c)
        }
    }

    /// `output` (N × OH × OW × O) = conv(x, filter) for a geometry that `usesWinograd`.
    static func winogradForward(_ x: UnsafePointer<Float>, filter: UnsafePointer<Float>, outChannels o: Int,
                                _ g: WindowGeometry, into output: UnsafeMutablePointer<Float>) {
        let c = g.channels, tiling = WinogradTiling(g, outChannels: o), chunk = tiling.chunk
        // U: 16 matrices C × O, the input channels split among the workers.
        let u = UnsafeMutablePointer<Float>.allocate(capacity: 16 &* c &* o)
        defer { u.deallocate() }
        WinogradTiling.splitChannels(c) { first, end in reslab_winograd_filter(filter, c, o, first, end, u) }
        let operands = (0..<16).map { xi in
            FilterOperand(u + xi &* c &* o, k: c, n: o, ld: o, convolutionRows: tiling.tiles)
        }
        defer { operands.forEach { $0.deallocate() } }

        let v = UnsafeMutablePointer<Float>.allocate(capacity: 16 &* chunk &* c)
        let m = UnsafeMutablePointer<Float>.allocate(capacity: 16 &* chunk &* o)
        defer { v.deallocate(); m.deallocate() }
        tiling.forEachChunk { start, count in
            WinogradTiling.splitTiles(count) { first, end in tiling.transformInput(x, start: start, first: first, end: end, into: v) }
            WinogradTiling.forEachPosition { xi in
                operands[xi].multiply(m: count, v + xi &* chunk &* c, lda: c, m + xi &* chunk &* o, ldc: o)
            }
            WinogradTiling.splitTiles(count) { first, end in
                reslab_winograd_output(m + first &* o, chunk &* o, g.outHeight, g.outWidth, o, tiling.tilesHigh, tiling.tilesWide,
                                       start &+ first, end &- first, output)
            }
        }
    }

    /// dW (3 × 3 × C × O) for a geometry that `usesWinograd`: the adjoint of the forward formula,
    /// dW = Σ over tiles of Gᵀ[(Bᵀ d B) ⊙ (A dY Aᵀ)]G. The sum over tiles inside the transformed
    /// domain is 16 GEMMs, M_ξ (C × O) += V_ξᵀ · Q_ξ, chunk by chunk; each worker owns whole
    /// ξ, so no partial sums are needed.
    static func winogradFilterGradient(_ x: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>, outChannels o: Int,
                                       _ g: WindowGeometry, into dw: UnsafeMutablePointer<Float>) {
        let c = g.channels, tiling = WinogradTiling(g, outChannels: o), chunk = tiling.chunk
        let m = UnsafeMutablePointer<Float>.allocate(capacity: 16 &* c &* o)
        let v = UnsafeMutablePointer<Float>.allocate(capacity: 16 &* chunk &* c)
        let q = UnsafeMutablePointer<Float>.allocate(capacity: 16 &* chunk &* o)
        defer { m.deallocate(); v.deallocate(); q.deallocate() }
        tiling.forEachChunk { start, count in
            WinogradTiling.splitTiles(count) { first, end in
                tiling.transformInput(x, start: start, first: first, end: end, into: v)
                reslab_winograd_output_gradient(dy, g.outHeight, g.outWidth, o, tiling.tilesHigh, tiling.tilesWide,
                                                start &+ first, end &- first, q + first &* o, chunk &* o)
            }
            WinogradTiling.forEachPosition { xi in
                gemm(transposeA: true, m: c, n: o, k: count, v + xi &* chunk &* c, lda: c, q + xi &* chunk &* o, ldb: o,
                     beta: start == 0 ? 0 : 1, m + xi &* c &* o, ldc: o)
            }
        }
        WinogradTiling.splitChannels(c) { first, end in reslab_winograd_filter_gradient(m, c, o, first, end, dw) }
    }
}
