import Foundation
import Testing
@testable import ResLabEngine

/// OpenBLAS's kernel set: the engine corrects a fallback to kernels older than the CPU.
struct BLASCoreTests {
    @Test func preferredCoreFollowsTheCPUsInstructions() {
        #expect(BLASCore.preferredCore(flags: ["sse3", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"]) == "SkylakeX")
        #expect(BLASCore.preferredCore(flags: ["sse3", "avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(BLASCore.preferredCore(flags: ["sse3", "avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASCore.preferredCore(flags: ["sse3", "avx", "avx2"]) == nil)
        #expect(BLASCore.preferredCore(flags: []) == nil)
    }

    /// On this machine: with AVX2 and FMA (and no OPENBLAS_CORETYPE from the user), the engine's
    /// GEMMs never run on kernels without AVX2, whatever OpenBLAS guessed when it loaded.
    @Test func theEngineDoesNotRunOnPreAVX2KernelsOnAnAVX2Machine() throws {
        _ = try matmul(Tensor(ones: [2, 2]), Tensor(ones: [2, 2]))
        let choice = BLASCore.choice
        guard BLASCore.cpuFlags().isSuperset(of: ["avx2", "fma"]), ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil else { return }
        #expect(!BLASCore.preAVX2Cores.contains(choice.inUse.lowercased()), "OpenBLAS runs \(choice.inUse) kernels (detected \(choice.detected))")
        #expect((choice.reason != nil) == (choice.detected != choice.inUse))
    }
}
