import Testing
@testable import ResLabBuiltins

@Suite struct PlotNumberTests {
    @Test func tickLabelsShowJustEnoughDecimalsForTheStep() {
        #expect(PlotNumber.tick(0.30000000000000004, step: 0.1) == "0.3")
        #expect(PlotNumber.tick(0.1, step: 0.05) == "0.10")
        #expect(PlotNumber.tick(15, step: 5) == "15")
        #expect(PlotNumber.tick(0, step: 0.25) == "0")
        #expect(PlotNumber.tick(2.5e-5, step: 1e-5) == "2.5e-5")
        #expect(PlotNumber.tick(3e6, step: 1e6) == "3e6")
    }

    @Test func powersOfTenReadAsDecimalsNearOneAndExponentsFarFromIt() {
        #expect((-5...5).map(PlotNumber.power(ofTen:))
            == ["1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000", "1e5"])
    }

    @Test func compactValuesHaveThreeSignificantDigits() {
        #expect(PlotNumber.compact(0.0123456) == "0.0123")
        #expect(PlotNumber.compact(512) == "512")
        #expect(PlotNumber.compact(123456) == "1.23e5")
        #expect(PlotNumber.compact(1e-6) == "1e-6")
        #expect(PlotNumber.compact(-2.5) == "-2.5")
        #expect([Double.nan, .infinity, -.infinity].map(PlotNumber.compact) == ["nan", "inf", "-inf"])
    }
}

@Suite struct PlotAxisTests {
    @Test func aLinearValueAxisWidensToTheNiceStepNearestTheTarget() {
        // (2.1 − 0.5) / 2 = 0.8: of 0.1, 0.2, 0.5 and 1, 1 is nearest by ratio (1.25).
        let axis = PlotAxis.linear(from: 0.5, to: 2.1, targetIntervals: 2, widen: true)
        #expect(axis.lower == 0 && axis.upper == 3)
        #expect(axis.ticks.map(\.label) == ["0", "1", "2", "3"])
        #expect(axis.ticks.map(\.position) == [0, 1.0 / 3, 2.0 / 3, 1])
    }

    @Test func anXAxisSpansTheDataExactlyWithTicksInside() {
        let axis = PlotAxis.linear(from: 18, to: 152, targetIntervals: 3, widen: false)
        #expect(axis.lower == 18 && axis.upper == 152)
        #expect(axis.ticks.map(\.label) == ["50", "100", "150"])
        #expect(axis.position(of: 85) == 0.5)
    }

    @Test func aConstantRangeIsWidenedByHalfItsValue() {
        // 0.5 ± 0.25, step 0.2 (nearest to 0.5 / 2), widened to 0.2…0.8.
        let axis = PlotAxis.linear(from: 0.5, to: 0.5, targetIntervals: 2, widen: true)
        #expect(axis.ticks.map(\.label) == ["0.2", "0.4", "0.6", "0.8"])
        #expect(PlotAxis.linear(from: 0, to: 0, targetIntervals: 2, widen: true).ticks.map(\.label) == ["-1", "0", "1"])
    }

    @Test func aLogAxisPutsTicksOnPowersOfTenWithBothEndsOnATick() {
        // 10⁻⁶…3 needs exponents −6…1 (7 decades); 2 intervals → every 4th power, from −7.
        let axis = PlotAxis.logarithmic(from: 1e-6, to: 3, targetIntervals: 2)
        #expect(axis.lower == -7 && axis.upper == 1)
        #expect(axis.ticks.map(\.label) == ["1e-7", "0.001", "10"])
        #expect(axis.position(of: 0.001) == 0.5)
        #expect(PlotAxis.logarithmic(from: 0.01, to: 0.5, targetIntervals: 5).lower == -2)
        #expect(PlotAxis.logarithmic(from: 0.01, to: 0.5, targetIntervals: 5, strictlyBelow: true).lower == -3)
    }
}
