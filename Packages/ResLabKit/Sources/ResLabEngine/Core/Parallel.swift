import Foundation
import COpenBLAS
import CReslabKernels

/// How the engine uses the machine's cores.
///
/// The engine splits all work itself, one worker per core through its own pool of threads
/// (`run(iterations:_:)`), and OpenBLAS always runs single-threaded inside a worker.
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
        run(iterations: chunks) { chunk in
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
        run(iterations: count, body)
    }

    /// Runs `body(i)` for every i in 0..<iterations across the engine's worker threads (the
    /// calling thread takes part) and returns when all are done; at most `workers` iterations
    /// run at once, iteration i on participant i % workers. A call made while the workers are
    /// busy (from inside `body`, or from another thread) runs its iterations in order on the
    /// calling thread. See `CReslabKernels/reslab_pool.c` for why this is not Dispatch.
    public static func run(iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        _ = startPool
        withoutActuallyEscaping(body) { body in
            var task = body
            withUnsafeMutablePointer(to: &task) { pointer in
                reslab_parallel_for(iterations, { context, index in
                    context!.assumingMemoryBound(to: ((Int) -> Void).self).pointee(index)
                }, pointer)
            }
        }
    }

    private static let startPool: Void = reslab_pool_start(Int32(workers - 1))
}
