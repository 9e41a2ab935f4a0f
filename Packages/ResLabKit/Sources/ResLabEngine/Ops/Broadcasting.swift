/// Explicit broadcasting (NumPy's `broadcast_to`).
extension Tensor {
    /// This tensor repeated along new leading axes and along its extent-1 axes to fill `shape`,
    /// by NumPy's rules; throws when it does not broadcast to `shape`.
    public func broadcasted(to target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let op = "broadcasted(to:)"
        guard try Shape.broadcast(shape, target, op: op) == target else {
            throw TensorError.invalidArgument(op: op, message: "cannot broadcast shape \(shape) to \(target)")
        }
        let sourceShape = shape
        let value = try Tensor.allocate(target, op: op) { out, _ in
            withScalars { x in
                stridedCopy(extents: target, from: x, offset: 0, strides: Shape.broadcastStrides(sourceShape, to: target),
                            to: out, offset: 0, strides: Shape.strides(target))
            }
        }
        return Tensor.recording(value, op: op, inputs: [self]) { g in [g.summed(toShape: sourceShape)] }
    }
}
