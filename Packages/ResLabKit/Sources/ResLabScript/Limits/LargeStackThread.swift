#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a fresh thread with a large stack and waits for it.
///
/// A tree-walking interpreter uses the machine stack for every nested call and expression; the
/// depth limit stops runaway recursion long before this stack is used up, whatever thread the host
/// calls from (Swift Testing's and Dispatch's threads have small stacks). Pages of the stack are
/// only touched as used, so the size costs address space, not memory.
public enum LargeStackThread {
    /// The stack size given to interpreter threads: 512 MiB.
    public static let stackSize = 512 << 20

    /// How much of the stack the interpreter lets nested calls use: all but a 64 MiB reserve for
    /// the deepest native call (a native running on top of the last lesson frame).
    public static let usableBytes: UInt = UInt(stackSize - (64 << 20))

    /// Runs `work` on a thread with `stackSize` bytes of stack and returns its result.
    public static func run<T>(_ work: @escaping () -> T) -> T {
        let box = ThreadWork(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged<AnyThreadWork>.passRetained(box).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            #if canImport(Glibc)
            guard let raw else { return nil }
            #endif
            Unmanaged<AnyThreadWork>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            // No thread could be made (resources exhausted): run here rather than fail. The default
            // depth limit fits the 8 MiB main-thread stack only in release builds; this is a last resort.
            Unmanaged<AnyThreadWork>.fromOpaque(context).release()
            return work()
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
        // The thread stores its result before it ends, and pthread_join waits for the end.
        return box.result!
    }
}

/// The work handed to a thread, without its result type (a C thread entry cannot be generic).
private class AnyThreadWork {
    func run() {}
}

/// The work and, once the thread has run it, its result.
private final class ThreadWork<T>: AnyThreadWork, @unchecked Sendable {
    // Unchecked: the result is written by the thread before it ends and read after pthread_join.
    let work: () -> T
    var result: T?

    init(_ work: @escaping () -> T) { self.work = work }

    override func run() { result = work() }
}
