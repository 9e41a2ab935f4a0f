import COpenBLAS

/// C = alpha·op(A)·op(B) + beta·C on row-major matrices through OpenBLAS's `cblas_sgemm`.
///
/// op(A) is m×k, op(B) is k×n, C is m×n; `lda`, `ldb`, `ldc` are the row strides of the matrices
/// as stored (so A stored k×m when transposed has lda ≥ m). Sizes were checked by the caller to
/// fit in Int32, the width of BLAS's integers. Runs on the calling thread (see `Parallelism`);
/// `parallelGEMM` uses every core.
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

/// `gemm` split across the engine's workers: C's rows (or, for a short C, its columns) are cut
/// into one contiguous share per worker, each computed by single-threaded OpenBLAS. Products
/// under about a million multiply-adds, or too narrow to split, run on the calling thread.
func parallelGEMM(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
                  _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                  beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    let workers = Parallelism.workers
    let minimumShare = 16
    let large = m.multipliedReportingOverflow(by: n).partialValue.multipliedReportingOverflow(by: k).partialValue >= 1 << 20
    guard workers > 1, large, m >= workers &* minimumShare || n >= workers &* minimumShare else {
        gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a, lda: lda, b, ldb: ldb,
             beta: beta, c, ldc: ldc)
        return
    }
    let splitRows = m >= workers &* minimumShare
    let extent = splitRows ? m : n
    Parallelism.forEachWorker(workers) { worker in
        let start = extent * worker / workers, end = extent * (worker + 1) / workers
        if splitRows {
            // Rows start..<end of op(A): rows of A as stored, or its columns when transposed.
            gemm(transposeA: transposeA, transposeB: transposeB, m: end - start, n: n, k: k, alpha: alpha,
                 a + (transposeA ? start : start &* lda), lda: lda, b, ldb: ldb, beta: beta, c + start &* ldc, ldc: ldc)
        } else {
            // Columns start..<end of op(B): columns of B as stored, or its rows when transposed.
            gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: end - start, k: k, alpha: alpha,
                 a, lda: lda, b + (transposeB ? start &* ldb : start), ldb: ldb, beta: beta, c + start, ldc: ldc)
        }
    }
}

/// Throws unless every extent fits BLAS's 32-bit integers.
func checkBLASSizes(_ extents: [Int], op: String, shapes: [[Int]]) throws {
    guard extents.allSatisfy({ $0 <= Int(Int32.max) }) else {
        throw TensorError.invalidArgument(op: op, message: "shapes \(shapes) are too large for BLAS (an extent exceeds 2³¹ - 1)")
    }
}
