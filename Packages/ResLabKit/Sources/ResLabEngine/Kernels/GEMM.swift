import COpenBLAS
import CReslabKernels
import Foundation

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

/// `gemm` split across the engine's workers: C's rows (or, when C has more columns than rows,
/// its columns) are cut into one contiguous share per worker, each computed by single-threaded
/// OpenBLAS. Each worker copies (packs) its share of one operand and all of the other; splitting
/// the longer side of C makes the shared operand the smaller one. Products
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
    let splitRows = m >= workers &* minimumShare && (m >= n || n < workers &* minimumShare)
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

/// The right-hand matrix of many convolution GEMMs (the filter, or its transpose), prepared once:
/// packed for the own kernel when it is used, else left where it is for OpenBLAS. Packing per
/// GEMM cost 15 % of a ResNet-50 training step, whose late layers multiply a few hundred rows
/// by filters of up to a million weights.
struct FilterOperand {
    /// B is k×n with element (p, j) at base[p·ld + j], or base[j·ld + p] when `transposed`.
    let base: UnsafePointer<Float>, ld: Int, transposed: Bool, k: Int, n: Int
    private let packed: UnsafeMutablePointer<Float>?
    /// The kernel width `packed` is laid out for (`OwnGEMM.width` when it was packed).
    private let width: Int32

    /// `convolutionRows`: the output pixels of the whole convolution (its GEMMs' total rows),
    /// which decides between the own kernel and OpenBLAS (`OwnGEMM.suits`).
    init(_ base: UnsafePointer<Float>, k: Int, n: Int, ld: Int, transposed: Bool = false, convolutionRows: Int) {
        (self.base, self.k, self.n, self.ld, self.transposed) = (base, k, n, ld, transposed)
        let width = OwnGEMM.width
        self.width = width
        if OwnGEMM.suits(rows: convolutionRows), n >= 16, k > 0 {
            // Aligned to the cache line: the kernel loads whole 64-byte rows of it, and a
            // misaligned row straddles two lines (malloc's 16-byte alignment made the 1×1
            // convolution forward 60 % slower).
            let count = reslab_packed_count(width, k, n)
            let packed = UnsafeMutableRawPointer.allocate(byteCount: count &* MemoryLayout<Float>.stride, alignment: 64)
                .bindMemory(to: Float.self, capacity: count)
            reslab_pack(width, k, n, base, transposed ? 1 : ld, transposed ? ld : 1, packed)
            self.packed = packed
        } else {
            packed = nil
        }
    }

    func deallocate() { packed.map { UnsafeMutableRawPointer($0).deallocate() } }

    /// C (m×n) = A·B[rows], or C += when `beta` is 1, with A m×rows.count (read transposed from a
    /// rows.count×m matrix when `transposeA`); `rows` picks consecutive rows of B (a kernel
    /// element's slice of a filter).
    func multiply(transposeA: Bool = false, m: Int, _ a: UnsafePointer<Float>, lda: Int, rows: Range<Int>? = nil,
                  beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
        let rows = rows ?? 0..<k
        if let packed {
            precondition(beta == 0 || beta == 1, "FilterOperand.multiply: beta must be 0 or 1")
            reslab_gemm_packed(width, m, n, rows.count, a, transposeA ? 1 : lda, transposeA ? lda : 1, packed, k, rows.lowerBound,
                               beta == 0 ? 0 : 1, c, ldc)
        } else {
            gemm(transposeA: transposeA, transposeB: transposed, m: m, n: n, k: rows.count, a, lda: lda,
                 base + rows.lowerBound &* (transposed ? 1 : ld), ldb: ld, beta: beta, c, ldc: ldc)
        }
    }
}

/// Whether the convolutions use the engine's own GEMM kernel, and which variant.
public enum OwnGEMM {
    /// The widest variant the CPU supports: 512 (AVX-512F), 256 (AVX2 with FMA) or 0 (neither).
    public static let nativeWidth = reslab_gemm_width()

    /// The variant new convolutions pack their filters for: `nativeWidth`, unless a test or
    /// benchmark sets 256 on an AVX-512 CPU to run the AVX2 variant. A packed filter keeps the
    /// width it was packed with, so changing this never mixes the two layouts.
    nonisolated(unsafe) public static var width: Int32 = nativeWidth {
        didSet { precondition(width == 0 || (width == 256 || width == 512) && width <= nativeWidth, "OwnGEMM.width: \(width) is not supported by this CPU") }
    }

    /// On when available, unless `RESLAB_GEMM=openblas` is set in the environment; tests switch
    /// it to compare both paths. Set it before, not during, a computation.
    nonisolated(unsafe) public static var isEnabled: Bool =
        ProcessInfo.processInfo.environment["RESLAB_GEMM"]?.lowercased() != "openblas"

    /// Available and enabled.
    @inline(__always) public static var isUsed: Bool { width != 0 && isEnabled }

    /// Convolutions with fewer output pixels than this (batch × height × width) use OpenBLAS.
    /// With few rows a GEMM streams the whole filter for little work, and OpenBLAS, which copies
    /// the filter into cache-sized blocks ahead of the arithmetic, stays ahead: measured with
    /// both cores on the course's ResNet-50 shapes, the own kernel wins by 5–30 % from 2048 rows
    /// up, ties at 512 and loses by 20–25 % at 128 (a two-thread C harness on each shape, AVX-512
    /// Xeon). On an AVX2 Zen 3 the AVX2 variant measured 10–25 % ahead of OpenBLAS on the
    /// 15×15 convolutions (7200 rows) and even to 15 % ahead at 8×8 (2048 rows) in
    /// `reslab bench kernels --resnet50`.
    nonisolated(unsafe) public static var minimumRows = 1024

    @inline(__always) static func suits(rows: Int) -> Bool { isUsed && rows >= minimumRows }

    /// What `reslab bench model --json` reports: "reslab-avx512+openblas" or "reslab-avx2+openblas"
    /// (the own kernel for large convolutions, OpenBLAS for the rest) or "openblas".
    public static var kernelName: String {
        guard isUsed else { return "openblas" }
        return width == 512 ? "reslab-avx512+openblas" : "reslab-avx2+openblas"
    }

    /// How `reslab bench` names the variant: "AVX-512", "AVX2" or "none".
    public static var variantName: String { width == 512 ? "AVX-512" : width == 256 ? "AVX2" : "none" }
}
