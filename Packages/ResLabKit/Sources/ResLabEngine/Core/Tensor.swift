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
    public static func checkedCount(of shape: [Int], op: String) throws -> Int {
        var count = 1
        for extent in shape {
            guard extent >= 0 else { throw TensorError.invalidShape(op: op, shape: shape) }
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else { throw TensorError.overBudget(op: op, shape: shape, bytes: Int.max, budget: MemoryBudget.bytes) }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
        guard !overflow, bytes <= MemoryBudget.bytes else {
            throw TensorError.overBudget(op: op, shape: shape, bytes: overflow ? Int.max : bytes, budget: MemoryBudget.bytes)
        }
        return count
    }
}
