import Foundation

/// Executables that SwiftPM built beside this test binary (the test target depends on them, so
/// `swift test` builds them first).
enum BuiltProducts {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "no executable at \(path): build it first (`swift build --product \((path as NSString).lastPathComponent)`)"
        }
    }

    /// The path of the executable product `name` in the build folder that holds the running tests.
    static func executable(_ name: String) throws -> String {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The test binary is `<build>/<Package>PackageTests.xctest`, a file on Linux; step out of
        // a bundle folder if the layout ever nests it.
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        return path
    }
}
