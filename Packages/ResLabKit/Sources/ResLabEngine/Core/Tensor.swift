/// A dense, row-major array of `Float` with a shape, and value semantics.
///
/// Layouts used across ResLab: images are NHWC (batch, height, width, channels), convolution
/// kernels are HWIO (height, width, input channels, output channels). Storage is a Swift array,
/// so copies are cheap until one of them is written (copy on write).
///
/// A tensor may also carry a node of the reverse-mode tape (see `requiringGradient()` and
/// `gradient(of:wrt:)`); ops record a node only when one of their inputs carries one, so
/// untracked arithmetic pays nothing for autodiff.
public struct Tensor {
    /// The extent of each axis; `[]` is a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public internal(set) var scalars: [Float]
    /// The tape node that produced this value, when it takes part in a differentiation.
    var node: TapeNode?

    /// A tensor of `shape` holding `scalars` in row-major order.
    ///
    /// Throws when the count does not match the shape, when an extent is negative, or when the
    /// tensor would exceed `MemoryBudget.bytes`.
    public init(shape: [Int], scalars: [Float]) throws {
        let count = try Tensor.checkedCount(of: shape, op: "Tensor(shape:scalars:)")
        guard count == scalars.count else {
            throw TensorError.scalarCountMismatch(op: "Tensor(shape:scalars:)", shape: shape, count: scalars.count)
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Builds a tensor whose shape and size were already validated by the caller.
    @usableFromInline
    init(uncheckedShape shape: [Int], scalars: [Float]) {
        self.shape = shape
        self.scalars = scalars
    }

    /// The number of axes.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { scalars.count }

    /// The element count of `shape`, after checking that every extent is non-negative and that the
    /// tensor fits in the memory budget.
    ///
    /// The product of the non-zero extents must fit the budget too, so that an empty tensor of
    /// shape [0, 10¹²] is refused: every partial product of a valid shape's extents then fits in
    /// an Int, and the kernels can multiply extents without overflow checks.
    public static func checkedCount(of shape: [Int], op: String) throws -> Int {
        _ = MemoryReuse.configure
        guard shape.allSatisfy({ $0 >= 0 }) else { throw TensorError.invalidShape(op: op, shape: shape) }
        let budgetElements = MemoryBudget.bytes / MemoryLayout<Float>.stride
        let span = shape.map { Swift.max($0, 1) }
        guard let elements = Shape.checkedProduct(span), elements <= budgetElements else {
            let bytes = Shape.checkedProduct(span + [MemoryLayout<Float>.stride]) ?? Int.max
            throw TensorError.overBudget(op: op, shape: shape, bytes: bytes, budget: MemoryBudget.bytes)
        }
        return shape.reduce(1, *)
    }
}

extension Tensor: Equatable {
    /// Whether two tensors have the same shape and elements (NaN is unequal to itself, as in IEEE).
    /// Elementwise comparison is `.==`.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}
