import Foundation
import Testing

/// `Examples/ResidualBlock`, a Swift program using the library, built as its own package and run.
@Suite("Example programs", .serialized)
struct ExampleProgramTests {
    @Test func residualBlockExampleBuildsRunsAndTrains() throws {
        try ExamplePlugins.buildPackage("ResidualBlock")
        let process = Process()
        process.executableURL = ExamplePlugins.scratch.appendingPathComponent("debug/ResidualBlock")
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // The lecture's numbers, as `Tests/ResLabBindingsTests/MustRun/make_expected.py` computes them.
        #expect(output.contains("plain    a[l+2] = [0.675, 0.065, 0.37]"))
        #expect(output.contains("residual a[l+2] = [1.675, 0.0, 0.87]"))
        #expect(output.contains("Total params: 3,846"))
        let lossLine = try #require(output.split(separator: "\n").first { $0.hasPrefix("training loss per epoch:") })
        let losses = lossLine.drop { $0 != "[" }.dropFirst().dropLast().split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        #expect(losses.count == 3)
        let first = try #require(losses.first), last = try #require(losses.last)
        #expect(last < first)
    }
}
