/// Ways to make a tensor: literals, constant fills and seeded random draws (Swift for TensorFlow's names).
extension Tensor {
    // MARK: - Scalars and nested arrays

    /// A scalar (rank-0) tensor.
    public init(_ scalar: Float) {
        self.init(uncheckedShape: [], scalars: [scalar])
    }

    /// A scalar (rank-0) tensor.
    public init(_ scalar: Double) {
        self.init(Float(scalar))
    }

    /// A rank-1 tensor of the elements.
    public init(_ elements: [Float]) {
        self.init(uncheckedShape: [elements.count], scalars: elements)
    }

    /// A rank-1 tensor of the elements, converted to `Float`.
    public init(_ elements: [Double]) {
        self.init(elements.map { Float($0) })
    }

    /// A matrix from its rows, e.g. `Tensor([[1.0], [2.0]])` has shape `[2, 1]`. Throws when the rows differ in length.
    public init(_ rows: [[Float]]) throws {
        try self.init(nested: rows.map { Tensor($0) }, innerRank: 1)
    }

    /// A matrix from its rows, converted to `Float`. Throws when the rows differ in length.
    public init(_ rows: [[Double]]) throws {
        try self.init(nested: rows.map { Tensor($0) }, innerRank: 1)
    }

    /// A rank-3 tensor from nested arrays. Throws when the nesting is ragged.
    public init(_ elements: [[[Float]]]) throws {
        try self.init(nested: elements.map { try Tensor($0) }, innerRank: 2)
    }

    /// A rank-3 tensor from nested arrays, converted to `Float`. Throws when the nesting is ragged.
    public init(_ elements: [[[Double]]]) throws {
        try self.init(nested: elements.map { try Tensor($0) }, innerRank: 2)
    }

    /// A rank-4 tensor (e.g. NHWC images) from nested arrays. Throws when the nesting is ragged.
    public init(_ elements: [[[[Float]]]]) throws {
        try self.init(nested: elements.map { try Tensor($0) }, innerRank: 3)
    }

    /// A rank-4 tensor from nested arrays, converted to `Float`. Throws when the nesting is ragged.
    public init(_ elements: [[[[Double]]]]) throws {
        try self.init(nested: elements.map { try Tensor($0) }, innerRank: 3)
    }

    /// Stacks equally shaped tensors along a new first axis; `innerRank` gives an empty array's shape.
    private init(nested parts: [Tensor], innerRank: Int) throws {
        let inner = parts.first?.shape ?? [Int](repeating: 0, count: innerRank)
        for (index, part) in parts.enumerated() where part.shape != inner {
            throw TensorError.invalidArgument(
                op: "Tensor(_:)",
                message: "ragged nested array: element 0 has shape \(inner) but element \(index) has shape \(part.shape)")
        }
        let shape = [parts.count] + inner
        let count = try Tensor.checkedCount(of: shape, op: "Tensor(_:)")
        var scalars: [Float] = []
        scalars.reserveCapacity(count)
        for part in parts { scalars += part.scalars }
        self.init(uncheckedShape: shape, scalars: scalars)
    }

    // MARK: - Constant fills

    /// A tensor of `shape` with every element `value` (NumPy's `full`).
    public init(repeating value: Float, shape: [Int]) throws {
        let count = try Tensor.checkedCount(of: shape, op: "Tensor(repeating:shape:)")
        self.init(uncheckedShape: shape, scalars: [Float](repeating: value, count: count))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) throws {
        let count = try Tensor.checkedCount(of: shape, op: "Tensor(zeros:)")
        self.init(uncheckedShape: shape, scalars: [Float](repeating: 0, count: count))
    }

    /// A tensor of ones.
    public init(ones shape: [Int]) throws {
        let count = try Tensor.checkedCount(of: shape, op: "Tensor(ones:)")
        self.init(uncheckedShape: shape, scalars: [Float](repeating: 1, count: count))
    }

    /// A tensor of zeros with `other`'s shape.
    public init(zerosLike other: Tensor) {
        self = Tensor.zeros(uncheckedShape: other.shape)
    }

    /// A tensor of ones with `other`'s shape.
    public init(onesLike other: Tensor) {
        self.init(uncheckedShape: other.shape, scalars: [Float](repeating: 1, count: other.count))
    }

    // MARK: - Seeded random draws

    /// Uniform samples in [`lowerBound`, `upperBound`), the same on every run for the same seed.
    public init(randomUniform shape: [Int], lowerBound: Float = 0, upperBound: Float = 1, seed: Int) throws {
        var generator = SeededRandom(seed: seed)
        try self.init(randomUniform: shape, lowerBound: lowerBound, upperBound: upperBound, generator: &generator)
    }

    /// Uniform samples in [`lowerBound`, `upperBound`) drawn from `generator` in row-major order.
    public init(randomUniform shape: [Int], lowerBound: Float = 0, upperBound: Float = 1,
                generator: inout SeededRandom) throws {
        try self.init(drawing: shape, op: "Tensor(randomUniform:)") { generator.nextUniform(lowerBound, upperBound) }
    }

    /// Normal samples with the given mean and standard deviation, the same on every run for the same seed.
    public init(randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1, seed: Int) throws {
        var generator = SeededRandom(seed: seed)
        try self.init(randomNormal: shape, mean: mean, standardDeviation: standardDeviation, generator: &generator)
    }

    /// Normal samples drawn from `generator` in row-major order.
    public init(randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                generator: inout SeededRandom) throws {
        try self.init(drawing: shape, op: "Tensor(randomNormal:)") { mean + standardDeviation * generator.nextNormal() }
    }

    /// Normal samples redrawn until within two standard deviations of the mean (Keras' `TruncatedNormal`).
    public init(randomTruncatedNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1, seed: Int) throws {
        var generator = SeededRandom(seed: seed)
        try self.init(randomTruncatedNormal: shape, mean: mean, standardDeviation: standardDeviation, generator: &generator)
    }

    /// Truncated normal samples drawn from `generator` in row-major order.
    public init(randomTruncatedNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                generator: inout SeededRandom) throws {
        try self.init(drawing: shape, op: "Tensor(randomTruncatedNormal:)") {
            mean + standardDeviation * generator.nextTruncatedNormal()
        }
    }

    /// A tensor of `shape` filled in row-major order by successive calls of `draw`.
    private init(drawing shape: [Int], op: String, _ draw: () -> Float) throws {
        let count = try Tensor.checkedCount(of: shape, op: op)
        self.init(uncheckedShape: shape, scalars: (0..<count).map { _ in draw() })
    }

    // MARK: - Reading back

    /// The value of a tensor with exactly one element (any rank).
    public func scalarized() throws -> Float {
        guard count == 1 else {
            throw TensorError.invalidArgument(op: "scalarized()", message: "shape \(shape) holds \(count) elements, not 1")
        }
        return scalars[0]
    }
}
