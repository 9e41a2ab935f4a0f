import Testing
import ResLabEngine

@Suite struct ShapeOpsTests {
    // [[0, 1, 2], [3, 4, 5]]
    var x: Tensor { get throws { try Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5]) } }

    @Test func reshapeInfersOneExtent() throws {
        #expect(try x.reshaped(to: [3, -1]).shape == [3, 2])
        #expect(try x.reshaped(to: [-1]).scalars == x.scalars)
        #expect(try x.expandingShape(at: 0).shape == [1, 2, 3])
        #expect(try x.expandingShape(at: -1).shape == [2, 3, 1])
        #expect(try x.reshaped(to: [1, 6]).squeezingShape(at: 0).shape == [6])
        #expect(throws: TensorError.invalidArgument(op: "reshaped(to:)", message: "cannot reshape shape [2, 3] (6 elements) to [4, -1]")) {
            try x.reshaped(to: [4, -1])
        }
        #expect(throws: TensorError.self) { try x.reshaped(to: [-1, -1]) }
    }

    @Test func transposeAndPermute() throws {
        #expect(try x.transposed().shape == [3, 2])
        #expect(try x.transposed().scalars == [0, 3, 1, 4, 2, 5])
        let cube = try Tensor(shape: [2, 1, 3], scalars: [0, 1, 2, 3, 4, 5])
        let permuted = try cube.transposed(permutation: 2, 0, 1)
        #expect(permuted.shape == [3, 2, 1])
        #expect(permuted.scalars == [0, 3, 1, 4, 2, 5])
        #expect(throws: TensorError.self) { try cube.transposed(permutation: 0, 0, 1) }
    }

    @Test func slicing() throws {
        #expect(try x.slice(lowerBounds: [0, 1], upperBounds: [2, 3]).scalars == [1, 2, 4, 5])
        #expect(try x[1..<2].scalars == [3, 4, 5])
        #expect(try x[0..<2, 2..<3].scalars == [2, 5])
        #expect(throws: TensorError.invalidArgument(op: "slice(lowerBounds:upperBounds:)", message: "range 1..<4 is out of bounds for axis 1 of shape [2, 3]")) {
            try x[0..<1, 1..<4]
        }
    }

    @Test func concatenation() throws {
        let joined = try concatenate([x, x], axis: 1)
        #expect(joined.shape == [2, 6])
        #expect(joined.scalars == [0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5])
        #expect(try x.concatenated(with: x, alongAxis: 0).shape == [4, 3])
        let error = #expect(throws: TensorError.self) { try concatenate([x, Tensor(zeros: [3, 3])], axis: 1) }
        #expect(error?.description == "concatenate(_:axis:): tensor 1 has shape [3, 3] but tensor 0 has shape [2, 3]; only axis 1 may differ")
    }

    @Test func padding() throws {
        let padded = try x.padded(forSizes: [(1, 0), (0, 1)], with: 9)
        #expect(padded.shape == [3, 4])
        #expect(padded.scalars == [9, 9, 9, 9, 0, 1, 2, 9, 3, 4, 5, 9])
        let image = try Tensor(ones: [1, 2, 2, 1]).zeroPadded2D(top: 1, bottom: 0, left: 0, right: 1)
        #expect(image.shape == [1, 3, 3, 1])
        #expect(image.scalars == [0, 0, 0, 1, 1, 0, 1, 1, 0])
        #expect(throws: TensorError.self) { try x.padded(forSizes: [(0, -1), (0, 0)]) }
    }

    @Test func gatherAndOneHot() throws {
        #expect(try x.gathering(atIndices: [2, 0], alongAxis: 1).scalars == [2, 0, 5, 3])
        let picked = try x.gathering(atIndices: Tensor(shape: [2, 2], scalars: [1, 0, 1, 1]), alongAxis: 0)
        #expect(picked.shape == [2, 2, 3])
        #expect(picked.scalars == [3, 4, 5, 0, 1, 2, 3, 4, 5, 3, 4, 5])
        let error = #expect(throws: TensorError.self) { try x.gathering(atIndices: [3], alongAxis: 1) }
        #expect(error?.description == "gathering(atIndices:alongAxis:): index 3.0 at position 0 of indices [1] is out of range for axis 1 of shape [2, 3] (valid: 0..<3)")
        let oneHot = try Tensor(oneHotAtIndices: [2, 0], depth: 3)
        #expect(oneHot.shape == [2, 3])
        #expect(oneHot.scalars == [0, 0, 1, 1, 0, 0])
        #expect(throws: TensorError.self) { try Tensor(oneHotAtIndices: [-1], depth: 3) }
    }

    @Test func broadcastTo() throws {
        let row = Tensor([Float(1), 2])
        #expect(try row.broadcasted(to: [2, 2]).scalars == [1, 2, 1, 2])
        #expect(throws: TensorError.self) { try row.broadcasted(to: [3]) }
    }
}
