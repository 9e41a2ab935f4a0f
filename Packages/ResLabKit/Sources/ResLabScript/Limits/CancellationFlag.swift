import Synchronization

/// A flag the host raises to stop running code (Ctrl-C). Thread-safe: `cancel()` may be called from
/// any thread while the interpreter polls `isCancelled` at every step. It only stores an atomic, so
/// a signal handler's thread may call it too.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the running code to stop at its next step with an "interrupted" error.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Clears the flag; a session does this before each execution.
    public func reset() { flag.store(false, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
