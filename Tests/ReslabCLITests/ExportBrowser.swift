import Foundation

/// A real headless browser (Debian's `chromium`, installed by `scripts/setup`) that loads a page
/// and returns the DOM it built, to check that an exported page renders.
enum ExportBrowser {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The DOM of `file` after Chromium loaded it, serialised (`--dump-dom`).
    static func dumpDOM(of file: String, home: TestHome, timeout: Double = 60) throws -> String {
        let path = (home.environment()["PATH"] ?? "").split(separator: ":").map { "\($0)/chromium" }
        guard let executable = path.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "chromium is not installed: run scripts/setup (it installs Debian's chromium)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // No sandbox: tests may run as root, where Chromium's sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + home.path("chromium"),
                             "--dump-dom", URL(fileURLWithPath: file).absoluteString]
        process.environment = home.environment()
        let outputFile = home.path("chromium-dom.html")
        _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure(description: "chromium did not finish loading \(file) in \(timeout) s")
            }
            usleep(20_000)
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with status \(process.terminationStatus) on \(file)")
        }
        return try String(contentsOfFile: outputFile, encoding: .utf8)
    }
}
