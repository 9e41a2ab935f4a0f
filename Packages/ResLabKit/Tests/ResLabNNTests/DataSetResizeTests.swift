import Testing
@testable import ResLabNN

/// `DataSet.resized(imageSize:)` on a 4×4 image whose block averages are worked out by hand.
@Suite struct DataSetResizeTests {
    /// One training image of 4×4 pixels with two channels: channel 0 holds 0…15 row by row,
    /// channel 1 the same negated; one test image of zeros.
    private func tinySet() throws -> DataSet {
        let pixels = (0 ..< 16).flatMap { [Float($0), -Float($0)] }
        return try DataSet(name: "tiny", train: LabelledImages(images: Tensor(shape: [1, 4, 4, 2], scalars: pixels), labels: [1]),
                           test: LabelledImages(images: Tensor(zeros: [1, 4, 4, 2]), labels: [0]), classNames: ["a", "b"])
    }

    @Test func shrinkingByAWholeFactorAveragesEachBlock() throws {
        let halved = try tinySet().resized(imageSize: 2)
        // Top-left block: 0, 1, 4, 5 → 2.5; top-right 2, 3, 6, 7 → 4.5; then 8, 9, 12, 13 → 10.5
        // and 10, 11, 14, 15 → 12.5.
        #expect(halved.train.images.shape == [1, 2, 2, 2])
        #expect(halved.train.images.scalars == [2.5, -2.5, 4.5, -4.5, 10.5, -10.5, 12.5, -12.5])
        #expect(halved.test.images.scalars == Array(repeating: 0, count: 8))
        #expect(halved.train.labels == [1] && halved.classNames == ["a", "b"])
        #expect(try tinySet().resized(imageSize: 1).train.images.scalars == [7.5, -7.5])
        #expect(try tinySet().resized(imageSize: 4).train.images.scalars == tinySet().train.images.scalars)
    }

    @Test func otherSizesAreRefusedWithTheSizesThatWork() throws {
        #expect(throws: DataError.unsupported(file: "tiny", reason: "cannot resize 4×4 images to 3×3: images can only be shrunk by a whole factor, to one of 2, 1")) {
            try tinySet().resized(imageSize: 3)
        }
        #expect(throws: DataError.self) { try tinySet().resized(imageSize: 8) }
    }
}
