import Foundation
import GoldenScriptSupport
import ResLab
import Testing

/// Runs every script in `Scripts/` against the test natives and compares what it prints and the
/// errors it reports with the `// expect…` comments it carries (see `GoldenScript`).
@Suite struct GoldenScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    static var scripts: [String] { GoldenScript.scripts(in: folder) }

    @Test("golden scripts", arguments: scripts)
    func script(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expected = GoldenScript(expectationsIn: text)
        let session = ScriptSession(registry: TestNatives.registry(), limits: expected.limits)
        let result = session.run(text, file: name)
        let outcome = GoldenScript.Outcome(result, file: name)
        #expect(outcome.output == expected.output, "output of \(name)")
        #expect(outcome.errors == expected.errors, "errors of \(name):\n\(result.errors.rendered)")
        #expect(outcome.malformedHeadlines.isEmpty)
        if !expected.hints.isEmpty {
            #expect(outcome.hints == expected.hints, "hints of \(name)")
        }
        if !expected.frames.isEmpty {
            #expect(outcome.frames == expected.frames, "frames of \(name)")
        }
    }

    @Test func thereAreScripts() {
        #expect(Self.scripts.count >= 10)
    }
}
