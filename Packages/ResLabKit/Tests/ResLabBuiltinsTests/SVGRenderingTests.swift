import Testing
@testable import ResLabBuiltins

@Suite struct SVGRenderingTests {
    private let depthChart: LineChart

    init() throws {
        let depths: [Double] = [18, 34, 50, 101, 152]
        depthChart = LineChart(
            title: "Training error <plain & residual>", xLabel: "layers", yLabel: "training error",
            series: [try PlotSeries(name: "plain \"34\"", x: depths, y: [0.2, 0.15, 0.18, 0.25, .nan]),
                     try PlotSeries(name: "residual", x: depths, y: [0.2, 0.12, 0.09, 0.07, 0.06])])
    }

    @Test func aLineChartIsAStandaloneDocumentWithEscapedText() throws {
        let svg = try depthChart.renderSVG(width: 640, height: 400)
        let tree = try SVGTree(svg)
        let root = try #require(tree.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 640 400")
        #expect(tree.elements.filter { $0.name == "title" }.map(\.text) == ["Training error <plain & residual>"])
        #expect(tree.elements(class: "title").map(\.text) == ["Training error <plain & residual>"])
        #expect(tree.elements(class: "axis-label").map(\.text) == ["training error", "layers"])
        #expect(tree.elements(class: "legend").map(\.text) == ["plain \"34\"", "residual"])
        #expect(tree.elements(class: "note").map(\.text) == ["note: skipped 1 value that is not finite: plain \"34\" at x = 152 (nan)"])
        // Nothing is fetched from elsewhere: no links, images, scripts, styles or fonts.
        #expect(tree.elements.allSatisfy { !["a", "image", "script", "style", "use", "foreignObject"].contains($0.name) })
        #expect(tree.elements.allSatisfy { element in
            element.attributes.allSatisfy { !$0.key.hasSuffix("href") && ($0.key == "xmlns" || !$0.value.contains("://")) }
        })
    }

    @Test func seriesAreDrawnWhereTheAxesPutThem() throws {
        let tree = try SVGTree(try depthChart.renderSVG(width: 640, height: 400))
        let lines = tree.elements(class: "series")
        #expect(lines.count == 2)
        #expect(lines.map { $0.attributes["points"]?.split(separator: " ").count } == [4, 5])
        #expect(tree.elements(class: "point").count == 9)
        // The y axis is 0.05…0.25 (step 0.05); its tick labels top to bottom are at even spacing,
        // and the residual's last point (152, 0.06) sits 1/20 of the way up from 0.05.
        let labels = tree.elements(class: "tick-label")
        #expect(labels.prefix(5).map(\.text) == ["0.05", "0.10", "0.15", "0.20", "0.25"])
        #expect(labels.dropFirst(5).map(\.text) == ["20", "40", "60", "80", "100", "120", "140"])
        let grid = tree.elements(class: "grid").map { SVGTree.number($0, "y1") }
        let bottom = grid[0], top = grid[4]
        let last = try #require(lines[1].attributes["points"]?.split(separator: " ").last?.split(separator: ","))
        let y = try #require(Double(last[1]))
        #expect(abs(y - (bottom - (bottom - top) * 0.05)) < 0.01)
        let axes = tree.elements(class: "axis")
        #expect(abs(try #require(Double(last[0])) - SVGTree.number(axes[1], "x2")) < 0.01)
    }

    @Test func loneAndEmptyDataStillRender() throws {
        let single = try SVGTree(try LineChart(series: [PlotSeries(name: "p", values: [3])]).renderSVG())
        #expect(single.elements(class: "series").isEmpty)
        #expect(single.elements(class: "point").count == 1)
        let empty = try SVGTree(try LineChart(title: "nothing", series: []).renderSVG())
        #expect(empty.elements(class: "note").map(\.text) == ["(no data)"])
        #expect(empty.elements.filter { $0.name == "title" }.map(\.text) == ["nothing"])
    }

    @Test func barLengthsFollowTheScale() throws {
        let linear = try SVGTree(try BarChart(labels: ["a", "b"], values: [1, 0.5]).renderSVG())
        let widths = linear.elements(class: "bar").map { SVGTree.number($0, "width") }
        #expect(widths.count == 2 && abs(widths[0] - 2 * widths[1]) < 0.02)
        #expect(linear.elements(class: "bar-value").map(\.text) == ["1", "0.5"])

        // Log scale: norms a decade apart give bars a constant step apart.
        let log = try SVGTree(try BarChart(scale: .logarithmic, labels: ["l1", "l2", "l3"], values: [1e-6, 1e-4, 1e-2]).renderSVG())
        let lengths = log.elements(class: "bar").map { SVGTree.number($0, "width") }
        #expect(abs((lengths[1] - lengths[0]) - (lengths[2] - lengths[1])) < 0.02)
        #expect(log.elements(class: "tick-label").first?.text == "1e-7")
    }

    @Test func negativeBarsEndAtZeroAndNonFiniteOnesAreNoted() throws {
        let tree = try SVGTree(try BarChart(title: "a & b", labels: ["a", "b", "c"], values: [-1.5, 2, .infinity]).renderSVG())
        let bars = tree.elements(class: "bar")
        #expect(bars.count == 2)
        let zero = SVGTree.number(bars[1], "x")
        #expect(abs(SVGTree.number(bars[0], "x") + SVGTree.number(bars[0], "width") - zero) < 0.01)
        // −1.5 and 2 on −2…2: the negative bar is ¾ as long as the positive one.
        #expect(abs(SVGTree.number(bars[0], "width") / SVGTree.number(bars[1], "width") - 0.75) < 0.001)
        #expect(tree.elements(class: "note").map(\.text) == ["note: skipped 1 value that is not finite: c (inf)"])
        #expect(tree.elements(class: "title").map(\.text) == ["a & b"])
    }

    @Test func textIsEscapedForXML() {
        #expect(SVGDocument.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(SVGDocument.escape("bell\u{07}") == "bell\u{FFFD}")
        #expect(SVGDocument.number(12.0) == "12" && SVGDocument.number(-0.001) == "0" && SVGDocument.number(3.126) == "3.13")
    }

    @Test func aLogScaleOrATooSmallSizeIsRefused() {
        #expect(throws: PlotError.logScaleNeedsPositiveValues(series: "b", index: 1, value: 0)) {
            try BarChart(scale: .logarithmic, labels: ["a", "b"], values: [1, 0]).renderSVG()
        }
        #expect(throws: PlotError.self) { try depthChart.renderSVG(width: 640, height: 100) }
        #expect(throws: PlotError.mismatchedLengths(series: "s", xCount: 2, yCount: 1)) {
            try PlotSeries(name: "s", x: [1, 2], y: [1])
        }
    }
}
