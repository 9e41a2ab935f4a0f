import Testing
import ResLabEngine
import ResLabTestSupport

@Suite struct ArithmeticTests {
    @Test func broadcastingAddsAColumnToARow() throws {
        // [[1], [2], [3]] + [10, 20] = [[11, 21], [12, 22], [13, 23]]
        let sum = try Tensor([[1.0], [2.0], [3.0]]) + Tensor([10.0, 20.0])
        #expect(sum.shape == [3, 2])
        #expect(sum.scalars == [11, 21, 12, 22, 13, 23])
    }

    @Test func scalarOperandsOnEitherSide() throws {
        let x = Tensor([Float(1), 2, 4])
        #expect((x + 1).scalars == [2, 3, 5])
        #expect((1 - x).scalars == [0, -1, -3])
        #expect((2 * x).scalars == [2, 4, 8])
        #expect((x / 2).scalars == [0.5, 1, 2])
        #expect((8 / x).scalars == [8, 4, 2])
        #expect((-x).scalars == [-1, -2, -4])
        #expect(try (x * Tensor([Float(2)])).scalars == [2, 4, 8])
    }

    @Test func shapesThatDoNotBroadcastNameTheOpAndBothShapes() throws {
        let a = try Tensor(zeros: [3, 1]), b = try Tensor(zeros: [2, 1])
        let error = #expect(throws: TensorError.self) { try a + b }
        #expect(error?.description == "add: cannot broadcast shapes [3, 1] and [2, 1]")
        #expect(throws: TensorError.invalidArgument(op: "multiply", message: "cannot broadcast shapes [3, 1] and [2, 1]")) { try a * b }
    }

    @Test func broadcastResultOverTheBudgetIsRefused() throws {
        // 10¹⁰ elements (40 GB) is over any budget this machine allows; nothing is allocated.
        let column = try Tensor(zeros: [100_000, 1]), row = try Tensor(zeros: [1, 100_000])
        let error = #expect(throws: TensorError.self) { try column + row }
        #expect(error == .overBudget(op: "add", shape: [100_000, 100_000], bytes: 40_000_000_000, budget: MemoryBudget.bytes))
    }

    @Test func comparisonsGiveZerosAndOnes() throws {
        let x = Tensor([Float(1), 2, 3])
        #expect(try (x .< Tensor([Float(2)])).scalars == [1, 0, 0])
        #expect((x .>= 2).scalars == [0, 1, 1])
        #expect((x .== 2).scalars == [0, 1, 0])
        #expect(try (x .!= x).scalars == [0, 0, 0])
    }

    @Test func elementwiseFunctionsOnHandValues() throws {
        let x = Tensor([Float(-2), 0, 3])
        #expect(relu(x).scalars == [0, 0, 3])
        #expect(abs(x).scalars == [2, 0, 3])
        #expect(sqrt(Tensor([Float(4), 9])).scalars == [2, 3])
        #expect(pow(Tensor([Float(2), 3]), 2).scalars == [4, 9])
        #expect(try pow(Tensor([Float(2), 3]), Tensor([Float(3), 2])).scalars == [8, 9])
        #expect(try max(x, Tensor([Float(1)])).scalars == [1, 1, 3])
        #expect(try min(x, Tensor([Float(1)])).scalars == [-2, 0, 1])
        #expect(isApproximatelyEqual(exp(Tensor([Float(0), 1])).scalars, [1, 2.7182817]))
        #expect(isApproximatelyEqual(log(Tensor([Float(1), 2.7182817])).scalars, [0, 1]))
        #expect(isApproximatelyEqual(sigmoid(Tensor([Float(0), 100, -100])).scalars, [0.5, 1, 0]))
        #expect(isApproximatelyEqual(tanh(Tensor([Float(0), 0.5])).scalars, [0, 0.46211716]))
    }

    @Test func goldenBroadcasting() throws {
        let cases: [(String, (Tensor, Tensor) throws -> Tensor)] = [
            ("add_3x1_1x4", { try $0 + $1 }),
            ("multiply_2x3x4_4", { try $0 * $1 }),
            ("subtract_2x1x4_3x1", { try $0 - $1 }),
            ("divide_2x3_3", { try $0 / $1 }),
            ("pow_2x3_2x1", { try pow($0, $1) }),
            ("maximum_4x1_3", { try max($0, $1) }),
        ]
        for (name, op) in cases {
            let golden = try Golden.case(name)
            let result = try op(golden.tensor("a"), golden.tensor("b"))
            let expected = try golden.tensor("out")
            #expect(result.shape == expected.shape, "\(name)")
            #expect(isApproximatelyEqual(result.scalars, expected.scalars), "\(name)")
        }
    }
}
