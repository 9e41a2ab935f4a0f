/// Images with one integer label each: one split of a `DataSet`.
public struct LabelledImages {
    /// NHWC Float32 images, `[count, height, width, channels]`; pixels read from 8-bit files are
    /// divided by 255 so they lie in [0, 1].
    public let images: Tensor
    /// One class index per image, each in `0 ..< classCount` of the data set.
    public let labels: [Int]

    /// The number of images.
    public var count: Int { labels.count }

    /// Images and labels as they are; `DataSet.init` checks that they agree.
    public init(images: Tensor, labels: [Int]) {
        self.images = images
        self.labels = labels
    }

    /// A split with no images of `imageShape` (`[height, width, channels]`).
    static func empty(imageShape: [Int]) throws -> LabelledImages {
        LabelledImages(images: try Tensor(shape: [0] + imageShape, scalars: []), labels: [])
    }

    /// The labels one-hot encoded: `[count, classCount]`, row `i` is 1 at column `labels[i]` and 0
    /// elsewhere (what the course's `convert_to_one_hot(Y, 6).T` gives).
    public func oneHotLabels(classCount: Int) throws -> Tensor {
        try DataSet.oneHot(labels, classCount: classCount)
    }
}

/// A labelled image data set: a training split, a test split, and the names of its classes.
///
/// Built by `DataSet.load(path:)` from a file or folder, or by `DataSet.syntheticHandSigns(_:)`.
/// Either split may be empty (a SIGNS test file alone has no training images), not both; when
/// both hold images, their images have the same height, width and channels.
public struct DataSet {
    /// What the set is called in messages: a file name, or `synthetic hand signs`.
    public let name: String
    public let train: LabelledImages
    public let test: LabelledImages
    /// One name per class, in label order; `classNames[label]` names a label.
    public let classNames: [String]

    /// The number of classes.
    public var classCount: Int { classNames.count }

    /// `[height, width, channels]` of every image.
    public var imageShape: [Int] {
        Array((train.count > 0 ? train.images : test.images).shape.dropFirst())
    }

    /// A data set after checking that it is consistent.
    ///
    /// Throws `DataError` (naming `name`) when images are not rank 4, when a split's image and
    /// label counts differ, when the two splits' image shapes differ, when both splits are empty,
    /// when there is no class, or when a label lies outside `0 ..< classNames.count`.
    public init(name: String, train: LabelledImages, test: LabelledImages, classNames: [String]) throws {
        guard !classNames.isEmpty else {
            throw DataError.mislabelled(file: name, reason: "the data set has no classes")
        }
        for (split, part) in [("training", train), ("test", test)] {
            guard part.images.rank == 4 else {
                throw DataError.corrupt(file: name, reason: "\(split) images have shape \(part.images.shape); "
                    + "expected [count, height, width, channels]")
            }
            guard part.images.shape[0] == part.labels.count else {
                throw DataError.mislabelled(file: name, reason: "there are \(part.labels.count) \(split) labels "
                    + "but \(part.images.shape[0]) \(split) images")
            }
            try Self.checkLabels(part.labels, classCount: classNames.count, file: name, what: "\(split) label")
        }
        guard train.count > 0 || test.count > 0 else {
            throw DataError.corrupt(file: name, reason: "the data set has no images")
        }
        if train.count > 0, test.count > 0, train.images.shape.dropFirst() != test.images.shape.dropFirst() {
            throw DataError.corrupt(file: name, reason: "training images are \(Array(train.images.shape.dropFirst())) "
                + "but test images are \(Array(test.images.shape.dropFirst()))")
        }
        self.name = name
        self.train = train
        self.test = test
        self.classNames = classNames
    }

    /// The training labels one-hot encoded, `[train.count, classCount]`.
    public func trainOneHotLabels() throws -> Tensor { try train.oneHotLabels(classCount: classCount) }

    /// The test labels one-hot encoded, `[test.count, classCount]`.
    public func testOneHotLabels() throws -> Tensor { try test.oneHotLabels(classCount: classCount) }

    /// `labels` one-hot encoded: a `[labels.count, classCount]` tensor with row `i` equal to 1 at
    /// column `labels[i]` and 0 elsewhere.
    ///
    /// Throws `TensorError.invalidArgument` when a label lies outside `0 ..< classCount`, and
    /// `TensorError.overBudget` when the result would not fit the memory budget.
    public static func oneHot(_ labels: [Int], classCount: Int) throws -> Tensor {
        let op = "DataSet.oneHot(_:classCount:)"
        guard classCount > 0 else {
            throw TensorError.invalidArgument(op: op, message: "classCount must be positive, got \(classCount)")
        }
        let count = try Tensor.checkedCount(of: [labels.count, classCount], op: op)
        var scalars = [Float](repeating: 0, count: count)
        for (row, label) in labels.enumerated() {
            guard label >= 0, label < classCount else {
                throw TensorError.invalidArgument(op: op, message: "label \(label) at index \(row) "
                    + "is outside 0..<\(classCount)")
            }
            scalars[row * classCount + label] = 1
        }
        return try Tensor(shape: [labels.count, classCount], scalars: scalars)
    }

    /// The most classes a reader infers from label values alone; a larger label is taken for
    /// corruption rather than allocating millions of class names.
    static let maximumInferredClassCount = 1 << 16

    /// The class count of a set whose classes are known only by number: the largest label plus
    /// one (labels are already known to be 0 or more).
    static func numberedClassCount(_ labels: [Int], file: String) throws -> Int {
        let largest = labels.max() ?? 0
        guard largest < maximumInferredClassCount else {
            throw DataError.mislabelled(file: file, reason: "label \(largest) implies more than "
                + "\(maximumInferredClassCount) classes; the labels are probably corrupt")
        }
        return largest + 1
    }

    /// Refuses the first label outside `0 ..< classCount`, naming its position.
    static func checkLabels(_ labels: [Int], classCount: Int, file: String, what: String) throws {
        if let index = labels.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
            throw DataError.mislabelled(file: file, reason: "\(what) \(labels[index]) at index \(index) "
                + "is outside the \(classCount) classes 0..<\(classCount)")
        }
    }
}
