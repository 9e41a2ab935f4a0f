import Testing
@testable import ResLabNN

/// `ImageAugmentation` on tiny images whose expected pixels are worked out by hand, and its
/// effect on `fit`.
@Suite struct ImageAugmentationTests {
    /// One 3×3 single-channel image holding 1…9 row by row:
    ///
    ///     1 2 3
    ///     4 5 6
    ///     7 8 9
    private func ninePixels() throws -> Tensor {
        try Tensor(shape: [1, 3, 3, 1], scalars: (1...9).map(Float.init))
    }

    @Test func aKnownShiftMovesPixelsWhereTheFormulaSays() throws {
        let augmentation = try ImageAugmentation(shiftPadding: 1)
        // Crop corner (0, 2) in the 5×5 padded image: out[y][x] = in[y − 1][x + 1], so the picture
        // moves one row down and one column left; the top row and right column are uncovered.
        let shifted = try augmentation.apply([.init(cropTop: 0, cropLeft: 2, flipped: false)], to: ninePixels())
        #expect(shifted.shape == [1, 3, 3, 1])
        #expect(shifted.scalars == [0, 0, 0,
                                    2, 3, 0,
                                    5, 6, 0])
        // The centre corner (1, 1) leaves the image as it was.
        let unmoved = try augmentation.apply([.init(cropTop: 1, cropLeft: 1, flipped: false)], to: ninePixels())
        #expect(unmoved.scalars == (1...9).map(Float.init))
    }

    @Test func aFlipReversesTheWidthAxisAndKeepsChannelsTogether() throws {
        // 2 rows × 3 columns × 2 channels; pixel (y, x) holds (10y + x, −(10y + x)).
        let scalars: [Float] = [0, -0, 1, -1, 2, -2,
                                10, -10, 11, -11, 12, -12]
        let image = try Tensor(shape: [1, 2, 3, 2], scalars: scalars)
        let augmentation = try ImageAugmentation(shiftPadding: 2, horizontalFlip: true)
        let flipped = try augmentation.apply([.init(cropTop: 2, cropLeft: 2, flipped: true)], to: image)
        #expect(flipped.scalars == [2, -2, 1, -1, 0, -0,
                                    12, -12, 11, -11, 10, -10])
        // Crop, then flip: out[y][x] = in[y][(W − 1 − x) + cropLeft − p] = in[y][3 − x]; the crop one
        // column to the right (row 0: 1, 2, uncovered) is mirrored (uncovered, 2, 1).
        let both = try augmentation.apply([.init(cropTop: 2, cropLeft: 3, flipped: true)], to: image)
        #expect(both.scalars == [0, 0, 2, -2, 1, -1,
                                 0, 0, 12, -12, 11, -11])
    }

    @Test func eachImageOfABatchGetsItsOwnTransform() throws {
        let twoImages = try Tensor(shape: [2, 3, 3, 1], scalars: (1...9).map(Float.init) + (1...9).map(Float.init))
        let augmentation = try ImageAugmentation(shiftPadding: 1, horizontalFlip: true)
        let result = try augmentation.apply([.init(cropTop: 1, cropLeft: 1, flipped: true),
                                             .init(cropTop: 2, cropLeft: 1, flipped: false)], to: twoImages)
        #expect(result.scalars == [3, 2, 1, 6, 5, 4, 9, 8, 7,
                                   4, 5, 6, 7, 8, 9, 0, 0, 0])
    }

    @Test func theSameSeedGivesTheSameBatchesAndEveryOffsetOccurs() throws {
        let augmentation = ImageAugmentation.shiftsAndFlips()
        var first = SeededRandom(seed: 7), second = SeededRandom(seed: 7), other = SeededRandom(seed: 8)
        let batch = try Tensor(shape: [4, 3, 3, 1], scalars: (0 ..< 36).map(Float.init))
        let a = try augmentation.apply(to: batch, using: &first)
        let b = try augmentation.apply(to: batch, using: &second)
        let c = try augmentation.apply(to: batch, using: &other)
        #expect(a.scalars == b.scalars)
        #expect(a.scalars != c.scalars)

        var random = SeededRandom(seed: 1)
        let transforms = augmentation.drawTransforms(count: 2000, using: &random)
        #expect(Set(transforms.map(\.cropTop)) == Set(0...8))
        #expect(Set(transforms.map(\.cropLeft)) == Set(0...8))
        let flips = transforms.filter(\.flipped).count
        #expect(flips > 900 && flips < 1100)
    }

    @Test func noShiftAndNoFlipDrawsTheIdentity() throws {
        var random = SeededRandom(seed: 3)
        let augmentation = try ImageAugmentation()
        #expect(augmentation.drawTransforms(count: 3, using: &random)
                == Array(repeating: .init(cropTop: 0, cropLeft: 0, flipped: false), count: 3))
        #expect(try augmentation.apply(to: ninePixels(), using: &random).scalars == (1...9).map(Float.init))
    }

    @Test func refusesBadSettingsAndNonImages() throws {
        #expect(throws: NNError.self) { try ImageAugmentation(shiftPadding: -1) }
        var random = SeededRandom(seed: 0)
        #expect(throws: NNError.self) {
            try ImageAugmentation.shiftsAndFlips().apply(to: Tensor(shape: [2, 9], scalars: Array(repeating: 0, count: 18)),
                                                        using: &random)
        }
    }

    // MARK: - In fit

    /// 24 random 4×4 images in two classes, and a seeded model, the same on every call.
    private func problem() throws -> (model: Model, x: Tensor, y: Tensor) {
        var random = SeededRandom(seed: 5)
        let x = try Tensor(shape: [24, 4, 4, 1], scalars: (0 ..< 24 * 16).map { _ in random.nextUniform(0, 1) })
        let y = try DataSet.oneHot((0 ..< 24).map { $0 % 2 }, classCount: 2)
        let input = try Input(shape: [4, 4, 1])
        let output = try Dense(units: 2, activation: .softmax, kernelInitializer: .glorotUniform(seed: 0))(Flatten()(input))
        let model = try Model(inputs: input, outputs: output)
        try model.compile(optimizer: try SGD(learningRate: 0.1), loss: .categoricalCrossentropy, metrics: [.accuracy])
        return (model, x, y)
    }

    private func losses(_ augmentation: ImageAugmentation?) throws -> [Double] {
        let (model, x, y) = try problem()
        return try model.fit(x: x, y: y, batchSize: 8, epochs: 3, seed: 2, augmentation: augmentation,
                             output: .silent).loss
    }

    @Test func fitWithAnIdentityAugmentationMatchesFitWithout() throws {
        // The augmentation draws from a stream of its own, so the shuffling order is unchanged.
        #expect(try losses(ImageAugmentation()) == losses(nil))
    }

    @Test func aSeededAugmentedFitRepeatsExactly() throws {
        let augmented = try losses(.shiftsAndFlips(seed: 11))
        #expect(try losses(.shiftsAndFlips(seed: 11)) == augmented)
        #expect(try losses(.shiftsAndFlips()) == losses(.shiftsAndFlips()))
        #expect(try losses(.shiftsAndFlips(seed: 12)) != augmented)
        #expect(try losses(nil) != augmented)
    }
}
