import Testing
@testable import ReslabLineEditor

/// A line source that replays scripted results and records the prompts it was asked to show.
private final class ScriptedSource: LineSource {
    var results: [LineReadResult]
    var requests: [(prompt: String, initialText: String)] = []

    init(_ results: [LineReadResult]) {
        self.results = results
    }

    func readLine(prompt: String, initialText: String) -> LineReadResult {
        requests.append((prompt, initialText))
        return results.isEmpty ? .endOfInput : results.removeFirst()
    }

    func setHistory(_ entries: [String]) {}
    func write(_ text: String) {}
}

/// Incomplete while braces are open (indent 2 per level); invalid on an unmatched `}`.
private func braces(_ text: String) -> Completeness {
    var depth = 0
    for character in text {
        if character == "{" { depth += 1 }
        if character == "}" { depth -= 1; if depth < 0 { return .invalid } }
    }
    return depth == 0 ? .complete : .incomplete(indent: 2 * depth)
}

@Suite struct EntryAssemblerTests {
    let assembler = EntryAssembler(primaryPrompt: "> ", continuationPrompt: ". ", completeness: braces)

    @Test func continuesWithTheIndentationAskedForUntilComplete() {
        let source = ScriptedSource([.line("f {"), .line("  g {"), .line("    }"), .line("  }"), .line("next")])
        #expect(assembler.readEntry(from: source) == "f {\n  g {\n    }\n  }")
        #expect(source.requests.map(\.prompt) == ["> ", ". ", ". ", ". "])
        #expect(source.requests.map(\.initialText) == ["", "  ", "    ", "  "])
        #expect(assembler.readEntry(from: source) == "next")
    }

    @Test func invalidTextIsHandedOverAtOnce() {
        let source = ScriptedSource([.line("}")])
        #expect(assembler.readEntry(from: source) == "}")
    }

    @Test func blankFirstLinesAreSkipped() {
        let source = ScriptedSource([.line(""), .line("   "), .line("a")])
        #expect(assembler.readEntry(from: source) == "a")
        #expect(source.requests.map(\.prompt) == ["> ", "> ", "> "])
    }

    @Test func interruptAbandonsTheWholeEntry() {
        let source = ScriptedSource([.line("f {"), .interrupted, .line("b")])
        #expect(assembler.readEntry(from: source) == "b")
        #expect(source.requests.map(\.prompt) == ["> ", ". ", "> "])
    }

    @Test func endOfInputHandsOverThePartialEntryThenEnds() {
        let source = ScriptedSource([.line("f {"), .endOfInput])
        #expect(assembler.readEntry(from: source) == "f {")
        #expect(assembler.readEntry(from: source) == nil)
    }
}
