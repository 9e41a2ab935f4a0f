import Foundation
import Testing
@testable import ResLabNN

@Suite struct AtomicFileTests {
    @Test func writesAndReplacesLeavingNoTemporaryFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("weights.bin")
        try AtomicFile.write([1, 2, 3], to: url)
        #expect(try DataFile.readBytes(url) == [1, 2, 3])
        try AtomicFile.write(Data([9]), to: url)
        #expect(try DataFile.readBytes(url) == [9])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["weights.bin"])
    }

    @Test func newFileHasTheUsualPermissions() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.npy")
        try AtomicFile.write([], to: url)
        // Read the process's umask from /proc rather than setting it, which would race other tests.
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        let mask = try #require(line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) })
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o666 & ~mask)
    }

    @Test func failedWriteLeavesTheOldFileAndNothingElse() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the file should go: the rename fails after the data was written.
        let blocked = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let error = #expect(throws: DataError.self) { try AtomicFile.write([1], to: blocked) }
        #expect(error?.description.hasPrefix("taken: cannot be written:") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])

        let missing = folder.appendingPathComponent("no/such/folder/x.safetensors")
        #expect(throws: DataError.cannotWrite(file: "x.safetensors", reason: "No such file or directory")) {
            try AtomicFile.write([1], to: missing)
        }
    }
}
