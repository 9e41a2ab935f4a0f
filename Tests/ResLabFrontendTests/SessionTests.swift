import ResLab
import Foundation
import Synchronization
import Testing

/// Sessions as a notebook and the REPL use them: globals that persist, cells run again, echo,
/// output capture, what a cell defines and uses, limits and cancellation.
@Suite struct SessionTests {
    @Test func globalsPersistAcrossSnippets() {
        let session = ScriptSession(registry: TestNatives.registry())
        #expect(session.run("var total = 1\nfunc add(_ x: Int) { total += x }").succeeded)
        #expect(session.run("add(41)").succeeded)
        #expect(session.run("print(total)").output == "42\n")
    }

    @Test func rerunningACellRedeclaresItsLet() {
        let session = ScriptSession()
        #expect(session.run("let rate = 0.1", file: "cell 1").succeeded)
        let again = session.run("let rate = 0.2", file: "cell 1")
        #expect(again.succeeded)
        #expect(session.value(of: "rate").map { "\($0)" } == "0.2")
        // Within one snippet a redeclaration is still an error.
        let twice = session.run("let a = 1\nlet a = 2")
        #expect(twice.errors.map(\.message) == ["invalid redeclaration of 'a'"])
    }

    @Test func finalExpressionIsEchoedWithItsType() {
        let session = ScriptSession(registry: TestNatives.registry())
        #expect(session.run("let xs = [1.0, 2.5]\nxs").echo == "[Double] = [1.0, 2.5]")
        #expect(session.run("\"hi\"").echo == "String = \"hi\"")
        #expect(session.run("Vec2(x: 1, y: 2)").echo == "Vec2 = (1.0, 2.0)")
        #expect(session.run("print(1)").value == nil)
        #expect(session.run("let y = 3").value == nil)
    }

    @Test func outputIsCapturedPerSnippetAndStreamed() {
        final class Pieces: @unchecked Sendable { var all: [String] = [] }
        let pieces = Pieces()
        let session = ScriptSession(registry: TestNatives.registry(), outputSink: { pieces.all.append($0) })
        let first = session.run("print(\"a\")\nsay(\"b\")")
        let second = session.run("print(2, terminator: \"\")")
        #expect(first.output == "a\nsaid: b\n")
        #expect(second.output == "2")
        #expect(pieces.all == ["a\n", "said: b\n", "2"])
    }

    @Test func analysisTellsDefinitionsUsesAndMutations() {
        let session = ScriptSession()
        _ = session.run("var count = 0\nlet step = 2\nfunc bump() { count += step }")
        let (errors, analysis) = session.analyze("let doubled = step * 2\ncount += 1\nlet local = doubled + 1\nbump()")
        #expect(errors.isEmpty)
        #expect(analysis.defines == ["doubled", "local"])
        #expect(analysis.uses == ["step", "count", "bump"])
        #expect(analysis.mutates == ["count"])
    }

    @Test func errorsKeepEarlierOutputAndTheSessionGoesOn() {
        let session = ScriptSession()
        let failed = session.run("var n = 1\nprint(n)\nn = n / 0")
        #expect(failed.output == "1\n")
        #expect(failed.errors.first?.headline == "<input>:3:7: error: division by zero")
        #expect(session.run("print(n + 1)").output == "2\n")
    }

    @Test func renderedErrorShowsLineCaretAndHint() {
        let session = ScriptSession()
        let result = session.run("let count = 3\nprint(cout)", file: "cell.swift")
        #expect(result.errors.rendered == """
            cell.swift:2:7: error: cannot find 'cout' in scope
            print(cout)
                  ^
            hint: did you mean 'count'?
            """)
    }

    @Test func deepRecursionStopsAtTheDepthLimitWithoutCrashing() {
        let session = ScriptSession(limits: ExecutionLimits(maxSteps: 10_000_000, maxCallDepth: 2_000))
        let result = session.run("func f(_ n: Int) -> Int { n == 0 ? 0 : 1 + f(n - 1) }\nprint(f(1_000))\nprint(f(1_000_000))")
        #expect(result.output == "1000\n")
        #expect(result.errors.first?.kind == .limit(.callDepth))
        #expect(result.errors.first?.frames.count == 2_001)
    }

    @Test func aHostRaisingTheDepthLimitFarStillGetsAnErrorNotACrash() {
        let session = ScriptSession(limits: ExecutionLimits(maxSteps: .max, maxCallDepth: 10_000_000))
        let result = session.run("func down(_ n: Int) -> Int { 1 + down(n + 1) }\nprint(down(0))")
        #expect(result.errors.first?.kind == .limit(.callDepth))
        #expect(result.errors.first?.message.hasPrefix("too many nested calls: the interpreter's stack is full after") == true)
    }

    @Test func timeBudgetStopsAnEndlessLoop() {
        let session = ScriptSession(limits: ExecutionLimits(maxSteps: .max, maxSeconds: 0.2))
        let result = session.run("var i = 0\nwhile true { i += 1 }")
        #expect(result.errors.first?.kind == .limit(.time))
        #expect(result.errors.first?.message == "execution stopped after 0.2 s (the time budget)")
    }

    @Test func hostHintsSayHowToRaiseALimit() {
        let limits = ExecutionLimits(maxSteps: 100, howToRaise: [.steps: "type ':limit steps 1000000' to raise it"])
        let result = ScriptSession(limits: limits).run("while true {}")
        #expect(result.errors.first?.hint == "type ':limit steps 1000000' to raise it")
    }

    @Test func cancellationInterruptsPromptly() {
        let registry = TestNatives.registry()
        let session = ScriptSession(registry: registry, limits: ExecutionLimits(maxSteps: .max, maxSeconds: 60))
        // A native that raises the flag as Ctrl-C would, from another thread, once the loop runs.
        registry.function("pressControlC", []) { _, context in
            let flag = context.cancellation
            Thread.detachNewThread { flag.cancel() }
            return .void
        }
        let result = session.run("pressControlC()\nvar i = 0\nwhile true { i += 1 }")
        #expect(result.errors.first?.kind == .interrupted)
        #expect(result.errors.first?.message == "interrupted")
        // The next run starts with the flag cleared.
        #expect(session.run("print(1)").output == "1\n")
    }
}
