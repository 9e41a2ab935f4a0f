import Foundation
import ResLab
import Testing

/// Runs every script in `Scripts/` and compares what it prints and the errors it reports with the
/// `// expect…` comments it carries (the jlox way: the expectations sit beside the code):
///
/// - `// expect: text` — the next line of output;
/// - `// expect error: line:col: message` — the next error, checked as `file:line:col: error: message`;
/// - `// expect hint: text` — the next error's hint, in order (only checked when present);
/// - `// expect frame: line:col in function` — the next frame of the runtime error's call chain;
/// - `// limit steps: N` / `// limit depth: N` — a smaller budget for this script.
@Suite struct GoldenScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
    }

    struct Expectations {
        var output: [String] = []
        var errors: [String] = []
        var hints: [String] = []
        var frames: [String] = []
        var limits = ExecutionLimits(maxSteps: 1_000_000, maxCallDepth: 200, maxSeconds: 30)
    }

    static func expectations(in text: String) -> Expectations {
        var result = Expectations()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let range = line.range(of: "// ") else { continue }
            let comment = line[range.upperBound...]
            func value(after prefix: String) -> String? {
                comment.hasPrefix(prefix) ? String(comment.dropFirst(prefix.count)) : nil
            }
            if let text = value(after: "expect: ") { result.output.append(text) }
            if comment == "expect:" { result.output.append("") }
            if let text = value(after: "expect error: ") { result.errors.append(text) }
            if let text = value(after: "expect hint: ") { result.hints.append(text) }
            if let text = value(after: "expect frame: ") { result.frames.append(text) }
            if let text = value(after: "limit steps: "), let steps = Int(text) { result.limits.maxSteps = steps }
            if let text = value(after: "limit depth: "), let depth = Int(text) { result.limits.maxCallDepth = depth }
        }
        return result
    }

    @Test("golden scripts", arguments: scripts)
    func script(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expected = Self.expectations(in: text)
        let session = ScriptSession(registry: TestNatives.registry(), limits: expected.limits)
        let result = session.run(text, file: name)
        // Trailing spaces are dropped: an `// expect:` comment cannot show them.
        var output = result.output.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        if output.last == "" { output.removeLast() }
        #expect(output == expected.output, "output of \(name)")
        let errors = result.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(errors == expected.errors, "errors of \(name):\n\(result.errors.rendered)")
        for error in result.errors {
            #expect(error.headline == "\(name):\(error.location.line):\(error.location.column): error: \(error.message)")
        }
        if !expected.hints.isEmpty {
            #expect(result.errors.compactMap(\.hint) == expected.hints, "hints of \(name)")
        }
        if !expected.frames.isEmpty {
            let frames = result.errors.flatMap(\.frames).map { "\($0.location.line):\($0.location.column) in \($0.function)" }
            #expect(frames == expected.frames, "frames of \(name)")
        }
    }

    @Test func thereAreScripts() {
        #expect(Self.scripts.count >= 10)
    }
}
