import Foundation
import Testing

/// `reslab run LESSON.md`: every cell of the flow in order, outputs printed under cell headers, a
/// non-zero exit and the failing cell's lesson position on the first error.
@Suite("reslab run on lessons")
struct RunLessonTests {
    let home: TestHome

    init() throws {
        home = try TestHome()
        try REPLFixtures.install(in: home)
    }

    @Test func aLessonThatRunsPrintsEveryOutputUnderItsCellAndExitsZero() throws {
        let run = try ReslabProcess.run(["run", "lessons/fixture.md"], home: home)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(run.output.hasPrefix("""
            A small lesson (fixture, lessons/fixture.md): 3 cells to run
            ── cell 1 · line 12 ──
            rate is 0.5
            ── cell 2 · line 19 ──
            [2] Double = 1.0
            ── cell 3 · line 24 · exercise twice ──
            ✔ 3 cells ran in
            """))
        #expect(run.output.hasSuffix("; optional cell 5 skipped (--include-optional runs it)\n"))
        #expect(!run.output.contains("the optional cell ran"))

        let all = try ReslabProcess.run(["run", "lessons/fixture.md", "--include-optional"], home: home)
        #expect(all.status == 0)
        #expect(all.output.contains("── cell 5 · line 34 · optional ──\nthe optional cell ran\n✔ 4 cells ran in"))
    }

    @Test func theFirstFailingCellStopsTheRunWithItsLessonPosition() throws {
        let run = try ReslabProcess.run(["run", "lessons/failing.md"], home: home)
        #expect(run.status == 1)
        #expect(run.output.contains("── cell 3 · line 19 ──\nbefore the error\n"))
        #expect(!run.output.contains("never printed"))
        #expect(!run.output.contains("cell 4 never runs"))
        #expect(!run.output.contains("✔"))
        #expect(run.errors.hasPrefix("""
            lessons/failing.md:21:11: error: division by zero
                let b = a / zero
                          ^
            """))
        #expect(run.errors.hasSuffix("error: cell 3 failed at lessons/failing.md:21:11; 2 cells ran before it, 1 not run\n"))
    }

    @Test func plotsAndTensorsComeFromTheStandardHost() throws {
        let run = try ReslabProcess.run(["run", "lessons/plotting.md"], home: home)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(run.output.contains("[1] [Int] = [2, 2]\n"))
        // The chart is drawn for the terminal on lines of its own, under its execution count.
        #expect(run.output.contains("── cell 2 · line 14 ──\n[2]\n"))
        #expect(run.output.contains("falling loss"))
        #expect(run.output.contains("● loss"))
    }

    @Test func aLessonThatCannotBeLoadedExitsWithStatusTwo() throws {
        let malformed = try ReslabProcess.run(["run", "malformed.md"], home: home)
        #expect(malformed.status == 2)
        #expect(malformed.errors.hasPrefix("malformed.md:7:"))
        #expect(malformed.errors.contains("nowhere"))
        #expect(malformed.output.isEmpty)

        let missing = try ReslabProcess.run(["run", "lessons/absent.md"], home: home)
        #expect(missing.status == 2)
        #expect(missing.errors == "lessons/absent.md: error: cannot read the lesson: no such file\n")
    }
}
