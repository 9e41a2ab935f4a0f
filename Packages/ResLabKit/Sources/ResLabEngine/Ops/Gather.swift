/// Gathering slices by index, and one-hot encoding.
extension Tensor {
    /// The slices at `indices` along `axis` (NumPy's `take`): the result's shape is this shape
    /// with `axis` replaced by `indices.shape`. Indices are whole numbers stored as Float; a
    /// negative or too large index throws. The pullback adds each gradient slice back at its index.
    public func gathering(atIndices indices: Tensor, alongAxis axis: Int = 0) throws -> Tensor {
        let op = "gathering(atIndices:alongAxis:)"
        let axis = try Shape.normalize(axis: axis, rank: rank, op: op, shape: shape)
        let positions = try Tensor.indexValues(indices, below: shape[axis], op: op, what: "axis \(axis) of shape \(shape)")
        let (outer, extent, inner) = splitShape(around: axis)
        let target = Array(shape[..<axis]) + indices.shape + Array(shape[(axis + 1)...])
        let picked = positions.count
        let value = try Tensor.allocate(target, op: op) { out, _ in
            withScalars { x in
                for o in 0..<outer {
                    for (k, position) in positions.enumerated() {
                        (out + (o &* picked &+ k) &* inner).update(from: x + (o &* extent &+ position) &* inner, count: inner)
                    }
                }
            }
        }
        let sourceShape = shape
        return Tensor.recording(value, op: op, inputs: [self]) { g in
            var full = Tensor.zeros(uncheckedShape: sourceShape)
            full.withMutableScalars { out in
                g.withScalars { gradient in
                    for o in 0..<outer {
                        for (k, position) in positions.enumerated() {
                            let source = gradient + (o &* picked &+ k) &* inner, destination = out + (o &* extent &+ position) &* inner
                            for i in 0..<inner { destination[i] += source[i] }
                        }
                    }
                }
            }
            return [full]
        }
    }

    /// The slices at `indices` along `axis`.
    public func gathering(atIndices indices: [Int], alongAxis axis: Int = 0) throws -> Tensor {
        try gathering(atIndices: Tensor(indices.map { Float($0) }), alongAxis: axis)
    }

    /// One-hot rows: a tensor of `indices.shape + [depth]` with 1 at each index and 0 elsewhere
    /// (Keras' `to_categorical`). Throws on an index outside `0..<depth`.
    public init(oneHotAtIndices indices: Tensor, depth: Int) throws {
        let op = "Tensor(oneHotAtIndices:depth:)"
        guard depth >= 0 else { throw TensorError.invalidArgument(op: op, message: "depth \(depth) must not be negative") }
        let positions = try Tensor.indexValues(indices, below: depth, op: op, what: "depth \(depth)")
        self = try Tensor.allocate(indices.shape + [depth], op: op) { out, count in
            out.initialize(repeating: 0, count: count)
            for (row, position) in positions.enumerated() { out[row &* depth &+ position] = 1 }
        }
    }

    /// One-hot rows for integer class labels.
    public init(oneHotAtIndices indices: [Int], depth: Int) throws {
        try self.init(oneHotAtIndices: Tensor(indices.map { Float($0) }), depth: depth)
    }

    /// The elements of `indices` as Ints, after checking each is a whole number in `0..<bound`.
    static func indexValues(_ indices: Tensor, below bound: Int, op: String, what: String) throws -> [Int] {
        try indices.scalars.enumerated().map { position, value in
            guard value.rounded() == value, value >= 0, value < Float(bound) else {
                throw TensorError.invalidArgument(
                    op: op, message: "index \(value) at position \(position) of indices \(indices.shape) is out of range for \(what) (valid: 0..<\(bound))")
            }
            return Int(value)
        }
    }
}
