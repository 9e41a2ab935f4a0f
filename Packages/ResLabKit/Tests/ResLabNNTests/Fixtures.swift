import Foundation
@testable import ResLabNN

/// Paths of the files the data and checkpoint tests read, found from this source file's location
/// so that the tests run from any working directory.
enum Fixtures {
    /// `Tests/ResLabNNTests/Fixtures`, where `make_fixtures.py` writes.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fixture by its path inside `Fixtures/`.
    static func url(_ relativePath: String) -> URL { folder.appendingPathComponent(relativePath) }

    /// A fixture's bytes.
    static func bytes(_ relativePath: String) throws -> [UInt8] { try DataFile.readBytes(url(relativePath)) }

    /// The course's SIGNS test file in the shared folder beside the repository
    /// (`<repo>/Packages/ResLabKit/Tests/ResLabNNTests/` → `<repo>/../shared/datasets/signs/`).
    static let signsTestFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/datasets/signs/test_signs.h5")

    /// A new empty folder for a test's files; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reslab-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
