import Foundation
import Testing

/// The LineEditor in a real pseudo-terminal, through `LineEditorProbe` (see its header for what it
/// does with each entry). Every assertion is on text the probe printed, so none depends on how
/// readline chose to redraw the line.
@Suite("LineEditor in a pseudo-terminal")
struct LineEditorTerminalTests {
    let home: TestHome

    init() throws {
        home = try TestHome()
    }

    private func startProbe(_ arguments: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: try BuiltProducts.executable("LineEditorProbe"),
                                          arguments: arguments, environment: home.environment())
        try terminal.expect("probe> ")
        return terminal
    }

    /// Waits for the next prompt, then presses Ctrl-D (before the prompt the terminal is still in
    /// cooked mode, where Ctrl-D is the kernel's end-of-file, not a key readline sees).
    private func quit(_ terminal: PseudoTerminal) throws {
        try terminal.expect("probe> ")
        try terminal.send(.controlD)
        try terminal.expect("bye")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func tabCompletesMembersArgumentLabelsAndCommands() throws {
        let terminal = try startProbe()
        try terminal.send("x.sh", .tab, .enter)
        try terminal.expect(#"entry: "x.shape""#)
        try terminal.expect("probe> ")
        try terminal.send("Conv2D(fil", .tab)
        try terminal.send("32)", .enter)
        try terminal.expect(#"entry: "Conv2D(filters: 32)""#)
        try terminal.expect("probe> ")
        try terminal.send(":q", .tab, .enter)
        try terminal.expect("bye")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ambiguousCompletionListsTheCandidates() throws {
        let terminal = try startProbe()
        try terminal.send("x.s", .tab)
        let listing = try terminal.expect("sum")
        #expect(listing.contains("scalars"))
        #expect(listing.contains("shape"))
        try terminal.send("um", .enter)
        try terminal.expect(#"entry: "x.sum""#)
        try quit(terminal)
    }

    @Test func historyComesBackWithTheUpArrowInTheNextRun() throws {
        let historyFile = home.path("state/reslab/history")
        let first = try startProbe([historyFile])
        try first.send("let a = 1", .enter)
        try first.expect(#"entry: "let a = 1""#)
        try first.send("func f() {", .enter)
        try first.expect("...> ")
        try first.send("}", .enter)
        try first.expect(#"entry: "func f() {\n    }""#)
        try quit(first)
        #expect(try String(contentsOfFile: historyFile, encoding: .utf8) == "let a = 1\nfunc f() {\\n    }\n")

        let second = try startProbe([historyFile])
        try second.send(.up, .enter)
        try second.expect(#"entry: "func f() {\n    }""#)
        try second.expect("probe> ")
        try second.send(.up, .up, .enter)
        try second.expect(#"entry: "let a = 1""#)
        try quit(second)
        // Both entries were used again: each is kept once, at its latest use.
        #expect(try String(contentsOfFile: historyFile, encoding: .utf8) == "func f() {\\n    }\nlet a = 1\n")
    }

    @Test func theHistoryFileKeepsTheNewestEntriesUpToItsLimit() throws {
        let historyFile = home.path("history")
        let terminal = try startProbe([historyFile, "2"])
        for entry in ["a", "b", "c"] {
            try terminal.send(entry, .enter)
            try terminal.expect("entry: \"\(entry)\"")
        }
        try quit(terminal)
        #expect(try String(contentsOfFile: historyFile, encoding: .utf8) == "b\nc\n")
    }

    @Test func anEntryContinuesWhileIncomplete() throws {
        let terminal = try startProbe()
        try terminal.send("func f() {", .enter)
        try terminal.expect("  ...> ")
        try terminal.send("if x {", .enter)
        try terminal.expect("  ...> ")
        try terminal.send("}", .enter)
        try terminal.expect("  ...> ")
        try terminal.send("}", .enter)
        // The continuation lines start with the indentation the completeness callback asked for.
        try terminal.expect(#"entry: "func f() {\n    if x {\n        }\n    }""#)
        try terminal.send("a)", .enter)
        try terminal.expect(#"entry: "a)""#)
        try quit(terminal)
    }

    @Test func controlCAtThePromptAbandonsTheEntry() throws {
        let terminal = try startProbe()
        try terminal.send("abc")
        try terminal.expect("abc")
        try terminal.send(.controlC)
        try terminal.expect("probe> ")
        try terminal.send("ok", .enter)
        try terminal.expect(#"entry: "ok""#)
        try terminal.send("func g() {", .enter)
        try terminal.expect("  ...> ")
        try terminal.send(.controlC)
        try terminal.expect("probe> ")
        try terminal.send("1", .enter)
        try terminal.expect(#"entry: "1""#)
        try quit(terminal)
    }

    @Test func controlCWhileCodeRunsCallsTheCancelActionAndTheSessionGoesOn() throws {
        let terminal = try startProbe()
        try terminal.send("sleep", .enter)
        try terminal.expect("running")
        try terminal.send(.controlC)
        try terminal.expect("cancelled")
        try terminal.expect("probe> ")
        try terminal.send("ping", .enter)
        try terminal.expect(#"entry: "ping""#)
        try quit(terminal)
    }

    @Test func controlDOnAnEmptyLineEndsTheInput() throws {
        let terminal = try startProbe()
        try terminal.send(.controlD)
        try terminal.expect("bye")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func confirmationTakesYesOrNoAndStaysOutOfTheHistory() throws {
        let historyFile = home.path("history")
        let terminal = try startProbe([historyFile])
        try terminal.send(":reset", .enter)
        try terminal.expect("Reset the exercise? [y/N] ")
        try terminal.send("maybe", .enter)
        try terminal.expect("Please answer y or n.")
        try terminal.send("y", .enter)
        try terminal.expect("reset confirmed")
        try terminal.send(":reset", .enter)
        try terminal.expect("[y/N] ")
        try terminal.send(.enter)
        try terminal.expect("reset declined")
        try quit(terminal)
        #expect(try String(contentsOfFile: historyFile, encoding: .utf8) == ":reset\n")
    }
}
