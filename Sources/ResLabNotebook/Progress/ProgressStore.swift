import Foundation
import ResLabNN

/// Reads and writes `Progress` as JSON in the learner's state folder.
///
/// Writes are atomic (temporary file, then rename), so a crash or a second `reslab` never leaves
/// half a file; when two processes save, the last one wins. A file that cannot be read as progress
/// is renamed aside (kept for the learner) and a fresh start is reported, never an error that locks
/// the learner out.
public struct ProgressStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_STATE_HOME/reslab/progress.json`, or `~/.local/state/reslab/progress.json` when
    /// `XDG_STATE_HOME` is unset, empty or relative (the XDG specification says to ignore relative paths).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            stateHome = home + "/.local/state"
        }
        return stateHome + "/reslab/progress.json"
    }

    /// A progress file that could not be used, and where it was kept.
    public struct Recovery: Equatable, Sendable, CustomStringConvertible {
        public var reason: String
        /// Where the unreadable file was moved, if it could be moved.
        public var backupPath: String?

        public var description: String {
            let kept = backupPath.map { "; the old file is kept as \($0)" } ?? ""
            return "progress could not be read (\(reason)), starting afresh\(kept)"
        }
    }

    /// The saved progress, or a fresh one (with `recovery` set when a file was there but unusable).
    public func load(now: Date = Date()) -> (progress: Progress, recovery: Recovery?) {
        guard FileManager.default.fileExists(atPath: path) else { return (Progress(), nil) }
        let reason: String
        if let data = FileManager.default.contents(atPath: path) {
            do {
                let progress = try JSONDecoder().decode(Progress.self, from: data)
                if progress.version == Progress.currentVersion { return (progress, nil) }
                reason = "it is version \(progress.version) of the format, this reslab reads version \(Progress.currentVersion)"
            } catch {
                reason = "it is not valid progress JSON"
            }
        } else {
            reason = "it cannot be read"
        }
        return (Progress(), Recovery(reason: reason, backupPath: moveAside(now: now)))
    }

    /// Saves `progress` atomically, creating the folder if needed.
    public func save(_ progress: Progress) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(progress), toPath: path)
    }

    /// Renames the unusable file to `progress.json.corrupt-YYYYMMDDTHHMMSSZ` (with `-2`, `-3`... if
    /// taken) and returns the new path, or nil if it could not be moved.
    private func moveAside(now: Date) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = path + ".corrupt-" + formatter.string(from: now)
        var candidate = base
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = base + "-\(counter)"
            counter += 1
        }
        do {
            try FileManager.default.moveItem(atPath: path, toPath: candidate)
            return candidate
        } catch {
            return nil
        }
    }
}
