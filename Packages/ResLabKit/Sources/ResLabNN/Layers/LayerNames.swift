import Foundation

/// Keras' automatic layer names: `conv2d`, `conv2d_1`, `conv2d_2`, … one counter per prefix, shared
/// by the whole process until `clearSession()`.
///
/// The prefix is the class name in snake case by Keras' rule (`Conv2D` → `conv2d`,
/// `BatchNormalization` → `batch_normalization`, `ReLU` → `re_lu`). Layers count from zero
/// (the first is plain `conv2d`); inputs count from one (`input_1`), as in Keras.
///
/// `withFreshScope` gives the code it runs counters of its own (for the current task and its child
/// tasks): a notebook session, or a test that checks names while other tests build layers at the
/// same time.
public enum LayerNames {
    /// One set of counters.
    final class Scope {
        private let lock = NSLock()
        private var counters: [String: Int] = [:]

        func next(_ prefix: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            let uid = (counters[prefix] ?? 0) + 1
            counters[prefix] = uid
            return uid
        }

        func reset() {
            lock.lock()
            defer { lock.unlock() }
            counters = [:]
        }
    }

    private static let global = Scope()
    @TaskLocal static var current: Scope?

    /// The next name for `prefix`: `prefix`, then `prefix_1`, … (or `prefix_1`, `prefix_2`, … when
    /// `zeroBased` is false).
    public static func unique(_ prefix: String, zeroBased: Bool = true) -> String {
        let uid = (current ?? global).next(prefix)
        let number = zeroBased ? uid - 1 : uid
        return number == 0 ? prefix : "\(prefix)_\(number)"
    }

    /// Forgets the counters of the current scope (the process-wide ones outside any
    /// `withFreshScope`), so names start again from `conv2d`.
    public static func reset() {
        (current ?? global).reset()
    }

    /// Runs `body` with counters of its own, starting from zero.
    public static func withFreshScope<Result>(_ body: () throws -> Result) rethrows -> Result {
        try $current.withValue(Scope(), operation: body)
    }

    /// Keras' `to_snake_case`, the two regular expressions it applies, scanned left to right
    /// without overlapping matches as Python's `re.sub` does:
    /// `(.)([A-Z][a-z0-9]+)` → `\1_\2`, then `([a-z])([A-Z])` → `\1_\2`, then lower case.
    public static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var first: [Character] = []
        var i = 0
        while i < characters.count {
            if i + 2 < characters.count, isUpper(characters[i + 1]), isLowerOrDigit(characters[i + 2]) {
                var end = i + 2
                while end < characters.count, isLowerOrDigit(characters[end]) { end += 1 }
                first.append(characters[i])
                first.append("_")
                first.append(contentsOf: characters[(i + 1)..<end])
                i = end
            } else {
                first.append(characters[i])
                i += 1
            }
        }
        var second: [Character] = []
        i = 0
        while i < first.count {
            if i + 1 < first.count, isLower(first[i]), isUpper(first[i + 1]) {
                second.append(contentsOf: [first[i], "_", first[i + 1]])
                i += 2
            } else {
                second.append(first[i])
                i += 1
            }
        }
        let lowered = String(second).lowercased()
        return lowered.hasPrefix("_") ? "private" + lowered : lowered
    }

    private static func isUpper(_ c: Character) -> Bool { c.isASCII && c.isUppercase }
    private static func isLower(_ c: Character) -> Bool { c.isASCII && c.isLowercase }
    private static func isLowerOrDigit(_ c: Character) -> Bool { isLower(c) || (c.isASCII && c.isNumber) }
}

/// Forgets Keras' automatic layer-name counters (Keras' `clear_session`), so that a rebuilt model
/// gets the same names as the first time: `conv2d`, `conv2d_1`, …
public func clearSession() {
    LayerNames.reset()
}
