import Dispatch

/// Elementwise kernels: maps over one tensor, zips of equally shaped tensors, and NumPy-broadcast
/// binary ops. Large loops are split across the workers.
extension Tensor {
    /// `f` applied to every element.
    func mapped<F: UnaryFunction>(_ f: F) -> Tensor {
        Tensor(uncheckedShape: shape, count: count) { out, count in
            withScalars { x in
                Parallelism.forEachChunk(of: count) { range in
                    for i in range { out[i] = f(x[i]) }
                }
            }
        }
    }

    /// `f` applied to corresponding elements of two tensors of the same shape.
    static func zipMapped<F: BinaryFunction>(_ a: Tensor, _ b: Tensor, _ f: F) -> Tensor {
        Tensor(uncheckedShape: a.shape, count: a.count) { out, count in
            a.withScalars { x in
                b.withScalars { y in
                    Parallelism.forEachChunk(of: count) { range in
                        for i in range { out[i] = f(x[i], y[i]) }
                    }
                }
            }
        }
    }

    /// `f` applied to corresponding elements of three tensors of the same shape.
    static func zipMapped<F: TernaryFunction>(_ a: Tensor, _ b: Tensor, _ c: Tensor, _ f: F) -> Tensor {
        Tensor(uncheckedShape: a.shape, count: a.count) { out, count in
            a.withScalars { x in
                b.withScalars { y in
                    c.withScalars { z in
                        Parallelism.forEachChunk(of: count) { range in
                            for i in range { out[i] = f(x[i], y[i], z[i]) }
                        }
                    }
                }
            }
        }
    }

    /// `f` applied to the NumPy broadcast of `a` and `b`; `op` names the op in errors.
    static func broadcasting<F: BinaryFunction>(_ a: Tensor, _ b: Tensor, op: String, _ f: F) throws -> Tensor {
        if a.shape == b.shape { return zipMapped(a, b, f) }
        let shape = try Shape.broadcast(a.shape, b.shape, op: op)
        return try allocate(shape, op: op) { out, _ in
            let layout = StridedLayout(
                extents: shape,
                strides: [Shape.strides(shape), Shape.broadcastStrides(a.shape, to: shape), Shape.broadcastStrides(b.shape, to: shape)])
            a.withScalars { x in
                b.withScalars { y in
                    layout.forEachRowInParallel { offsets, inner, strides in
                        let o = out + offsets[0], p = x + offsets[1], q = y + offsets[2]
                        switch (strides[1], strides[2]) {
                        case (1, 1): for i in 0..<inner { o[i] = f(p[i], q[i]) }
                        case (1, 0): let v = q[0]; for i in 0..<inner { o[i] = f(p[i], v) }
                        case (0, 1): let u = p[0]; for i in 0..<inner { o[i] = f(u, q[i]) }
                        case let (sp, sq): for i in 0..<inner { o[i] = f(p[i &* sp], q[i &* sq]) }
                        }
                    }
                }
            }
        }
    }

    /// Adds `other` (same shape) into this tensor's storage, as gradient accumulation needs.
    mutating func addInPlace(_ other: Tensor) {
        let count = self.count
        other.withScalars { y in
            withMutableScalars { x in
                Parallelism.forEachChunk(of: count) { range in
                    for i in range { x[i] += y[i] }
                }
            }
        }
    }
}
