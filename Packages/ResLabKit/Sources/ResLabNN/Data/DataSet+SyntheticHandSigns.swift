import Foundation

extension DataSet {
    /// The class names of the synthetic hand signs: the number of raised fingers, as SIGNS'
    /// `list_classes` has them.
    public static let handSignClassNames = ["0", "1", "2", "3", "4", "5"]

    /// The default data set: synthetic hand signs, made in memory, the same for the same seed on
    /// every run and machine.
    ///
    /// Like the course's SIGNS set: `imageSize`×`imageSize` RGB images (64×64×3 by default, NHWC,
    /// pixels in [0, 1]) of a hand showing 0 to 5 raised fingers, the label being that number;
    /// `trainPerClass` training and `testPerClass` test images of each class (180 and 20, so
    /// 1080/120 like SIGNS), each split in a seeded random order. Every image varies in pose
    /// (position, rotation ±26°, size, left or right hand, finger spread), in which fingers make
    /// the count, in skin tone, lighting, background and exposure, and carries pixel noise.
    /// Test images are drawn from other random streams than training images.
    ///
    /// A smaller `imageSize` (32 suits quick tests and lessons; at least 16) draws the same scenes
    /// at a lower resolution. Images are drawn in parallel; each has its own random stream, so the
    /// result does not depend on how the work is split.
    public static func syntheticHandSigns(imageSize: Int = 64, trainPerClass: Int = 180, testPerClass: Int = 20,
                                          seed: Int = 0) throws -> DataSet {
        let name = "synthetic hand signs"
        guard imageSize >= 16 else {
            throw DataError.unsupported(file: name, reason: "imageSize must be at least 16, got \(imageSize)")
        }
        guard trainPerClass >= 0, testPerClass >= 0, trainPerClass + testPerClass > 0 else {
            throw DataError.unsupported(file: name, reason: "trainPerClass (\(trainPerClass)) and testPerClass "
                + "(\(testPerClass)) must not be negative, and not both zero")
        }
        let streamSeed = UInt64(bitPattern: Int64(seed))
        let classes = handSignClassNames.count
        let train = try drawHandSigns(count: trainPerClass * classes, classes: classes, imageSize: imageSize,
                                      seed: streamSeed, split: 0, name: name)
        let test = try drawHandSigns(count: testPerClass * classes, classes: classes, imageSize: imageSize,
                                     seed: streamSeed, split: 1, name: name)
        return try DataSet(name: name, train: train, test: test, classNames: handSignClassNames)
    }

    /// `count` images, the same number of each class, in a seeded random order.
    private static func drawHandSigns(count: Int, classes: Int, imageSize: Int, seed: UInt64, split: UInt64,
                                      name: String) throws -> LabelledImages {
        let shape = [count, imageSize, imageSize, 3]
        let total = try DataFile.checkedCount(of: shape, file: name, what: "the images")
        var labels = (0 ..< count).map { $0 % classes }
        var orderRandom = SeededRandom(seed: streamKey(seed: seed, split: split, index: UInt64.max))
        labels.shuffle(using: &orderRandom)
        let order = labels

        var scalars = [Float](repeating: 0, count: total)
        let renderer = HandSignRenderer(imageSize: imageSize)
        let pixelsPerImage = imageSize * imageSize * 3
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), max(count, 1))
        scalars.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // Each worker draws a contiguous run of images into its own part of the buffer.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let first = count * worker / workers, end = count * (worker + 1) / workers
                for index in first ..< end {
                    var random = SeededRandom(seed: streamKey(seed: seed, split: split, index: UInt64(index)))
                    let pixels = UnsafeMutableBufferPointer(start: base + index * pixelsPerImage, count: pixelsPerImage)
                    renderer.draw(label: order[index], random: &random, into: pixels)
                }
            }
        }
        return LabelledImages(images: try Tensor(shape: shape, scalars: scalars), labels: labels)
    }

    /// A seed for image `index` of `split` that differs for every (seed, split, index): the user's
    /// seed goes through a SplitMix64 finaliser first, so that neighbouring seeds do not give
    /// shifted copies of the same streams.
    private static func streamKey(seed: UInt64, split: UInt64, index: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z ^ (split << 62) ^ index
    }
}
