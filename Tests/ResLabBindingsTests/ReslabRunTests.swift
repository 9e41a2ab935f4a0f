import Foundation
import Testing

/// The real `reslab run` binary on the issue's "Must run" program, and on a failing script.
@Suite struct ReslabRunTests {
    static let mustRun = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustRun")

    /// Runs `reslab ARGUMENTS` and returns its exit status, standard output and standard error.
    static func reslab(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        // SwiftPM builds the executable beside the test binary (this target depends on it).
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let process = Process()
        process.executableURL = folder.appendingPathComponent("reslab")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func mustRunProgramPrintsWhatSwiftWould() throws {
        let run = try Self.reslab(["run", Self.mustRun.appendingPathComponent("example.swift").path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.isEmpty)
        // example.expected is written by make_expected.py (NumPy): the two scalars arrays, true,
        // the block's output shape, then the summary's parameter counts.
        let expected = try String(contentsOf: Self.mustRun.appendingPathComponent("example.expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        #expect(Array(lines.prefix(4)) == Array(expected.prefix(4)))
        let summary = Array(lines.dropFirst(4))
        #expect(summary.first == "Model: \"model\"")
        #expect(summary.contains { $0.hasPrefix("Layer (type)") && $0.contains("Output Shape") && $0.contains("Param #") })
        for line in expected.dropFirst(4) { #expect(summary.contains(line), "summary lacks \(line)") }
        // input, 3 × (conv, batch norm, activation), add, flatten, dense.
        #expect(summary.filter { $0.contains(" (") && $0.contains(")") && !$0.hasPrefix("Layer") }.count == 13)
    }

    @Test func firstErrorEndsTheRunWithItsLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reslab-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("shortcut.swift")
        try """
            print("before")
            let z2 = Tensor([[0.675], [0.065]])
            let aL = Tensor([[1.0], [-2.0], [0.5]])
            print(relu(z2 + aL))
            print("after")

            """.write(to: script, atomically: true, encoding: .utf8)
        let run = try Self.reslab(["run", script.path])
        #expect(run.status == 1)
        #expect(run.output == "before\n")
        #expect(run.errors.hasPrefix("\(script.path):4:15: error: add: cannot broadcast shapes [2, 1] and [3, 1]\n"))
        #expect(run.errors.contains("hint: a shortcut must match the main path's shape"))
    }

    @Test func refusesOtherFileKinds() throws {
        let run = try Self.reslab(["run", "notes.txt"])
        #expect(run.status != 0)
        #expect(run.errors.contains(".swift"))
    }
}
