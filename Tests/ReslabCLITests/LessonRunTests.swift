import Foundation
import Testing

/// Every lesson the course ships runs start to finish with `reslab run` (optional cells skipped),
/// as a learner's first `reslab run lessons/NN-….md` would, from the repository's root.
///
/// The lessons train small networks, so each run takes seconds to a minute and a half in a release
/// build; the runs are serialized so that two of them never share the machine's cores.
@Suite("reslab run on every lesson", .serialized)
struct LessonRunTests {
    /// The repository's root: this file is `Tests/ReslabCLITests/LessonRunTests.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lesson files in `lessons/` (hidden tests files are not lessons), in course order.
    static func lessonFiles() throws -> [String] {
        let folder = repositoryRoot.appendingPathComponent("lessons")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix(".hidden.md") }
            .sorted()
            .map { "lessons/" + $0 }
    }

    @Test func theCourseHasItsSixLessons() throws {
        let files = try Self.lessonFiles()
        #expect(files.count >= 6, "lessons/ holds \(files)")
        for number in 1...6 {
            #expect(files.contains { $0.hasPrefix(String(format: "lessons/%02d-", number)) }, "no lesson \(number) in \(files)")
        }
    }

    @Test(arguments: try lessonFiles())
    func theLessonRunsToItsEnd(_ lesson: String) throws {
        let home = try TestHome()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("reslab"))
        process.arguments = ["run", lesson]
        process.environment = home.environment()
        process.currentDirectoryURL = Self.repositoryRoot
        let outputFile = home.path("stdout"), errorFile = home.path("stderr")
        _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        try process.run()
        process.waitUntilExit()
        let output = try String(contentsOfFile: outputFile, encoding: .utf8)
        let errors = try String(contentsOfFile: errorFile, encoding: .utf8)
        #expect(process.terminationStatus == 0, "reslab run \(lesson) failed:\n\(errors)\n--- output (end) ---\n\(output.suffix(2000))")
        // The summary line `reslab run` prints after the last cell: the run reached the end.
        #expect(output.contains("✔ "), "no summary line in the output of \(lesson)")
    }
}
