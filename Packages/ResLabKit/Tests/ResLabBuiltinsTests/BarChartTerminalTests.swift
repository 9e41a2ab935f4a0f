import Testing
@testable import ResLabBuiltins

@Suite struct BarChartTerminalTests {
    /// Width 24: label column 1, value column 3 ("0.3"), so 24 − 1 − 3 − 2 = 18 bar columns over
    /// 0…1. 1 → 18 full blocks; 0.3 → 5.4 columns = 43.2 → 43 eighths = 5 blocks and ⅜ (`▍`).
    @Test func barsHaveEighthColumnResolution() throws {
        let chart = BarChart(labels: ["a", "b"], values: [1, 0.3])
        #expect(try chart.renderTerminal(width: 24) == """
            a ██████████████████ 1
            b █████▍             0.3
              ┬────────────────┬
              0                1
            """)
    }

    /// Width 40: values "-1.5", "2", "0" take 4 columns, leaving 33 for −2…2 (step 1, nearest to
    /// 3.5 / 3); 0 sits at 16.5 → column 17. −1.5 is 12.375 columns left: 25 half columns, so `▐`
    /// and 12 blocks ending at column 17; 2 is 16.5 columns right, clamped to the 16 columns left.
    @Test func negativeValuesGrowLeftOfZero() throws {
        let chart = BarChart(title: "neg", labels: ["a", "b", "c"], values: [-1.5, 2, 0])
        #expect(try chart.renderTerminal(width: 40) == """
                              neg
            a     ▐████████████                 -1.5
            b                  ████████████████ 2
            c                                   0
              ┬───────┬────────┬───────┬──────┬
             -2      -1        0       1      2
            """)
    }

    @Test func aLogScaleShowsOrdersOfMagnitudeAndRefusesZero() throws {
        let chart = BarChart(valueLabel: "gradient norm", scale: .logarithmic,
                             labels: ["dense_1", "dense_2", "dense_3"], values: [1e-4, 1e-2, 1])
        let lines = try chart.renderTerminal(width: 40).split(separator: "\n")
        // 40 − 7 (labels) − 6 ("0.0001") − 2 = 25 bar columns. 10⁻⁴ is a power of ten, so the axis
        // starts one below, at 10⁻⁵; 2 intervals over 5 decades → a tick every 3rd power, and the
        // start moves down to 10⁻⁶. The bars are 2, 4 and 6 sixths long: 8⅜ (67 eighths), 16⅝ and
        // 25 columns, so 9, 17 and 25 characters.
        let blocks = lines.prefix(3).map { line in line.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
        #expect(blocks == [9, 17, 25])
        #expect(lines.last == "             gradient norm")
        #expect(throws: PlotError.logScaleNeedsPositiveValues(series: "b", index: 1, value: -1)) {
            try BarChart(scale: .logarithmic, labels: ["a", "b"], values: [1, -1]).renderTerminal()
        }
    }

    @Test func nonFiniteValuesGetNoBarAndANote() throws {
        let text = try BarChart(labels: ["conv1", "conv2"], values: [0.5, .nan]).renderTerminal(width: 60)
        let lines = text.split(separator: "\n")
        #expect(lines[1].hasPrefix("conv2") && !lines[1].contains("█") && lines[1].hasSuffix("nan"))
        #expect(lines.last == "note: skipped 1 value that is not finite: conv2 (nan)")
    }

    @Test func longLabelsAreCutAndAnEmptyChartSaysSo() throws {
        let text = try BarChart(labels: ["a very long layer name", "b"], values: [1, 2]).renderTerminal(width: 30)
        #expect(text.hasPrefix("a very lo… "))
        #expect(try BarChart(title: "none", bars: []).renderTerminal(width: 20) == "        none\n     (no data)")
    }

    @Test func aWidthTooNarrowForTheBarsIsRefused() {
        // Label 5 + value 3 ("0.5") + 2 spaces + 8 bar columns.
        let error = PlotError.tooSmall(width: 15, height: 0, minimumWidth: 18, minimumHeight: 0)
        #expect(throws: error) { try BarChart(labels: ["conv1"], values: [0.5]).renderTerminal(width: 15) }
        #expect(error.description == "a chart 15 wide is too narrow for its labels, bars and values; it needs a width of at least 18")
    }

    @Test func colourAppliesToTheBarsOnly() throws {
        let text = try BarChart(labels: ["a"], values: [1]).renderTerminal(width: 20, colour: true)
        // 20 − 1 − 1 − 2 = 16 bar columns.
        #expect(text.hasPrefix("a \u{1B}[34m████████████████\u{1B}[0m 1\n"))
    }
}
