/// One recorded op of the reverse-mode tape.
///
/// The tape is not a global list: each tracked tensor points at the node that produced it, and a
/// node points at its inputs' nodes, so the graph of one loss is exactly what that loss can reach
/// and is freed with it. (micrograd and tinygrad keep their graphs the same way.)
final class TapeNode {
    /// The op's name, for error messages.
    let op: String
    /// The shape of the value this node produced; every gradient arriving here must have it.
    let shape: [Int]
    /// The nodes of the op's inputs, `nil` for inputs that are constants.
    let inputs: [TapeNode?]
    /// Maps the gradient of this node's value to the gradients of its inputs (nil: no gradient,
    /// for a constant input or one that received no contribution).
    let pullback: ((Tensor) throws -> [Tensor?])?

    /// A leaf: a value the caller differentiates with respect to.
    init(leafOfShape shape: [Int]) {
        op = "leaf"
        self.shape = shape
        inputs = []
        pullback = nil
    }

    init(op: String, shape: [Int], inputs: [TapeNode?], pullback: @escaping (Tensor) throws -> [Tensor?]) {
        self.op = op
        self.shape = shape
        self.inputs = inputs
        self.pullback = pullback
    }
}

extension Tensor {
    /// This value as a leaf of a new differentiation: ops on it are recorded, and
    /// `gradient(of:wrt:)` can return the gradient with respect to it.
    public func requiringGradient() -> Tensor {
        var leaf = self
        leaf.node = TapeNode(leafOfShape: shape)
        return leaf
    }

    /// Whether ops on this value are being recorded for differentiation.
    public var isTracked: Bool { node != nil }

    /// This value cut off from the tape: gradients do not flow through it.
    public func withoutDerivative() -> Tensor {
        var value = self
        value.node = nil
        return value
    }

    /// Attaches a recorded op to `value` when any input is tracked, and returns `value` unchanged
    /// otherwise.
    ///
    /// For layers and ops outside the engine (fused losses, custom activations): compute `value`
    /// from the inputs' `withoutDerivative()` values, then record it here with a `pullback` that
    /// maps the gradient of `value` (same shape as `value`) to one gradient per input, each of its
    /// input's shape, or nil where an input gets none. The pullback runs with untracked tensors, so
    /// the ops inside it record nothing; it should capture values, not tracked tensors.
    public static func recording(_ value: Tensor, op: String, inputs: [Tensor],
                                 pullback: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        let nodes = inputs.map(\.node)
        guard nodes.contains(where: { $0 != nil }) else { return value }
        var result = value
        result.node = TapeNode(op: op, shape: value.shape, inputs: nodes, pullback: pullback)
        return result
    }
}

/// `x` cut off from the tape (Swift for TensorFlow's spelling).
public func withoutDerivative(at x: Tensor) -> Tensor { x.withoutDerivative() }
