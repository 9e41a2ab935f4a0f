import Foundation
import ResLabPlugin

/// The failed checks of running sessions, so that a grader can report a failure's expected and
/// actual values apart from its sentence.
///
/// An assertion helper that fails throws `AssertionFailure`; the interpreter turns every native's
/// error into a language error that keeps only the text. So the helpers also record the failure
/// here, under the session it happened in. The key is the session's `CancellationFlag`: the one
/// object of its session that a native sees (`NativeContext.cancellation`), one per
/// `ScriptSession`. A grader clears its session's entry before a test and takes it after.
///
/// Thread-safe: sessions on several threads record and take under a lock.
public final class AssertionLog: @unchecked Sendable {
    /// The log every assertion helper of this process records into.
    public static let shared = AssertionLog()

    // Unchecked Sendable: `failures` is only touched under `lock`.
    private let lock = NSLock()
    private var failures: [ObjectIdentifier: AssertionFailure] = [:]

    init() {}

    /// Records `failure` as the latest of the session owning `session`.
    func record(_ failure: AssertionFailure, session: CancellationFlag) {
        lock.lock()
        defer { lock.unlock() }
        failures[ObjectIdentifier(session)] = failure
    }

    /// The latest failure recorded in the session owning `session` since the last call, and forgets it.
    public func takeFailure(of session: CancellationFlag) -> AssertionFailure? {
        lock.lock()
        defer { lock.unlock() }
        return failures.removeValue(forKey: ObjectIdentifier(session))
    }
}
