import Testing
@testable import ResLabBuiltins

@Suite struct LineChartTerminalTests {
    /// Two points, 20 × 6: no title, labels or legend, so 4 plot rows (16 dot rows) and, after the
    /// 1-column tick labels and the axis, 17 columns (34 dot columns). (1, 0) is dot (0, 15), in
    /// cell (0, 3); (2, 1) is dot (33, 0), in cell (16, 0). Ticks: y 0 and 1 (step 1), x 1 and 2.
    @Test func twoPointsDrawABrailleLineBetweenTheirMarkers() throws {
        let chart = LineChart(series: [PlotSeries(name: "", values: [0, 1])])
        #expect(try chart.renderTerminal(width: 20, height: 6) == """
            1 ┤             ⣀⠤⠒●
              │        ⢀⡠⠔⠒⠉
              │    ⣀⠤⠔⠊⠁
            0 ┤●⠤⠒⠉
              └┬───────────────┬
               1               2
            """)
    }

    /// 40 × 14 less title, y label, axis, ticks, x label, legend and a 2-line note: 6 plot rows
    /// (24 dot rows) over 1…2 (step 0.5, nearest to 1 / 2), so 2.0 is on row 0, 1.5 on dot row
    /// 11.5 → 12 (row 3), 1.0 on row 5. 35 columns over x 1…3, ticks every 0.5 at dot columns 0,
    /// 17, 35, 52, 69 (cells 0, 8, 17, 26, 34). The constant series hides train's first point
    /// (later series draw on top); train's NaN leaves it two points and no line.
    @Test func titleLabelsLegendAndNoteTakeALineEach() throws {
        let chart = LineChart(title: "Loss", xLabel: "epoch", yLabel: "loss",
                              series: [PlotSeries(name: "train", values: [2, .nan, 1]),
                                       PlotSeries(name: "test", values: [2, 2, 2])])
        #expect(try chart.renderTerminal(width: 40, height: 14) == """
                              Loss
            loss
            2.0 ┤■⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉■⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉■
                │
                │
            1.5 ┤
                │
            1.0 ┤                                  ●
                └┬───────┬────────┬────────┬───────┬
                1.0     1.5      2.0      2.5    3.0
                             epoch
            ● train   ■ test
            note: skipped 1 value that is not
            finite: train at x = 2 (nan)
            """)
    }

    @Test func nonFiniteValuesBreakTheLineAndAreNoted() throws {
        let data = try LineChartData(LineChart(series: [
            PlotSeries(name: "loss", values: [1, .nan, 3, 4]),
            PlotSeries(name: "acc", points: [PlotPoint(x: 1, y: 0.5), PlotPoint(x: .infinity, y: 0.6)]),
        ]))
        #expect(data.runs[0] == [[PlotPoint(x: 1, y: 1)], [PlotPoint(x: 3, y: 3), PlotPoint(x: 4, y: 4)]])
        #expect(data.runs[1] == [[PlotPoint(x: 1, y: 0.5)]])
        #expect(data.skipped.note == "skipped 2 values that are not finite: loss at x = 2 (nan), acc point 1 (x is inf)")
        #expect(data.xRange == 1...4 && data.yRange == 0.5...4)
    }

    @Test func aChartWithoutDataSaysSo() throws {
        for chart in [LineChart(series: []), LineChart(series: [PlotSeries(name: "s", values: [.nan])])] {
            let text = try chart.renderTerminal(width: 30, height: 8)
            #expect(text.contains("(no data)"))
        }
    }

    @Test func aSinglePointSitsInTheMiddle() throws {
        let text = try LineChart(series: [PlotSeries(name: "", values: [3])]).renderTerminal(width: 21, height: 7)
        // x domain 0.5…1.5; 18 columns, so the point (dot column 17.5 → 18) is in cell 9.
        let row = try #require(text.split(separator: "\n").first { $0.contains("●") })
        let axisColumn = try #require(row.firstIndex { $0 == "┤" || $0 == "│" })
        let marker = try #require(row.firstIndex(of: "●"))
        #expect(row.distance(from: axisColumn, to: marker) == 1 + 9)
    }

    @Test func negativeValuesGetTicksBelowZero() throws {
        let text = try LineChart(series: [PlotSeries(name: "", values: [-2, 3, -1])]).renderTerminal(width: 30, height: 10)
        #expect(text.contains("-2 ┤"))
        #expect(text.contains(" 0 ┤"))
    }

    @Test func aLogScaleRefusesValuesAtOrBelowZero() {
        let chart = LineChart(yScale: .logarithmic, series: [PlotSeries(name: "norm", values: [1, 0.1, 0])])
        #expect(throws: PlotError.logScaleNeedsPositiveValues(series: "norm", index: 2, value: 0)) {
            try chart.renderTerminal()
        }
        #expect(PlotError.logScaleNeedsPositiveValues(series: "norm", index: 2, value: 0).description
            == "cannot draw 'norm' on a log scale: its value at position 2 is 0, and a log scale needs values above 0; use scale: .linear, or leave out the values at or below 0")
        #expect(throws: PlotError.logScaleNeedsPositiveValues(series: "norm", index: 2, value: 0)) {
            try chart.renderSVG()
        }
    }

    @Test func aSizeTooSmallForTheChartIsRefused() {
        let chart = LineChart(title: "t", series: [PlotSeries(name: "", values: [1, 2])])
        #expect(throws: PlotError.tooSmall(width: 20, height: 4, minimumWidth: 20, minimumHeight: 5)) {
            try chart.renderTerminal(width: 20, height: 4)
        }
        // Ticks 1.0, 1.5, 2.0 take 3 columns; with the axis and 8 plot columns that is 13.
        #expect(throws: PlotError.tooSmall(width: 10, height: 10, minimumWidth: 13, minimumHeight: 10)) {
            try chart.renderTerminal(width: 10, height: 10)
        }
    }

    @Test func colourWrapsEachSeriesAndChangesNothingElse() throws {
        let chart = LineChart(series: [PlotSeries(name: "a", values: [0, 1]), PlotSeries(name: "b", values: [1, 0])])
        let plain = try chart.renderTerminal(width: 30, height: 8)
        let coloured = try chart.renderTerminal(width: 30, height: 8, colour: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[34m●\u{1B}[0m a"))
        #expect(coloured.contains("\u{1B}[31m■\u{1B}[0m b"))
        #expect(Self.strippingSGR(coloured) == plain)
    }

    static func strippingSGR(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            result.append(character)
        }
        return result
    }
}
