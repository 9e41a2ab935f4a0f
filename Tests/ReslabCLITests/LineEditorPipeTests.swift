import Foundation
import Testing

/// The LineEditor without a terminal: lines from a pipe, same multi-line rules, plain output.
@Suite("LineEditor reading a pipe")
struct LineEditorPipeTests {
    /// Runs the probe with `input` on its standard input; returns what it wrote.
    private func runProbe(input: String, arguments: [String] = []) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("LineEditorProbe"))
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: output, as: UTF8.self), process.terminationStatus)
    }

    @Test func pipedLinesFollowTheSameMultiLineRulesWithoutPromptsOrEscapes() throws {
        let home = try TestHome()
        let historyFile = home.path("history")
        let result = try runProbe(input: "func f() {\n  return 1\n}\n\n:reset\nyes\nx.sh\r\nsum(\n", arguments: [historyFile])
        #expect(result.status == 0)
        #expect(result.output == """
            entry: "func f() {\\n  return 1\\n}"
            Reset the exercise? [y/N] yes
            reset confirmed
            entry: "x.sh"
            entry: "sum("
            bye

            """)
        // Scripts do not go into the learner's history.
        #expect(!FileManager.default.fileExists(atPath: historyFile))
    }

    @Test func endOfInputDeclinesAConfirmation() throws {
        let result = try runProbe(input: ":reset\n")
        #expect(result.output == "Reset the exercise? [y/N] \nreset declined\nbye\n")
    }
}
