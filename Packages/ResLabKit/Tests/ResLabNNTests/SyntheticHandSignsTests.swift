import Testing
@testable import ResLabNN

/// The synthetic hand signs: sizes and splits, determinism, and simple properties that show the
/// classes differ (a model's accuracy on them is measured by the training tests, not here).
@Suite struct SyntheticHandSignsTests {
    /// A small set most tests share: 32×32, 12 training and 4 test images per class.
    static let small = Result { try DataSet.syntheticHandSigns(imageSize: 32, trainPerClass: 12, testPerClass: 4, seed: 7) }

    @Test func defaultSetHasTheShapeAndSplitOfSIGNS() throws {
        let set = try DataSet.load(path: DataSet.syntheticSourceName)
        #expect(set.name == "synthetic hand signs")
        #expect(set.train.images.shape == [1080, 64, 64, 3])
        #expect(set.test.images.shape == [120, 64, 64, 3])
        #expect(set.classNames == ["0", "1", "2", "3", "4", "5"])
        for label in 0 ..< 6 {
            #expect(set.train.labels.filter { $0 == label }.count == 180)
            #expect(set.test.labels.filter { $0 == label }.count == 20)
        }
        #expect(set.train.images.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func smallerImagesAndCountsOnRequest() throws {
        let set = try Self.small.get()
        #expect(set.train.images.shape == [72, 32, 32, 3])
        #expect(set.test.images.shape == [24, 32, 32, 3])
        #expect(set.imageShape == [32, 32, 3])
    }

    @Test func sameSeedSameImagesOtherSeedOtherImages() throws {
        let again = try DataSet.syntheticHandSigns(imageSize: 32, trainPerClass: 12, testPerClass: 4, seed: 7)
        let other = try DataSet.syntheticHandSigns(imageSize: 32, trainPerClass: 12, testPerClass: 4, seed: 8)
        let set = try Self.small.get()
        #expect(again.train.images.scalars == set.train.images.scalars)
        #expect(again.train.labels == set.train.labels && again.test.labels == set.test.labels)
        #expect(other.train.images.scalars != set.train.images.scalars)
    }

    @Test func labelsAreShuffledNotGrouped() throws {
        let labels = try Self.small.get().train.labels
        #expect(labels != labels.sorted())
        #expect(labels != (0 ..< labels.count).map { $0 % 6 })
    }

    @Test func everyImageIsDifferentAndUsesTheRange() throws {
        let images = try Self.small.get().train.images
        let pixels = 32 * 32 * 3
        let rows = (0 ..< images.shape[0]).map { Array(images.scalars[$0 * pixels ..< ($0 + 1) * pixels]) }
        #expect(Set(rows.map { $0.map(\.bitPattern) }).count == rows.count)
        for row in rows {
            // A hand on a background: each image spans a good part of [0, 1].
            #expect((row.max() ?? 0) - (row.min() ?? 0) > 0.2)
        }
    }

    /// The label is the number of raised fingers: averaged over many random hands, the area the
    /// fingers cover outside the palm (measured on a grid in the hand's own frame, in palm widths
    /// squared) grows with every extra raised finger, by at least a finger's worth
    /// (length 0.6 × width 0.2 = 0.12, less overlap).
    @Test func fingerAreaOutsideThePalmGrowsWithTheLabel() {
        var random = SeededRandom(seed: 11)
        let step: Float = 0.04
        var areas: [Float] = []
        for label in 0 ..< 6 {
            var total: Float = 0
            for _ in 0 ..< 30 {
                let hand = HandSignRenderer.Hand(raised: HandSignRenderer.fingerSet(label: label, random: &random), random: &random)
                for row in 0 ..< 100 {
                    for column in 0 ..< 100 {
                        let p = HandSignRenderer.Point(x: -2 + Float(column) * step, y: -2 + Float(row) * step)
                        guard hand.palm.distance(p) > 0 else { continue }
                        if hand.fingers.contains(where: { $0.distance(p) < 0 }) { total += step * step }
                    }
                }
            }
            areas.append(total / 30)
        }
        for label in 1 ..< 6 {
            #expect(areas[label] - areas[label - 1] > 0.06, "finger areas by label: \(areas)")
        }
    }

    @Test func oneHotLabelsMatchTheLabels() throws {
        let set = try Self.small.get()
        let oneHot = try set.testOneHotLabels()
        #expect(oneHot.shape == [24, 6])
        for (row, label) in set.test.labels.enumerated() {
            #expect(Array(oneHot.scalars[row * 6 ..< row * 6 + 6]) == (0 ..< 6).map { $0 == label ? 1 : 0 })
        }
        #expect(try DataSet.oneHot([2, 0], classCount: 3).scalars == [0, 0, 1, 1, 0, 0])
        #expect(throws: TensorError.invalidArgument(op: "DataSet.oneHot(_:classCount:)", message: "label 3 at index 1 is outside 0..<3")) {
            try DataSet.oneHot([0, 3], classCount: 3)
        }
    }

    @Test func tooSmallImagesAreRefused() {
        #expect(throws: DataError.unsupported(file: "synthetic hand signs", reason: "imageSize must be at least 16, got 8")) {
            try DataSet.syntheticHandSigns(imageSize: 8)
        }
    }
}
