import ResLab
import Testing

@Suite struct CompletenessTests {
    @Test(arguments: [
        ("let x = 1", Completeness.complete),
        ("print(x)\n", .complete),
        ("func f() {", .incomplete),
        ("for i in 0..<3 {\n  print(i)", .incomplete),
        ("let y = 1 +", .incomplete),
        ("let xs = [1, 2,", .incomplete),
        ("let s = \"\"\"\nabc", .incomplete),
        ("print(\"abc", .invalid),
        ("let = 5", .invalid),
        ("}", .invalid),
        ("let x = 1 }", .invalid),
    ])
    func completeness(_ text: String, _ expected: Completeness) {
        #expect(ScriptFrontend.completeness(of: text) == expected)
    }
}

@Suite struct CompletionTests {
    let session: ScriptSession = {
        let session = ScriptSession(registry: TestNatives.registry())
        _ = session.run("let velocity = Vec2(x: 1, y: 2)\nvar values = [1, 2]\nfunc volume(side: Double) -> Double { side * side * side }")
        return session
    }()

    @Test func namesInScope() {
        let names = session.completions(for: "print(v").map(\.text)
        #expect(names.contains("velocity"))
        #expect(names.contains("values"))
        #expect(names.contains("volume"))
        #expect(names.contains("var"))
        #expect(!names.contains("print"))
    }

    @Test func membersOfAValueAfterADot() {
        #expect(session.completions(for: "velocity.").map(\.text) == ["describe", "dot", "length", "normalize", "scaled", "x", "y"])
        #expect(session.completions(for: "values.co").map(\.text) == ["compactMap", "contains", "count"])
        #expect(session.completions(for: "Vec2(x: 1, y: 2).sc").map(\.text) == ["scaled"])
    }

    @Test func staticMembersOfATypeAndOfTheExpectedParameterType() {
        #expect(session.completions(for: "Vec2.").map(\.text) == ["zero", "unit"])
        #expect(session.completions(for: "velocity.length(norm: .").map(\.text) == ["l1", "l2"])
    }

    @Test func argumentLabelsOfTheCallee() {
        let labels = session.completions(for: "Vec2(").filter { $0.kind == .argumentLabel }.map(\.text)
        #expect(labels == ["x: ", "y: ", "repeating: "])
        #expect(session.completions(for: "volume(s").first?.text == "side: ")
        #expect(session.completions(for: "velocity.length(").first?.text == "norm: ")
    }
}
