extension Model {
    /// The floating-point operations of one sample's forward pass in the convolutions and dense
    /// layers (2 per multiply-add), the GEMM work that dominates a ResNet; batch norms, activations
    /// and pooling are left out, as benchmarks usually count. A training step costs about three
    /// times this (forward, and the two products of the backward pass).
    public func forwardFLOPsPerSample() throws -> Int {
        let network = try builtNetwork()
        var total = 0
        for step in network.steps {
            let layer = step.node.layer
            let input = step.node.inputs[0].shape
            if let conv = layer as? Conv2D, let kernel = conv.kernel {
                let output = try conv.outputShape(for: [input])
                let pixels = (output[1] ?? 0) * (output[2] ?? 0)
                total += 2 * pixels * kernel.value.count
            } else if let dense = layer as? Dense, let kernel = dense.kernel {
                let rows = input.dropFirst().dropLast().reduce(1) { $0 * ($1 ?? 1) }
                total += 2 * rows * kernel.value.count
            } else if let inner = layer as? Model {
                total += try inner.forwardFLOPsPerSample()
            }
        }
        return total
    }
}
