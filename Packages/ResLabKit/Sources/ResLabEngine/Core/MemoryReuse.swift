#if canImport(Glibc)
import Glibc
#endif

/// Keeps freed tensor storage in the process for the next tensor instead of returning it to the OS.
///
/// Every op allocates its output afresh, and a training step frees and reallocates the same
/// sizes over and over. By default glibc serves large blocks with mmap and hands freed memory
/// back to the OS, so each new tensor's pages fault in again and are zeroed by the kernel; on
/// this project's virtual machine that cost ~2 ms per MB, more than the arithmetic (a batch norm
/// over 2M elements took 50 ms instead of 5). Raising the trim threshold keeps freed memory, and
/// the mmap threshold at its maximum (32 MB on 64-bit glibc) serves blocks up to that size from
/// the reusable heap. The process keeps its peak footprint; the memory budget still bounds each
/// tensor.
enum MemoryReuse {
    static let configure: Void = {
        #if canImport(Glibc)
        // Swift's Glibc module does not export <malloc.h>, so mallopt is looked up by name
        // (and, on a C library without it, the defaults simply stay).
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let (trimThreshold, mmapThreshold, arenaMax): (Int32, Int32, Int32) = (-1, -3, -8)  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        // One arena for every thread. A worker thread's own arena lives in 64 MB heaps that
        // glibc unmaps as soon as one is wholly free, so a worker's scratch buffers (a padded
        // image, a packed block) faulted in afresh on every call: 6 % of a ResNet-50 training
        // step in the kernel zeroing pages. The engine allocates per call, not per element, so
        // the shared arena's lock is not contended.
        _ = mallopt(arenaMax, 1)
        #endif
    }()
}
