import Foundation
import ResLab
import Testing

/// Thousands of broken programs derived from the golden scripts (tokens and lines deleted,
/// duplicated, swapped, random tokens inserted), each run under a small budget: errors are
/// expected, crashes and hangs never. A crash would end the test process; a hang would exceed the
/// time budget, which every run also checks.
@Suite struct MutationFuzzTests {
    /// SplitMix64: a small seeded generator, so a failure can be reproduced from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let insertions = ["{", "}", "(", ")", "[", "]", ",", ".", ":", "=", "+", "-", "*", "/", "%", "!", "?", "??",
                             "0", "-1", "2.5", "\"", "\"\\(", "let", "var", "func", "return", "for", "in", "while", "if",
                             "else", "guard", "break", "continue", "x", "$0", "nil", ".l1", "..<", "...", "&+", "/*", "*/",
                             "Int.max", "Vec2(x: 1, y: 2)", "[]", "[:]", "{ $0 }", "f(", "\n", "print(", "repeat"]

    /// Splits into mutation units: runs of identifier characters, and single other characters.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(character))
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func mutate(_ text: String, using random: inout SplitMix) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var tokens = tokens(text)
        let count = Int.random(in: 1...3, using: &random)
        var mutateLines = Bool.random(using: &random)
        for _ in 0..<count {
            if mutateLines, lines.count > 1 {
                let i = Int.random(in: 0..<lines.count, using: &random)
                let j = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: j)
                default: lines.swapAt(i, j)
                }
            } else if !tokens.isEmpty {
                mutateLines = false
                let i = Int.random(in: 0..<tokens.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: tokens.remove(at: i)
                case 1: tokens.insert(tokens[i], at: Int.random(in: 0...tokens.count, using: &random))
                case 2: tokens.swapAt(i, min(i + 1, tokens.count - 1))
                default: tokens.insert(insertions.randomElement(using: &random) ?? "x", at: i)
                }
            }
        }
        return mutateLines ? lines.joined(separator: "\n") : tokens.joined()
    }

    /// 2,000 by default; `RESLAB_FUZZ_ROUNDS` and `RESLAB_FUZZ_SEED` set a longer or another run.
    static let rounds = ProcessInfo.processInfo.environment["RESLAB_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 2_000
    static let seed = ProcessInfo.processInfo.environment["RESLAB_FUZZ_SEED"].flatMap { UInt64($0) } ?? 2026

    @Test func mutatedScriptsGiveErrorsNeverCrashesOrHangs() throws {
        let sources = try GoldenScriptTests.scripts.map {
            try String(contentsOf: GoldenScriptTests.folder.appendingPathComponent($0), encoding: .utf8)
        }
        var random = SplitMix(state: Self.seed)
        let registry = TestNatives.registry()
        let limits = ExecutionLimits(maxSteps: 20_000, maxCallDepth: 100, maxSeconds: 5)
        var ran = 0
        var failed = 0
        for round in 0..<Self.rounds {
            guard let original = sources.randomElement(using: &random) else { continue }
            // A window of a few lines: short inputs keep the debug-built parser fast.
            let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
            let start = Int.random(in: 0..<lines.count, using: &random)
            let window = lines[start..<min(lines.count, start + Int.random(in: 3...12, using: &random))].joined(separator: "\n")
            let text = Self.mutate(window, using: &random)
            let session = ScriptSession(registry: registry, limits: limits)
            let result = session.run(text, file: "fuzz-\(round).swift")
            ran += 1
            if !result.succeeded { failed += 1 }
            for error in result.errors {
                #expect(error.location.line >= 1 && error.location.line <= text.split(separator: "\n", omittingEmptySubsequences: false).count + 1,
                        "round \(round): \(error.headline)")
                #expect(!error.rendered.isEmpty)
            }
            if round % 5 == 0 { _ = ScriptFrontend.completeness(of: text) }
            _ = session.completions(for: String(text.prefix(Int.random(in: 0...text.count, using: &random))))
        }
        #expect(ran == Self.rounds)
        // Most mutants are broken; a mutation test that breaks nothing tests nothing.
        #expect(failed > ran / 2)
    }
}
