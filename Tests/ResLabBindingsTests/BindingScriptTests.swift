import Foundation
import GoldenScriptSupport
import ResLab
import Testing

extension StandardHostTests {
    /// Runs every script in `Scripts/` with the standard host (the engine, layers, models, data and
    /// plots plugins) and compares its output and errors with its `// expect…` comments.
    /// Each script starts from fresh layer-name counters (`clearSession()`).
    @Suite struct BindingScriptTests {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

        static var scripts: [String] { GoldenScript.scripts(in: folder) }

        @Test("golden scripts", arguments: scripts)
        func script(_ name: String) throws {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let expected = GoldenScript(expectationsIn: text)
            clearSession()
            let session = ScriptSession(registry: try makeStandardHost().registry, limits: expected.limits)
            let result = session.run(text, file: name)
            let outcome = GoldenScript.Outcome(result, file: name)
            #expect(outcome.output == expected.output, "output of \(name)")
            #expect(outcome.errors == expected.errors, "errors of \(name):\n\(result.errors.rendered)")
            #expect(outcome.malformedHeadlines.isEmpty)
            if !expected.hints.isEmpty {
                #expect(outcome.hints == expected.hints, "hints of \(name)")
            }
        }

        @Test func thereAreScripts() {
            #expect(Self.scripts.count >= 10)
        }
    }
}
