import Testing
import CReslabKernels
@testable import ResLabEngine

/// The engine's own GEMM (`CReslabKernels`), each variant the CPU can run (AVX-512, AVX2),
/// against the defining sum in Double, on shapes that reach every edge of its blocking: row counts
/// that are not a multiple of the 6-row micro-tile, column counts that are not a multiple of the
/// vector (8 or 16: masked) or the tile (16 or 64: partial tile), more
/// than one 256-deep slice of k and more than one 512-wide panel of n, transposed operands,
/// accumulation into C, and a product with a slice of the packed B's rows (as a shifted 3×3
/// convolution multiplies by one kernel element's rows of the packed filter).
@Suite struct OwnGEMMTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var m: Int, n: Int, k: Int, transposeA = false, transposeB = false, accumulate = false
        /// Rows of the packed B before and after the k the product uses.
        var rowsBefore = 0, rowsAfter = 0
        var testDescription: String {
            "\(m)×\(k)·\(k)×\(n)\(transposeA ? " Aᵀ" : "")\(transposeB ? " Bᵀ" : "")\(accumulate ? " +=" : "")"
                + (rowsBefore + rowsAfter > 0 ? " rows \(rowsBefore)..<\(rowsBefore + k) of \(rowsBefore + k + rowsAfter)" : "")
        }
    }

    static let widths: [Int32] = [512, 256]

    @Test(arguments: [
        Case(m: 1, n: 16, k: 1),
        Case(m: 7, n: 17, k: 3),
        Case(m: 6, n: 64, k: 256),
        Case(m: 13, n: 65, k: 257),
        Case(m: 97, n: 130, k: 600, accumulate: true),
        Case(m: 35, n: 1030, k: 40),
        Case(m: 50, n: 48, k: 300, transposeA: true),
        Case(m: 23, n: 100, k: 70, transposeB: true),
        Case(m: 40, n: 33, k: 520, transposeA: true, accumulate: true),
        Case(m: 5, n: 20, k: 0),
        Case(m: 31, n: 70, k: 64, rowsBefore: 128, rowsAfter: 64),
        Case(m: 20, n: 40, k: 300, transposeA: true, transposeB: true, rowsBefore: 300, rowsAfter: 1),
        Case(m: 11, n: 7, k: 9, accumulate: true),  // narrower than one AVX2 vector
    ], widths)
    func matchesTheDefinition(_ t: Case, width: Int32) throws {
        guard width <= reslab_gemm_width() else { return }  // a variant this CPU cannot run
        let a = try Tensor(randomUniform: t.transposeA ? [t.k, t.m] : [t.m, t.k], lowerBound: -1, upperBound: 1, seed: 1).scalars
        let packedRows = t.rowsBefore + t.k + t.rowsAfter
        let b = try Tensor(randomUniform: t.transposeB ? [t.n, packedRows] : [packedRows, t.n], lowerBound: -1, upperBound: 1, seed: 2).scalars
        let ldc = t.n + 3  // C a part of a wider matrix: the columns beyond n must stay untouched
        var c = try Tensor(randomUniform: [t.m, ldc], lowerBound: -1, upperBound: 1, seed: 3).scalars
        let before = c
        let (lda, ldb) = (t.transposeA ? t.m : t.k, t.transposeB ? packedRows : t.n)
        let count = reslab_packed_count(width, packedRows, t.n)
        let packed = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(count, 1) * 4, alignment: 64).bindMemory(to: Float.self, capacity: count)
        defer { UnsafeMutableRawPointer(packed).deallocate() }
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in c.withUnsafeMutableBufferPointer { c in
            reslab_pack(width, packedRows, t.n, b.baseAddress, t.transposeB ? 1 : ldb, t.transposeB ? ldb : 1, packed)
            reslab_gemm_packed(width, t.m, t.n, t.k, a.baseAddress, t.transposeA ? 1 : lda, t.transposeA ? lda : 1,
                               packed, packedRows, t.rowsBefore, t.accumulate ? 1 : 0, c.baseAddress, ldc)
        } } }
        var worst: Double = 0
        for i in 0..<t.m {
            for j in 0..<ldc {
                guard j < t.n else {
                    #expect(c[i * ldc + j] == before[i * ldc + j], "C[\(i), \(j)] is outside the product but changed")
                    continue
                }
                var sum = t.accumulate ? Double(before[i * ldc + j]) : 0
                for p in 0..<t.k {
                    let x = t.transposeA ? a[p * lda + i] : a[i * lda + p]
                    let row = t.rowsBefore + p
                    let y = t.transposeB ? b[j * ldb + row] : b[row * ldb + j]
                    sum += Double(x) * Double(y)
                }
                worst = max(worst, abs(Double(c[i * ldc + j]) - sum))
            }
        }
        #expect(worst <= 1e-5 * Double(max(t.k, 1)), "largest error \(worst)")
    }

    /// The CPU check agrees with /proc/cpuinfo.
    @Test func theVariantFollowsTheCPU() {
        let flags = BLASCore.cpuFlags()
        let expected: Int32 = flags.contains("avx512f") ? 512 : flags.isSuperset(of: ["avx2", "fma"]) ? 256 : 0
        #expect(reslab_gemm_width() == expected)
    }
}
