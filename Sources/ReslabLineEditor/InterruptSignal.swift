import Glibc
import Synchronization

/// The process's SIGINT (Ctrl-C) handling while a `LineEditor` is open.
///
/// Ctrl-C must never kill the session. The handler does one of two things, both
/// async-signal-safe (atomics and `write(2)`, no allocation, no locks):
/// - while host code runs inside `LineEditor.runInterruptibly`, it calls the host's cancel action,
///   which by contract only sets an atomic flag that the running code polls;
/// - otherwise it marks a pending interrupt and writes a byte to a self-pipe, which wakes the
///   `poll(2)` a line source waits in, so the prompt abandons its line.
///
/// The handler is installed with `SA_RESTART` so that the host's own reads and writes are not cut
/// short by `EINTR`; the self-pipe is what wakes the prompt.
enum InterruptSignal {
    /// The host's cancel action, boxed so the handler can reach it through one atomic pointer.
    final class CancelAction: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// State shared with the handler: atomics only. `install` touches `state` before it sets the
    /// handler, so the handler never runs the lazy initialiser of a static, only loads.
    final class State: Sendable {
        let pending = Atomic<Bool>(false)
        let wakeReadFD = Atomic<Int32>(-1)
        let wakeWriteFD = Atomic<Int32>(-1)
        /// The armed `CancelAction`'s address (0: none), as an integer because raw pointers are not
        /// `Sendable`.
        let cancelAction = Atomic<UInt>(0)
    }

    static let state = State()

    private static let handler: @convention(c) (Int32) -> Void = { _ in
        let savedErrno = errno
        let state = InterruptSignal.state
        if let action = UnsafeRawPointer(bitPattern: state.cancelAction.load(ordering: .acquiring)) {
            Unmanaged<CancelAction>.fromOpaque(action).takeUnretainedValue().run()
        } else {
            state.pending.store(true, ordering: .releasing)
            var byte: UInt8 = 1
            let fd = state.wakeWriteFD.load(ordering: .acquiring)
            if fd >= 0 { _ = Glibc.write(fd, &byte, 1) }
        }
        errno = savedErrno
    }

    /// Installs the handler; returns the previous action for `uninstall`.
    static func install() -> sigaction {
        if state.wakeReadFD.load(ordering: .acquiring) < 0 {
            var fds: [Int32] = [-1, -1]
            if pipe(&fds) == 0 {
                for fd in fds {
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                }
                state.wakeReadFD.store(fds[0], ordering: .releasing)
                state.wakeWriteFD.store(fds[1], ordering: .releasing)
            }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        return previous
    }

    static func uninstall(restoring previous: sigaction) {
        var previous = previous
        sigaction(SIGINT, &previous, nil)
    }

    /// The descriptor that becomes readable when Ctrl-C is pressed at a prompt (-1 if the pipe
    /// could not be made; then only `EINTR` wakes the prompt).
    static var wakeDescriptor: Int32 { state.wakeReadFD.load(ordering: .acquiring) }

    /// Forgets a Ctrl-C pressed while nobody was waiting for one (between prompts).
    static func clearPending() {
        drainWakePipe()
        state.pending.store(false, ordering: .releasing)
    }

    /// Whether Ctrl-C was pressed since the last call, clearing the mark.
    static func takePending() -> Bool {
        drainWakePipe()
        return state.pending.exchange(false, ordering: .acquiringAndReleasing)
    }

    private static func drainWakePipe() {
        let fd = wakeDescriptor
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while Glibc.read(fd, &buffer, buffer.count) > 0 {}
    }

    /// Routes Ctrl-C to `action` until the returned token is passed to `disarm`.
    static func arm(_ action: @escaping @Sendable () -> Void) -> Unmanaged<CancelAction> {
        let box = Unmanaged.passRetained(CancelAction(action))
        state.cancelAction.store(UInt(bitPattern: box.toOpaque()), ordering: .releasing)
        return box
    }

    /// Stops routing Ctrl-C to the action. The box is not released here but by the caller later
    /// (at the next arm), because a handler running on another thread may still be using it.
    static func disarm() {
        state.cancelAction.store(0, ordering: .releasing)
    }
}
