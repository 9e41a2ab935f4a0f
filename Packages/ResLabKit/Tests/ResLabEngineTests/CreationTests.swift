import Testing
import ResLabEngine

@Suite struct CreationTests {
    @Test func nestedLiteralsGiveShapeAndRowMajorScalars() throws {
        let column = try Tensor([[1.0], [2.0]])
        #expect(column.shape == [2, 1])
        #expect(column.scalars == [1, 2])
        let cube = try Tensor([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])
        #expect(cube.shape == [2, 2, 2])
        #expect(cube.scalars == [1, 2, 3, 4, 5, 6, 7, 8])
        let image = try Tensor([[[[Float(1)], [2]], [[3], [4]]]])
        #expect(image.shape == [1, 2, 2, 1])
        #expect(Tensor([Float(1), 2, 3]).shape == [3])
        #expect(Tensor(2.5).shape == [])
        #expect(try Tensor(2.5).scalarized() == 2.5)
    }

    @Test func raggedLiteralIsRefusedWithBothShapes() {
        let error = #expect(throws: TensorError.self) { try Tensor([[1.0, 2.0], [3.0]]) }
        #expect(error?.description == "Tensor(_:): ragged nested array: element 0 has shape [2] but element 1 has shape [1]")
    }

    @Test func constantFills() throws {
        #expect(try Tensor(zeros: [2, 3]).scalars == [Float](repeating: 0, count: 6))
        #expect(try Tensor(ones: [3]).scalars == [1, 1, 1])
        #expect(try Tensor(repeating: 7, shape: [2, 2]).scalars == [7, 7, 7, 7])
        #expect(throws: TensorError.invalidShape(op: "Tensor(zeros:)", shape: [2, -1])) { try Tensor(zeros: [2, -1]) }
    }

    @Test func seededDrawsRepeatAndRespectTheirBounds() throws {
        let a = try Tensor(randomUniform: [100], lowerBound: -2, upperBound: 3, seed: 5)
        #expect(a.scalars == (try Tensor(randomUniform: [100], lowerBound: -2, upperBound: 3, seed: 5)).scalars)
        #expect(a.scalars != (try Tensor(randomUniform: [100], lowerBound: -2, upperBound: 3, seed: 6)).scalars)
        #expect(a.scalars.allSatisfy { $0 >= -2 && $0 < 3 })
        // The draws are SeededRandom's, in row-major order.
        var generator = SeededRandom(seed: 5)
        #expect(a.scalars[0] == generator.nextUniform(-2, 3))

        let normal = try Tensor(randomNormal: [20_000], mean: 3, standardDeviation: 2, seed: 1)
        let mean = normal.scalars.reduce(0, +) / 20_000
        #expect(abs(mean - 3) < 0.05)
        let truncated = try Tensor(randomTruncatedNormal: [5_000], mean: 1, standardDeviation: 0.5, seed: 2)
        #expect(truncated.scalars.allSatisfy { abs($0 - 1) <= 1.0 + 1e-6 })
    }
}
