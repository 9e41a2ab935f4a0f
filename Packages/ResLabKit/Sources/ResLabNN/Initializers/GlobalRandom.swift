import Foundation
import ResLabEngine

/// The process-wide random stream that unseeded initialisers, shuffles and dropout masks draw from.
///
/// Keras draws unseeded weights from TensorFlow's global generator, so they differ from run to
/// run unless `keras.utils.set_random_seed` was called. ResLab starts its global stream from a
/// fixed seed instead, so a lesson gives the same numbers every time it runs; `setRandomSeed(_:)`
/// restarts it (Keras' spelling, for the same purpose). The values come from ResLab's own
/// generator (`SeededRandom`, xoshiro256**), not TensorFlow's: the same seed does *not* give
/// Keras' numbers, which is why tests that compare with Keras inject the weights.
public enum GlobalRandom {
    /// The seed the stream starts from when nobody has called `setRandomSeed(_:)`.
    public static let defaultSeed = 1234

    private static let lock = NSLock()
    nonisolated(unsafe) private static var generator = SeededRandom(seed: defaultSeed)

    /// Restarts the global stream from `seed`.
    public static func reset(seed: Int) {
        lock.lock()
        defer { lock.unlock() }
        generator = SeededRandom(seed: seed)
    }

    /// A fresh seed drawn from the global stream, for an operation the caller did not seed.
    public static func nextSeed() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return Int(truncatingIfNeeded: generator.next())
    }
}

/// Restarts ResLab's global random stream, so that every unseeded initialiser, shuffle and dropout
/// mask after this call is reproducible (Keras' `keras.utils.set_random_seed`).
public func setRandomSeed(_ seed: Int) {
    GlobalRandom.reset(seed: seed)
}
