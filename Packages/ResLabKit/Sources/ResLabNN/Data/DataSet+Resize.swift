extension DataSet {
    /// The data set with every image made `imageSize`×`imageSize`, by averaging each k×k block
    /// of pixels into one (k = the old size / `imageSize`); labels and class names unchanged.
    ///
    /// Only square images and a size that divides theirs are accepted (64×64 → 32, 16, 8, …), so
    /// that no pixel is invented or dropped; anything else throws `DataError.unsupported` naming
    /// the set, the sizes and the sizes that would work. The same size returns the set as it is.
    public func resized(imageSize: Int) throws -> DataSet {
        let shape = imageShape
        let (height, width) = (shape[0], shape[1])
        guard height != imageSize || width != imageSize else { return self }
        guard height == width else {
            throw DataError.unsupported(file: name, reason: "cannot resize \(height)×\(width) images to "
                + "\(imageSize)×\(imageSize): only square images can be resized")
        }
        guard imageSize > 0, imageSize < height, height % imageSize == 0 else {
            let sizes = (1 ..< height).filter { height % $0 == 0 }.reversed().map(String.init)
            throw DataError.unsupported(file: name, reason: "cannot resize \(height)×\(width) images to "
                + "\(imageSize)×\(imageSize): images can only be shrunk by a whole factor, to one of "
                + sizes.joined(separator: ", "))
        }
        func shrink(_ split: LabelledImages) throws -> LabelledImages {
            let factor = height / imageSize, channels = shape[2], count = split.count
            let source = split.images.scalars
            var result = [Float](repeating: 0, count: count * imageSize * imageSize * channels)
            let scale = 1 / Float(factor * factor)
            for image in 0 ..< count {
                for y in 0 ..< imageSize {
                    for x in 0 ..< imageSize {
                        for channel in 0 ..< channels {
                            var sum: Float = 0
                            for dy in 0 ..< factor {
                                let row = ((image * height) + y * factor + dy) * width
                                for dx in 0 ..< factor { sum += source[(row + x * factor + dx) * channels + channel] }
                            }
                            result[((image * imageSize + y) * imageSize + x) * channels + channel] = sum * scale
                        }
                    }
                }
            }
            return LabelledImages(images: try Tensor(shape: [count, imageSize, imageSize, channels], scalars: result),
                                  labels: split.labels)
        }
        return try DataSet(name: name, train: shrink(train), test: shrink(test), classNames: classNames)
    }
}
