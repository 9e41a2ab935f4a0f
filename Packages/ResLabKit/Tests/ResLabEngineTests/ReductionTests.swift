import Testing
import ResLabEngine
import ResLabTestSupport

@Suite struct ReductionTests {
    // [[1, 2, 3], [4, 5, 6]]
    var matrix: Tensor { get throws { try Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]) } }

    @Test func sumsMeansAndMaximaByHand() throws {
        #expect(try matrix.sum().scalars == [21])
        #expect(try matrix.sum().shape == [])
        #expect(try matrix.sum(squeezingAxes: 0).scalars == [5, 7, 9])
        #expect(try matrix.sum(alongAxes: 1).shape == [2, 1])
        #expect(try matrix.sum(alongAxes: 1).scalars == [6, 15])
        #expect(try matrix.mean(squeezingAxes: -1).scalars == [2, 5])
        #expect(try matrix.max(squeezingAxes: 0).scalars == [4, 5, 6])
        #expect(try matrix.max().scalars == [6])
        #expect(try matrix.argmax(squeezingAxis: 1).scalars == [2, 2])
        #expect(try matrix.argmax().scalars == [5])
        // Variance of [1, 4] is 2.25 in every column; of [1, 2, 3] is 2/3.
        #expect(try matrix.variance(squeezingAxes: 0).scalars == [2.25, 2.25, 2.25])
        #expect(isApproximatelyEqual(try matrix.variance(alongAxes: 1).scalars, [2.0 / 3, 2.0 / 3]))
        #expect(try matrix.sum(squeezingAxes: [0, 1]).scalars == [21])
    }

    @Test func badAxesNameTheShape() {
        #expect(throws: TensorError.invalidArgument(op: "sum", message: "axis 2 is out of range for shape [2, 3] (rank 2; valid axes are -2..<2)")) {
            try matrix.sum(squeezingAxes: 2)
        }
        #expect(throws: TensorError.invalidArgument(op: "mean", message: "axis -1 is given twice for shape [2, 3]")) {
            try matrix.mean(alongAxes: 1, -1)
        }
        #expect(throws: TensorError.self) { try matrix.argmax(squeezingAxis: -3) }
    }

    @Test func largeSumIsAccurate() throws {
        // 2²⁰ copies of 0.1: a Float running sum drifts by ~1 %, the Double accumulator does not.
        let x = try Tensor(repeating: 0.1, shape: [1 << 20])
        #expect(abs(x.sum().scalars[0] - 104_857.6) < 0.01)
        let rows = try Tensor(repeating: 0.1, shape: [1 << 16, 4])
        #expect(isApproximatelyEqual(try rows.sum(squeezingAxes: 0).scalars, [Float](repeating: 6553.6, count: 4)))
    }

    @Test func softmaxOfLargeLogitsIsStable() throws {
        let y = try softmax(Tensor([Float(1000), 1000]))
        #expect(y.scalars == [0.5, 0.5])
        let logY = try logSoftmax(Tensor([Float(1000), 0]))
        #expect(logY.scalars == [0, -1000])
    }

    @Test func goldenReductionsAndSoftmax() throws {
        let golden = try Golden.case("reductions")
        let x = try golden.tensor("x")
        let checks: [(String, Tensor)] = [
            ("sum_0_2_keep", try x.sum(alongAxes: 0, 2)),
            ("mean_1", try x.mean(squeezingAxes: 1)),
            ("max_last", try x.max(squeezingAxes: -1)),
            ("variance_0_1", try x.variance(squeezingAxes: 0, 1)),
            ("argmax_1", try x.argmax(squeezingAxis: 1)),
        ]
        for (key, actual) in checks {
            let expected = try golden.tensor(key)
            #expect(actual.shape == expected.shape, "\(key)")
            #expect(isApproximatelyEqual(actual.scalars, expected.scalars), "\(key)")
        }
        let soft = try Golden.case("softmax_last")
        #expect(isApproximatelyEqual(try softmax(soft.tensor("x")).scalars, try soft.tensor("out").scalars))
        let logSoft = try Golden.case("log_softmax_axis0")
        #expect(isApproximatelyEqual(try logSoftmax(logSoft.tensor("x"), alongAxis: 0).scalars, try logSoft.tensor("out").scalars))
    }
}
