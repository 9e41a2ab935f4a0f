import Foundation
import ResLabScript

/// A golden lesson-language script and what its `// expect…` comments say it does (the jlox way:
/// the expectations sit beside the code), shared by the golden-script tests of the front end and
/// of the engine bindings:
///
/// - `// expect: text` — the next line of output (`// expect:` alone: an empty line);
/// - `// expect error: line:col: message` — the next error, checked as `file:line:col: error: message`;
/// - `// expect hint: text` — the next error's hint, in order (only checked when present);
/// - `// expect frame: line:col in function` — the next frame of the runtime error's call chain;
/// - `// limit steps: N` / `// limit depth: N` — a smaller budget for this script.
public struct GoldenScript {
    public var output: [String] = []
    public var errors: [String] = []
    public var hints: [String] = []
    public var frames: [String] = []
    public var limits = ExecutionLimits(maxSteps: 1_000_000, maxCallDepth: 200, maxSeconds: 30)

    /// The `.swift` files in `folder`, sorted.
    public static func scripts(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
    }

    /// The expectations written in a script's comments.
    public init(expectationsIn text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let range = line.range(of: "// ") else { continue }
            let comment = line[range.upperBound...]
            func value(after prefix: String) -> String? {
                comment.hasPrefix(prefix) ? String(comment.dropFirst(prefix.count)) : nil
            }
            if let text = value(after: "expect: ") { output.append(text) }
            if comment == "expect:" { output.append("") }
            if let text = value(after: "expect error: ") { errors.append(text) }
            if let text = value(after: "expect hint: ") { hints.append(text) }
            if let text = value(after: "expect frame: ") { frames.append(text) }
            if let text = value(after: "limit steps: "), let steps = Int(text) { limits.maxSteps = steps }
            if let text = value(after: "limit depth: "), let depth = Int(text) { limits.maxCallDepth = depth }
        }
    }

    /// What a run produced, in the form the expectations are written in.
    public struct Outcome: Equatable {
        public var output: [String]
        public var errors: [String]
        public var hints: [String]
        public var frames: [String]
        /// Each error's headline that does not read `file:line:col: error: message`.
        public var malformedHeadlines: [String]

        /// Output lines without trailing spaces (an `// expect:` comment cannot show them) and
        /// without the empty line after the final newline.
        public init(_ result: ExecutionResult, file: String) {
            var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0 == " " }.reversed())
            }
            if lines.last == "" { lines.removeLast() }
            output = lines
            errors = result.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
            hints = result.errors.compactMap(\.hint)
            frames = result.errors.flatMap(\.frames).map { "\($0.location.line):\($0.location.column) in \($0.function)" }
            malformedHeadlines = result.errors.filter {
                $0.headline != "\(file):\($0.location.line):\($0.location.column): error: \($0.message)"
            }.map(\.headline)
        }
    }
}
