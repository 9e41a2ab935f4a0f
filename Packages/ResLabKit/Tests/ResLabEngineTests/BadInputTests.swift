import Testing
import ResLabEngine

/// Absurd sizes and shapes are refused with an error, never a crash (overflow, huge allocation).
@Suite struct BadInputTests {
    @Test func emptyTensorsWithHugeExtentsAreRefused() {
        #expect(throws: TensorError.self) { try Tensor(zeros: [0, 1 << 62, 4]) }
        #expect(throws: TensorError.invalidShape(op: "Tensor(ones:)", shape: [-3])) { try Tensor(ones: [-3]) }
    }

    @Test func reshapeToAnOverflowingShapeIsRefused() throws {
        let empty = try Tensor(zeros: [0])
        #expect(throws: TensorError.self) { try empty.reshaped(to: [0, Int.max, 2]) }
        #expect(throws: TensorError.self) { try empty.reshaped(to: [-1, 0]) }
    }

    @Test func hugePaddingIsOverBudget() throws {
        let x = try Tensor(ones: [2])
        #expect(throws: TensorError.self) { try x.padded(forSizes: [(Int.max, 1)]) }
    }

    @Test func hugeWindowsAndStridesAreRefused() throws {
        let x = try Tensor(zeros: [1, 4, 4, 1])
        #expect(throws: TensorError.self) { try maxPool2D(x, filterSize: (2, 2), strides: (Int.max, 1), padding: .same) }
        #expect(throws: TensorError.self) { try avgPool2D(x, filterSize: (Int.max, 1), strides: (1, 1), padding: .same) }
    }

    @Test func matmulOverTheBudgetIsRefused() throws {
        let tall = try Tensor(zeros: [100_000, 1]), wide = try Tensor(zeros: [1, 100_000])
        let error = #expect(throws: TensorError.self) { try matmul(tall, wide) }
        #expect(error?.description.contains("over the memory budget") == true)
    }
}
