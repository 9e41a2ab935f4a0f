import Foundation
import Testing

/// The real `reslab` REPL on a pseudo-terminal, typed at as a learner would. Assertions are on
/// what reslab printed (control sequences stripped), never on how readline redrew the line.
@Suite("REPL in a pseudo-terminal")
struct REPLTerminalTests {
    let home: TestHome

    init() throws {
        home = try TestHome()
        try REPLFixtures.install(in: home)
    }

    private func start(_ arguments: [String] = ["fixture"]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: try BuiltProducts.executable("reslab"), arguments: arguments,
                                          environment: home.environment(["RESLAB_LESSONS": home.path("lessons")]))
        return terminal
    }

    /// Waits for the prompt, presses Ctrl-D, and expects a clean exit that saved the place.
    private func leave(_ terminal: PseudoTerminal, prompt: String) throws {
        try terminal.expect(prompt)
        try terminal.send(.controlD)
        try terminal.expect("Saved your place")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func tabCompletesCommandsNamesAndMembers() throws {
        let terminal = try start()
        try terminal.expect("fixture:1> ")
        try terminal.send(":ne", .tab, .enter)
        try terminal.expect("── cell 2 of 5")
        try terminal.expect("[2] Double = 1.0")
        try terminal.expect("fixture:2> ")
        try terminal.send("doub", .tab, .enter)
        try terminal.expect("[3] Double = 1.0")
        try terminal.expect("fixture:2> ")
        // Members after a dot, from the engine's Tensor.
        try terminal.send("let t = Tensor(zeros: [2, 3])", .enter)
        try terminal.expect("fixture:2> ")
        try terminal.send("t.sha", .tab, .enter)
        try terminal.expect("[5] [Int] = [2, 3]")
        try leave(terminal, prompt: "fixture:2> ")
    }

    @Test func theUpArrowBringsBackEntriesFromTheRunBefore() throws {
        let first = try start()
        try first.expect("fixture:1> ")
        try first.send("rate * 4", .enter)
        try first.expect("[2] Double = 2.0")
        try leave(first, prompt: "fixture:1> ")

        let second = try start()
        try second.expect("fixture:1> ")
        try second.send(.up, .enter)
        try second.expect("[2] Double = 2.0")
        try leave(second, prompt: "fixture:1> ")
    }

    @Test func aFunctionDefinitionContinuesOverSeveralLines() throws {
        let terminal = try start()
        try terminal.expect("fixture:1> ")
        try terminal.send("func triple(_ x: Int) -> Int {", .enter)
        try terminal.expect("...> ")
        // The continuation line starts indented; the closing brace goes after that indentation.
        try terminal.send("return x * 3", .enter)
        try terminal.expect("...> ")
        try terminal.send("}", .enter)
        try terminal.expect("fixture:1> ")
        try terminal.send("triple(14)", .enter)
        try terminal.expect("[3] Int = 42")
        try leave(terminal, prompt: "fixture:1> ")
    }

    @Test func nextWalksThroughTheLessonToItsEnd() throws {
        let terminal = try start()
        try terminal.expect("Some prose before the first cell.")
        try terminal.expect("rate is 0.5")
        try terminal.expect("fixture:1> ")
        try terminal.send(":next", .enter)
        try terminal.expect("Prose before cell two.")
        try terminal.expect("[2] Double = 1.0")
        try terminal.expect("fixture:2> ")
        try terminal.send(":next", .enter)
        try terminal.expect("exercise twice")
        try terminal.expect("fixture:3> ")
        // The test cell is not a stop; the optional cell is shown, not run.
        try terminal.send(":next", .enter)
        try terminal.expect("a test for `twice`; :check runs it")
        try terminal.expect("Optional cell (it may take a while): :run runs it.")
        try terminal.expect("fixture:5> ")
        try terminal.send(":next", .enter)
        try terminal.expect("Closing prose.")
        try terminal.expect("End of the lesson.")
        try terminal.expect("fixture:5> ")
        try terminal.send(":prev", .enter)
        try terminal.expect("(ran earlier as [3])")
        try leave(terminal, prompt: "fixture:3> ")
    }

    @Test func controlCStopsAnEndlessLoopAndKeepsTheSession() throws {
        let terminal = try start()
        try terminal.expect("fixture:1> ")
        // The loop prints after its first iteration, so the test presses Ctrl-C only once the loop
        // is running (spins ≥ 1 however loaded the machine); the printed word is built from two
        // halves so that the echo of the typed line cannot match it.
        try terminal.send("var spins = 0; while true { spins += 1; if spins == 1 { print(\"spin\" + \"ning\") } }", .enter)
        try terminal.expect("spinning")
        try terminal.send(.controlC)
        try terminal.expect("[2] interrupted at [2]:1:")
        try terminal.expect("the session goes on")
        try terminal.expect("fixture:1> ")
        try terminal.send("spins > 0", .enter)
        try terminal.expect("[3] Bool = true")
        try terminal.send("rate", .enter)
        try terminal.expect("[4] Double = 0.5")
        try leave(terminal, prompt: "fixture:1> ")
    }

    @Test func aSecondRunResumesWhereTheLearnerStopped() throws {
        let first = try start()
        try first.expect("fixture:1> ")
        try first.send(":next", .enter)
        try first.expect("fixture:2> ")
        try first.send(":next", .enter)
        try first.expect("fixture:3> ")
        try first.send(":quit", .enter)
        try first.expect("Saved your place: fixture, cell 3.")
        #expect(try first.waitForExit() == .exited(0))

        // `reslab` alone opens the lesson the learner was in, at their cell, with the earlier cells run.
        let second = try start([])
        try second.expect("Resuming at cell 3")
        try second.expect("Running cells 1, 2 first")
        try second.expect("fixture:3> ")
        try second.send("doubled", .enter)
        try second.expect("[4] Double = 1.0")
        try leave(second, prompt: "fixture:3> ")
    }

    @Test func varsListsTheSessionsNames() throws {
        let terminal = try start()
        try terminal.expect("fixture:1> ")
        try terminal.send(":vars", .enter)
        try terminal.expect("name      type    shape  value")
        try terminal.expect("var rate  Double         0.5")
        try leave(terminal, prompt: "fixture:1> ")
    }
}
