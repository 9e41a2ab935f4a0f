import Foundation
import ResLabScript

/// Whether lesson code reads or writes a file.
public enum FileAccessMode: String, Sendable {
    case read
    case write
}

/// The one gate every file-touching native of the built-in plugins goes through
/// (`model.saveWeights(to:)`, `loadWeights(from:)`, `Tensor(npy:)`, `x.save(npy:)`,
/// `DataSet.load(path:)`, `chart.saveSVG(to:)`): it turns the path lesson code wrote into the file
/// to use, or refuses.
///
/// The default allows everything, relative paths resolving against the current directory. A
/// grader confines a submission to a scratch folder with `confined(to:)`, or swaps the rule of a
/// shared host between submissions with `rule` (thread-safe).
///
///     let policy = FileAccessPolicy.confined(to: scratch)
///     let host = try makeStandardHost(fileAccess: policy)
public final class FileAccessPolicy: @unchecked Sendable {
    /// Maps a path as lesson code wrote it, and what the native does with it, to the file to use;
    /// throws (ideally a `NativeError` saying why) to refuse.
    public typealias Rule = (_ path: String, _ mode: FileAccessMode) throws -> URL

    private let lock = NSLock()
    private var currentRule: Rule

    /// A policy with `rule`; by default every path is allowed (`~` expanded, relative paths
    /// against the current directory).
    public init(_ rule: @escaping Rule = FileAccessPolicy.allowAll) {
        currentRule = rule
    }

    /// The rule in force; replace it to change what later natives may touch.
    public var rule: Rule {
        get { lock.withLock { currentRule } }
        set { lock.withLock { currentRule = newValue } }
    }

    /// The file `op` may use for `path`, or the rule's refusal.
    public func authorize(_ path: String, _ mode: FileAccessMode) throws -> URL {
        try rule(path, mode)
    }

    /// Every path, as given (`~` expanded; relative to the current directory).
    public static func allowAll(_ path: String, _ mode: FileAccessMode) throws -> URL {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
    }

    /// Only files inside `folder`: relative paths resolve against it, and a path that leads
    /// outside it (absolute elsewhere, `..`, or through a symbolic link) is refused.
    public static func confined(to folder: URL) -> FileAccessPolicy {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        return FileAccessPolicy { path, mode in
            let candidate = path.hasPrefix("/")
                ? URL(fileURLWithPath: path)
                : root.appendingPathComponent(path)
            let resolved = candidate.standardizedFileURL.resolvingSymlinksInPath()
            let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
            guard resolved.path == root.path || resolved.path.hasPrefix(rootPath) else {
                throw NativeError("cannot \(mode.rawValue) '\(path)': only files inside this run's folder may be used",
                                  hint: "use a relative path such as \"weights.safetensors\"")
            }
            return resolved
        }
    }
}
