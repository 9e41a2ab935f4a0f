import ResLab
import Testing

/// Stale cells: a cell that ran before something it depends on was re-run or edited.
@Suite struct SessionStaleTests {
    @Test func rerunningADefiningCellMakesItsUsersStale() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: [
            "let model = 1", "let other = 2", "let doubled = model * 2",
        ]))
        _ = session.runAll(includeOptional: false)
        #expect(session.staleReasons(ofCell: 3).isEmpty)
        try session.run(cell: 2)
        #expect(session.staleReasons(ofCell: 3).isEmpty, "cell 3 does not use what cell 2 defines")
        try session.run(cell: 1)
        #expect(session.state(ofCell: 3) == .stale(executionCount: 3, reasons: [
            .redefined(name: "model", by: .cell(1), executionCount: 5, isDefinition: true),
        ]))
        #expect(session.staleMessage(ofCell: 3) == "cell 3 uses `model`, which cell 1 redefined after cell 3 ran; :run 3 to refresh")
        try session.run(cell: 3)
        #expect(session.state(ofCell: 3) == .ran(executionCount: 6))
    }

    @Test func editingACellMakesItAndItsUsersStaleUntilItRunsAgain() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: [
            "let rate = 0.1", "let step = rate * 10", "let twice = step * 2",
        ]))
        _ = session.runAll(includeOptional: false)
        try session.edit(cell: 1, code: "let rate = 0.2")
        #expect(session.staleReasons(ofCell: 1) == [.edited])
        #expect(session.staleReasons(ofCell: 2) == [.dependencyEdited(name: "rate", cell: 1)])
        #expect(session.staleReasons(ofCell: 3) == [.dependencyStale(name: "step", cell: 2)])
        #expect(try session.dependenciesToRun(beforeCell: 3) == [1, 2])
        #expect(session.staleMessage(ofCell: 3)
                == "cell 3 uses `step` from cell 2, which is stale itself; :run 3 re-runs cells 1, 2 and 3")
        let executions = try session.runWithDependencies(cell: 3)
        #expect(executions.map(\.origin) == [.cell(1), .cell(2), .cell(3)])
        #expect(executions.map(\.code) == ["let rate = 0.2", "let step = rate * 10", "let twice = step * 2"])
        #expect(session.runEntry("twice").outputs == [.text("Double = 4.0")])
        #expect((1...3).allSatisfy { session.staleReasons(ofCell: $0).isEmpty })
        // The transcript carries the edited code, the lesson's code is left out.
        #expect(session.transcript.map(\.source) == ["let rate = 0.2", nil, nil])
        // Editing back to the lesson's code drops the edit.
        try session.edit(cell: 1, code: "let rate = 0.1")
        #expect(session.edits.isEmpty)
    }

    @Test func laterCellsChangingANameInTheLessonsOrderDoNotMakeEarlierOnesStale() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: [
            "var losses = [Double]()", "losses.append(1.0)", "losses.append(2.0)", "losses.count",
        ]))
        _ = session.runAll(includeOptional: false)
        #expect((1...4).allSatisfy { session.staleReasons(ofCell: $0).isEmpty })
        // Running cell 2 again changes what cells 3 and 4 saw.
        try session.run(cell: 2)
        #expect(session.staleReasons(ofCell: 3) == [
            .redefined(name: "losses", by: .cell(2), executionCount: 5, isDefinition: false),
        ])
        #expect(session.staleReasons(ofCell: 4).first == .redefined(name: "losses", by: .cell(2), executionCount: 5, isDefinition: false))
        // Re-declaring the name from the top makes every user stale.
        try session.run(cell: 1)
        #expect(session.staleReasons(ofCell: 2).first == .redefined(name: "losses", by: .cell(1), executionCount: 6, isDefinition: true))
    }

    @Test func changesAtThePromptMakeCellsThatUsedTheNameStale() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["var rate = 0.1", "let step = rate * 10"]))
        _ = session.runAll(includeOptional: false)
        session.runEntry("rate = 0.5")
        #expect(session.staleMessage(ofCell: 2) == "cell 2 uses `rate`, which you changed at the prompt ([3]) after cell 2 ran; :run 2 to refresh")
        // A prompt entry that only reads the name changes nothing.
        let fresh = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["var rate = 0.1", "let step = rate * 10"]))
        _ = fresh.runAll(includeOptional: false)
        fresh.runEntry("print(rate)")
        #expect(fresh.staleReasons(ofCell: 2).isEmpty)
    }

    @Test func runningACellFirstRunsTheEarlierCellsThatNeverRan() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson([
            (info: "", code: "let a = 1"),
            (info: "optional", code: "let slow = 2"),
            (info: "", code: "let b = a + 1"),
            (info: "", code: "b * 10"),
        ]))
        #expect(try session.dependenciesToRun(beforeCell: 4) == [1, 3])
        let executions = try session.runWithDependencies(cell: 4)
        #expect(executions.map(\.origin) == [.cell(1), .cell(3), .cell(4)])
        #expect(executions.last?.outputs == [.text("Int = 20")])
        #expect(session.state(ofCell: 2) == .notRun)
    }

    @Test func aFailingDependencyStopsTheRun() throws {
        let session = try SessionFixtures.session(try SessionFixtures.lesson(codes: ["let a = 1 / 0", "let b = 2"]))
        let executions = try session.runWithDependencies(cell: 2)
        #expect(executions.map(\.origin) == [.cell(1)])
        #expect(session.state(ofCell: 2) == .notRun)
    }
}
