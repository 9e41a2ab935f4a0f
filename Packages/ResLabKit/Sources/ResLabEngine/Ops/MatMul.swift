/// Matrix products through OpenBLAS.

/// The matrix product op(lhs)·op(rhs), where op transposes the last two axes when asked.
///
/// Both operands have rank ≥ 2. Leading axes are batch axes: they must be equal, or one operand
/// has none and is used for every batch (so `[b, m, k]·[k, n]` is a dense layer over a batch).
/// Throws when the inner extents differ or the batch axes do not match.
public func matmul(_ lhs: Tensor, transposed transposeLhs: Bool = false,
                   _ rhs: Tensor, transposed transposeRhs: Bool = false) throws -> Tensor {
    let op = "matmul"
    guard lhs.rank >= 2, rhs.rank >= 2 else {
        throw TensorError.invalidArgument(op: op, message: "needs operands of rank ≥ 2, got shapes \(lhs.shape) and \(rhs.shape)")
    }
    let lhsBatch = Array(lhs.shape.dropLast(2)), rhsBatch = Array(rhs.shape.dropLast(2))
    guard lhsBatch.isEmpty || rhsBatch.isEmpty || lhsBatch == rhsBatch else {
        throw TensorError.invalidArgument(
            op: op, message: "batch axes of shapes \(lhs.shape) and \(rhs.shape) differ; they must be equal or one operand must be a matrix")
    }
    let (lr, lc) = (lhs.shape[lhs.rank - 2], lhs.shape[lhs.rank - 1])
    let (rr, rc) = (rhs.shape[rhs.rank - 2], rhs.shape[rhs.rank - 1])
    let (m, k) = transposeLhs ? (lc, lr) : (lr, lc)
    let (k2, n) = transposeRhs ? (rc, rr) : (rr, rc)
    guard k == k2 else {
        throw TensorError.invalidArgument(
            op: op, message: "cannot multiply shapes \(lhs.shape)\(transposeLhs ? "ᵀ" : "") and \(rhs.shape)\(transposeRhs ? "ᵀ" : ""): inner extents \(k) and \(k2) differ")
    }
    let batch = lhsBatch.isEmpty ? rhsBatch : lhsBatch
    let batchCount = batch.reduce(1, *)
    try checkBLASSizes([m * (rhsBatch.isEmpty ? batchCount : 1), n, k], op: op, shapes: [lhs.shape, rhs.shape])
    let value = try Tensor.allocate(batch + [m, n], op: op) { out, _ in
        lhs.withScalars { a in
            rhs.withScalars { b in
                if rhsBatch.isEmpty && !transposeLhs {
                    // One GEMM over every batch's rows at once: [batch·m, k]·[k, n].
                    parallelGEMM(transposeB: transposeRhs, m: batchCount * m, n: n, k: k, a, lda: lc, b, ldb: rc, out, ldc: n)
                    return
                }
                for index in 0..<batchCount {
                    parallelGEMM(transposeA: transposeLhs, transposeB: transposeRhs, m: m, n: n, k: k,
                         a + (lhsBatch.isEmpty ? 0 : index * lr * lc), lda: lc,
                         b + (rhsBatch.isEmpty ? 0 : index * rr * rc), ldb: rc,
                         out + index * m * n, ldc: n)
                }
            }
        }
    }
    let (a, b) = (lhs.withoutDerivative(), rhs.withoutDerivative())
    let (needA, needB) = (lhs.isTracked, rhs.isTracked)
    return Tensor.recording(value, op: op, inputs: [lhs, rhs]) { g in
        // With C = op(A)·op(B): dop(A) = G·op(B)ᵀ and dop(B) = op(A)ᵀ·G, transposed back where
        // the operand was stored transposed; a broadcast operand sums its batches' gradients.
        let gradientA = !needA ? nil : transposeLhs
            ? try matmul(b, transposed: transposeRhs, g, transposed: true)
            : try matmul(g, transposed: false, b, transposed: !transposeRhs)
        let gradientB = !needB ? nil : transposeRhs
            ? try matmul(g, transposed: true, a, transposed: transposeLhs)
            : try matmul(a, transposed: !transposeLhs, g)
        return [gradientA.map { $0.summed(toShape: a.shape) }, gradientB.map { $0.summed(toShape: b.shape) }]
    }
}
