import Foundation
import Testing

/// `reslab export LESSON --to md|html`: the lesson run and written with its outputs; the HTML page
/// opened in a real headless browser.
@Suite("reslab export")
struct ExportCommandTests {
    let home: TestHome

    init() throws {
        home = try TestHome()
        try REPLFixtures.install(in: home)
    }

    @Test func markdownHoldsEveryCellsOutputAndTheOptionalCellOnlyWhenAsked() throws {
        let run = try ReslabProcess.run(["export", "lessons/fixture.md", "--to", "md", "--out", "out.md"], home: home)
        #expect(run.status == 0)
        #expect(run.errors == "Wrote out.md\n")
        let exported = try String(contentsOfFile: home.path("out.md"), encoding: .utf8)
        #expect(exported.contains("print(\"rate is \\(rate)\")\n```\n\n```text\nrate is 0.5\n```\n\nProse before cell two."))
        #expect(exported.contains("doubled\n```\n\n```text\nDouble = 1.0\n```"))
        #expect(!exported.contains("```text\nthe optional cell ran"))

        let withOptional = try ReslabProcess.run(["export", "lessons/fixture.md", "--to", "md", "--include-optional"], home: home)
        #expect(withOptional.status == 0)
        #expect(withOptional.output.contains("```swift optional\nprint(\"the optional cell ran\")\n```\n\n```text\nthe optional cell ran\n```"))
    }

    @Test func aFailingCellEndsTheExportWithItsErrorAndStatusOne() throws {
        let run = try ReslabProcess.run(["export", "lessons/failing.md", "--to", "md"], home: home)
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("lessons/failing.md:21:11: error: division by zero"))
        #expect(run.output.contains("```text\nbefore the error\n```\n\n```text\nlessons/failing.md:21:11: error: division by zero"))
        #expect(!run.output.contains("cell 4 never runs\n```\n\n```text"))
    }

    @Test func theHTMLPageRendersInAHeadlessBrowser() throws {
        let run = try ReslabProcess.run(["export", "lessons/fixture.md", "--to", "html", "--out", "page.html"], home: home)
        #expect(run.status == 0)
        let dom = try ExportBrowser.dumpDOM(of: home.path("page.html"), home: home)
        #expect(dom.contains("<h1 class=\"lesson-title\">A small lesson</h1>"))
        #expect(dom.contains("<div class=\"cell-label\">[1]</div>"))
        #expect(dom.contains("<pre class=\"output\">rate is 0.5\n</pre>"))
        #expect(dom.contains("<pre class=\"output\">Double = 1.0</pre>"))
        #expect(dom.contains("<li>Step through cells</li>"))

        let plots = try ReslabProcess.run(["export", "lessons/plotting.md", "--to", "html", "--out", "plots.html"], home: home)
        #expect(plots.status == 0)
        let plotsDOM = try ExportBrowser.dumpDOM(of: home.path("plots.html"), home: home)
        // The chart is inline SVG that the browser parsed as such (its title and the series' line).
        #expect(plotsDOM.contains("<figure class=\"plot\">\n<svg"))
        #expect(plotsDOM.contains("falling loss"))
        #expect(plotsDOM.contains("<polyline class=\"series\""))
        #expect(plotsDOM.contains("<pre class=\"output\">[Int] = [2, 2]</pre>"))

        let failing = try ReslabProcess.run(["export", "lessons/failing.md", "--to", "html", "--out", "failing.html"], home: home)
        #expect(failing.status == 1)
        let failingDOM = try ExportBrowser.dumpDOM(of: home.path("failing.html"), home: home)
        #expect(failingDOM.contains("<pre class=\"output error\">lessons/failing.md:21:11: error: division by zero"))
    }

    @Test func anUnreadableLessonIsReportedWithStatusTwo() throws {
        let run = try ReslabProcess.run(["export", "lessons/missing.md", "--to", "html"], home: home)
        #expect(run.status == 2)
        #expect(run.errors == "lessons/missing.md: error: cannot read the lesson: no such file\n")
    }
}
