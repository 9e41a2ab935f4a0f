import Foundation

/// A fresh home for a program under test: `HOME` and the XDG folders in a new temporary folder,
/// removed when this value goes away, so tests never read or write the real user's files.
final class TestHome {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("reslab-test-\(UUID().uuidString)", isDirectory: true)
        for folder in ["home", "state", "config", "data", "cache"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// The path of `name` inside the temporary folder.
    func path(_ name: String) -> String {
        root.appendingPathComponent(name).path
    }

    /// The environment a terminal program gets: this home, `TERM=xterm-256color`, UTF-8, and the
    /// test's `PATH`; `extra` is added last (and wins).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": path("home"),
            "XDG_STATE_HOME": path("state"),
            "XDG_CONFIG_HOME": path("config"),
            "XDG_DATA_HOME": path("data"),
            "XDG_CACHE_HOME": path("cache"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }
}
