import Dispatch
import Foundation
import COpenBLAS

/// How the engine uses the machine's cores.
///
/// The engine splits all work itself, one worker per core through
/// `DispatchQueue.concurrentPerform`, and OpenBLAS always runs single-threaded inside a worker.
/// OpenBLAS's own threads, once woken by a threaded call, spin (in `sched_yield`) for a long while
/// after it returns; on a two-core machine they then take a core from whatever runs next. Profiled
/// in `reslab bench kernels`, the spinning took 15 % of the cycles and halved the 3×3 convolution
/// timed after a threaded sgemm. Splitting every GEMM ourselves (`parallelGEMM`) keeps them asleep.
public enum Parallelism {
    /// The number of workers: the active processor count.
    public static let workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Limits OpenBLAS to the calling thread and checks its kernel set (`BLASCore`), once, before
    /// the engine's first GEMM.
    static let configureBLAS: Void = {
        _ = BLASCore.choice
        openblas_set_num_threads(1)
    }()

    /// Below this many elements an elementwise loop is not worth splitting across workers.
    public static let minimumElementsPerWorker = 1 << 15

    /// Runs `body` on disjoint, contiguous parts of `0..<count`, one per worker when the work is large
    /// enough; `body` must only write data indexed by its own range. Public for the layers above
    /// the engine (the optimisers' updates).
    @inline(__always)
    public static func forEachChunk(of count: Int, minimumPerWorker: Int = minimumElementsPerWorker,
                             _ body: (Range<Int>) -> Void) {
        let chunks = min(workers, max(1, count / max(1, minimumPerWorker)))
        if chunks <= 1 {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body(count * chunk / chunks ..< count * (chunk + 1) / chunks)
        }
    }

    /// Runs `body(worker)` once for each of `count` workers, concurrently when there are several.
    static func forEachWorker(_ count: Int, _ body: (Int) -> Void) {
        _ = configureBLAS
        if count <= 1 {
            body(0)
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
