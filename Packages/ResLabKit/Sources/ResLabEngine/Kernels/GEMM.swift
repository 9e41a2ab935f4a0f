import COpenBLAS

/// C = alpha·op(A)·op(B) + beta·C on row-major matrices through OpenBLAS's `cblas_sgemm`.
///
/// op(A) is m×k, op(B) is k×n, C is m×n; `lda`, `ldb`, `ldc` are the row strides of the matrices
/// as stored (so A stored k×m when transposed has lda ≥ m). Sizes were checked by the caller to
/// fit in Int32, the width of BLAS's integers.
@inline(__always)
func gemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
          _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
          beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    _ = Parallelism.configureBLAS
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        // BLAS leaves C untouched when k is 0; the product of empty matrices is 0.
        for row in 0..<m { for column in 0..<n { c[row &* ldc &+ column] *= beta } }
        return
    }
    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(truncatingIfNeeded: m), Int32(truncatingIfNeeded: n), Int32(truncatingIfNeeded: k), alpha,
                a, Int32(truncatingIfNeeded: lda), b, Int32(truncatingIfNeeded: ldb), beta, c, Int32(truncatingIfNeeded: ldc))
}

/// Throws unless every extent fits BLAS's 32-bit integers.
func checkBLASSizes(_ extents: [Int], op: String, shapes: [[Int]]) throws {
    guard extents.allSatisfy({ $0 <= Int(Int32.max) }) else {
        throw TensorError.invalidArgument(op: op, message: "shapes \(shapes) are too large for BLAS (an extent exceeds 2³¹ - 1)")
    }
}
