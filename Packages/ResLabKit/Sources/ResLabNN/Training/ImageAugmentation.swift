import ResLabEngine

/// Random changes made to each training image as `fit` draws it into a batch, so that the model
/// sees a slightly different picture of every sample on every epoch (He et al. 2015, §4.2, for
/// CIFAR-10: "4 pixels are padded on each side, and a 32×32 crop is randomly sampled from the
/// padded image or its horizontal flip").
///
/// Images are NHWC `[batch, height, width, channels]`; the result has the same shape. For each
/// image, independently:
/// - shift: the image is padded with `shiftPadding` zero pixels on every side and a window of
///   the original size is cut at a random offset, so the picture moves by −p…p pixels on each
///   axis (every offset equally likely) and the uncovered border is black;
/// - flip: with probability ½, the image is mirrored left to right (the W axis reversed).
///
/// A hand sign's finger count does not change under either, nor does a CIFAR-10 class. The draws
/// come from a generator of their own, seeded by `seed` (or, when it is nil, by the seed `fit`
/// shuffles with), so a seeded run repeats exactly and the shuffling order is the same with and
/// without augmentation. Test and validation images are never augmented.
public struct ImageAugmentation: Equatable, Sendable {
    /// The most pixels an image moves on each axis; 0 turns shifting off.
    public let shiftPadding: Int
    /// Whether half of the images, drawn at random, are mirrored left to right.
    public let horizontalFlip: Bool
    /// The seed of the draws; nil derives it from the seed of `fit`.
    public let seed: Int?

    /// Throws when `shiftPadding` is negative.
    public init(shiftPadding: Int = 0, horizontalFlip: Bool = false, seed: Int? = nil) throws {
        guard shiftPadding >= 0 else {
            throw NNError.invalidArgument(op: "ImageAugmentation(shiftPadding: \(shiftPadding))",
                                          message: "shiftPadding must not be negative")
        }
        self.shiftPadding = shiftPadding
        self.horizontalFlip = horizontalFlip
        self.seed = seed
    }

    /// He et al.'s CIFAR-10 recipe: shifts of up to 4 pixels and horizontal flips.
    public static func shiftsAndFlips(seed: Int? = nil) -> ImageAugmentation {
        // Both arguments are valid, so the initialiser cannot throw.
        (try? ImageAugmentation(shiftPadding: 4, horizontalFlip: true, seed: seed))!
    }

    /// What is done to one image: the crop's top-left corner in the padded image (each in
    /// 0…2·shiftPadding; shiftPadding, shiftPadding leaves the image in place) and whether the
    /// crop is mirrored.
    struct Transform: Equatable {
        var cropTop: Int
        var cropLeft: Int
        var flipped: Bool
    }

    /// Draws one transform per image from `random`.
    func drawTransforms(count: Int, using random: inout SeededRandom) -> [Transform] {
        let span = UInt64(2 * shiftPadding + 1)
        return (0 ..< count).map { _ in
            let top = shiftPadding > 0 ? Int(random.next() % span) : 0
            let left = shiftPadding > 0 ? Int(random.next() % span) : 0
            let flipped = horizontalFlip && random.next() & 1 == 1
            return Transform(cropTop: top, cropLeft: left, flipped: flipped)
        }
    }

    /// The batch `images` with a random transform drawn from `random` applied to each image.
    ///
    /// Throws when `images` is not rank 4.
    public func apply(to images: Tensor, using random: inout SeededRandom) throws -> Tensor {
        try checkImages(images)
        return try apply(drawTransforms(count: images.shape[0], using: &random), to: images)
    }

    /// `images` with `transforms[i]` applied to image `i`:
    /// `out[y][x] = in[y + cropTop − p][x′ + cropLeft − p]`, with x′ = W − 1 − x when flipped and
    /// x otherwise, and 0 where that falls outside the image.
    func apply(_ transforms: [Transform], to images: Tensor) throws -> Tensor {
        try checkImages(images)
        let (count, height, width, channels) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
        let p = shiftPadding
        let source = images.withoutDerivative().scalars
        var result = [Float](repeating: 0, count: source.count)
        let imageSize = height * width * channels
        for (index, transform) in zip(0 ..< count, transforms) {
            let base = index * imageSize
            for y in 0 ..< height {
                let sourceY = y + transform.cropTop - p
                guard sourceY >= 0, sourceY < height else { continue }
                for x in 0 ..< width {
                    let sourceX = (transform.flipped ? width - 1 - x : x) + transform.cropLeft - p
                    guard sourceX >= 0, sourceX < width else { continue }
                    let from = base + (sourceY * width + sourceX) * channels
                    let to = base + (y * width + x) * channels
                    for channel in 0 ..< channels { result[to + channel] = source[from + channel] }
                }
            }
        }
        return try Tensor(shape: images.shape, scalars: result)
    }

    private func checkImages(_ images: Tensor) throws {
        guard images.rank == 4 else {
            throw NNError.invalidData(op: "ImageAugmentation",
                                      message: "augments NHWC images [batch, height, width, channels], got shape \(images.shape)")
        }
    }
}
