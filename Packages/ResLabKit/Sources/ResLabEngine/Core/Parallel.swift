import Dispatch
import Foundation
import COpenBLAS

/// How the engine uses the machine's cores.
///
/// OpenBLAS runs with one thread per core for plain GEMMs. Kernels that split work themselves
/// (convolution over row blocks, pooling and batch norm over the batch) run one worker per core
/// through `DispatchQueue.concurrentPerform`, and switch OpenBLAS to one thread while their workers
/// call it, so that the two levels of threading do not fight over the same cores.
public enum Parallelism {
    /// The number of workers: the active processor count.
    public static let workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Sets OpenBLAS's thread count once, the first time the engine calls it.
    static let configureBLAS: Void = {
        openblas_set_num_threads(Int32(clamping: workers))
    }()

    /// Below this many elements an elementwise loop is not worth splitting across workers.
    static let minimumElementsPerWorker = 1 << 15

    /// Runs `body` on disjoint, contiguous parts of `0..<count`, one per worker when the work is large
    /// enough; `body` must only write data indexed by its own range.
    @inline(__always)
    static func forEachChunk(of count: Int, minimumPerWorker: Int = minimumElementsPerWorker,
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

    /// Runs `body(worker)` once for each of `count` workers with OpenBLAS limited to one thread,
    /// so that each worker's GEMMs run on its own core.
    static func withSingleThreadedBLASWorkers(_ count: Int, _ body: (Int) -> Void) {
        _ = configureBLAS
        if count <= 1 {
            body(0)
            return
        }
        blasThreadLock.lock()
        openblas_set_num_threads(1)
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
        openblas_set_num_threads(Int32(clamping: workers))
        blasThreadLock.unlock()
    }

    /// Serialises regions that change OpenBLAS's global thread count.
    private static let blasThreadLock = NSLock()
}
