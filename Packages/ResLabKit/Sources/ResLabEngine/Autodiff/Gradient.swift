/// Reverse-mode differentiation over the tape the tracked tensors carry.

/// The gradients of `loss` with respect to each of `variables`.
///
/// `loss` is normally a scalar; for a larger tensor the gradient is that of the sum of its
/// elements (the seed is a tensor of ones), as TensorFlow's `GradientTape` does. Each variable must
/// be tracked (made with `requiringGradient()`, or computed from such a tensor); a variable the
/// loss does not depend on gets zeros. Every gradient has its variable's shape: a pullback that
/// returns another shape is reported as an error rather than silently broadcast.
public func gradient(of loss: Tensor, wrt variables: [Tensor]) throws -> [Tensor] {
    for (index, variable) in variables.enumerated() where variable.node == nil {
        throw TensorError.invalidArgument(
            op: "gradient(of:wrt:)",
            message: "variable \(index) of shape \(variable.shape) is not tracked; make it with requiringGradient() before computing the loss from it")
    }
    guard let root = loss.node else {
        // The loss does not depend on any tracked value.
        return variables.map { Tensor.zeros(uncheckedShape: $0.shape) }
    }
    let wanted = Set(variables.compactMap { $0.node.map(ObjectIdentifier.init) })
    var gradients: [ObjectIdentifier: Tensor] = [:]
    gradients[ObjectIdentifier(root)] = Tensor.filled(uncheckedShape: loss.shape, with: 1)

    for node in reverseTopologicalOrder(from: root) {
        let id = ObjectIdentifier(node)
        guard let pullback = node.pullback, let upstream = gradients[id] else { continue }
        if !wanted.contains(id) { gradients[id] = nil }  // no longer needed: free it early
        let inputGradients = try pullback(upstream)
        guard inputGradients.count == node.inputs.count else {
            throw TensorError.invalidArgument(
                op: "gradient(of:wrt:)",
                message: "the pullback of \(node.op) returned \(inputGradients.count) gradients for \(node.inputs.count) inputs")
        }
        for (input, inputGradient) in zip(node.inputs, inputGradients) {
            guard let input, let inputGradient else { continue }
            guard inputGradient.shape == input.shape else {
                throw TensorError.invalidArgument(
                    op: "gradient(of:wrt:)",
                    message: "the pullback of \(node.op) returned a gradient of shape \(inputGradient.shape) for an input of shape \(input.shape)")
            }
            let inputID = ObjectIdentifier(input)
            if var accumulated = gradients[inputID] {
                gradients[inputID] = nil  // keep the buffer uniquely referenced so the add is in place
                accumulated.addInPlace(inputGradient)
                gradients[inputID] = accumulated
            } else {
                gradients[inputID] = inputGradient.withoutDerivative()
            }
        }
    }
    return variables.map { variable in
        // `variable.node` is non-nil: checked on entry.
        variable.node.flatMap { gradients[ObjectIdentifier($0)] } ?? Tensor.zeros(uncheckedShape: variable.shape)
    }
}

/// The nodes reachable from `root`, each after every node that uses its value.
///
/// An iterative depth-first search (a deep network's graph would overflow the stack if walked
/// recursively) gives a post-order, in which inputs come before their users; reversed, every node's
/// gradient is complete before its pullback runs.
func reverseTopologicalOrder(from root: TapeNode) -> [TapeNode] {
    var order: [TapeNode] = []
    var visited = Set<ObjectIdentifier>([ObjectIdentifier(root)])
    var stack: [(node: TapeNode, nextInput: Int)] = [(root, 0)]
    while let (node, nextInput) = stack.last {
        if nextInput < node.inputs.count {
            stack[stack.count - 1].nextInput += 1
            if let input = node.inputs[nextInput], visited.insert(ObjectIdentifier(input)).inserted {
                stack.append((input, 0))
            }
        } else {
            order.append(node)
            stack.removeLast()
        }
    }
    return order.reversed()
}

/// The value of `function` at `points` and its gradients with respect to each point.
///
/// Each point becomes a fresh leaf (any tape it carried is cut), `function` is run on the leaves,
/// and the tape is walked back from its result.
public func valueWithGradient(at points: [Tensor], in function: ([Tensor]) throws -> Tensor) throws
    -> (value: Tensor, gradients: [Tensor]) {
    let leaves = points.map { $0.requiringGradient() }
    let value = try function(leaves)
    return (value.withoutDerivative(), try gradient(of: value, wrt: leaves))
}

/// The gradients of `function` at `points`.
public func gradient(at points: [Tensor], in function: ([Tensor]) throws -> Tensor) throws -> [Tensor] {
    try valueWithGradient(at: points, in: function).gradients
}

/// The value of `function` at `point` and its gradient there.
public func valueWithGradient(at point: Tensor, in function: (Tensor) throws -> Tensor) throws
    -> (value: Tensor, gradient: Tensor) {
    let result = try valueWithGradient(at: [point]) { try function($0[0]) }
    return (result.value, result.gradients[0])
}

/// The gradient of `function` at `point`.
public func gradient(at point: Tensor, in function: (Tensor) throws -> Tensor) throws -> Tensor {
    try valueWithGradient(at: point, in: function).gradient
}
