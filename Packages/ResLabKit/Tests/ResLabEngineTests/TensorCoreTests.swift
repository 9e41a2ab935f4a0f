import Testing
import ResLabEngine

@Suite struct TensorCoreTests {
    @Test func shapeAndScalarsRoundTrip() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(t.shape == [2, 3])
        #expect(t.rank == 2)
        #expect(t.scalars == [1, 2, 3, 4, 5, 6])
    }

    @Test func countMismatchNamesShapeAndCount() {
        #expect(throws: TensorError.scalarCountMismatch(op: "Tensor(shape:scalars:)", shape: [2, 2], count: 3)) {
            try Tensor(shape: [2, 2], scalars: [1, 2, 3])
        }
    }

    @Test func tensorOverTheBudgetIsRefused() {
        let error = #expect(throws: TensorError.self) {
            try Tensor.checkedCount(of: [100_000, 100_000, 100_000], op: "Tensor(zeros:)")
        }
        #expect(error?.description.contains("RESLAB_MEMORY_BUDGET") == true)
    }

    @Test func budgetSizesParse() {
        #expect(MemoryBudget.parse("512M") == 512 << 20)
        #expect(MemoryBudget.parse("2g") == 2 << 30)
        #expect(MemoryBudget.parse("1024") == 1024)
        #expect(MemoryBudget.parse("lots") == nil)
        #expect(MemoryBudget.parse("-1") == nil)
    }
}
