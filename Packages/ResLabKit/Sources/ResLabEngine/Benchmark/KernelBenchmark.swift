import Dispatch

/// One timed kernel of `KernelBenchmark`.
public struct KernelMeasurement: Codable, Sendable {
    /// What was timed, e.g. "conv 3×3 8×56×56×64→64 backward".
    public let name: String
    /// The median wall time of one run, in seconds.
    public let medianSeconds: Double
    /// Floating-point operations of one run (a multiply-add counts 2).
    public let flops: Double
    /// The sgemm GFLOP/s this kernel is compared with, measured alternately with it (nil for the
    /// sgemm rows themselves).
    public let referenceGFLOPS: Double?
    /// The share of the reference it should reach, in percent (nil when there is no target).
    public let targetPercent: Double?

    public var gflops: Double { flops / medianSeconds / 1e9 }
    public var percentOfReference: Double? { referenceGFLOPS.map { 100 * gflops / $0 } }
    public var meetsTarget: Bool? {
        guard let target = targetPercent, let percent = percentOfReference else { return nil }
        return percent >= target
    }
}

/// Times the engine's GEMM and convolutions on this machine (`reslab bench kernels`).
///
/// sgemm at 256, 512 and 1024; a 3×3 convolution 8×56×56×64 → 64 (SAME) and a 1×1 convolution
/// 8×56×56×256 → 64, each forward and backward (input and kernel gradients, through the tape).
/// Each convolution is compared with sgemm 1024×1024×1024, the size at which OpenBLAS comes
/// closest to the machine's ceiling. The two are timed alternately, run after run, so that both
/// see the same load from anything else running on the machine; times are medians.
public enum KernelBenchmark {
    public static func run(repetitions: Int = 9) throws -> [KernelMeasurement] {
        var results: [KernelMeasurement] = []
        var sgemms: [Int: () throws -> Void] = [:]
        for n in [256, 512, 1024] {
            let a = try Tensor(randomUniform: [n, n], lowerBound: -1, upperBound: 1, seed: 1)
            let b = try Tensor(randomUniform: [n, n], lowerBound: -1, upperBound: 1, seed: 2)
            sgemms[n] = { _ = try matmul(a, b) }
        }
        for n in [256, 512, 1024] {
            guard let body = sgemms[n] else { continue }
            let seconds = try median(n <= 256 ? 5 * repetitions : repetitions, body)
            results.append(KernelMeasurement(name: "sgemm \(n)×\(n)×\(n)", medianSeconds: seconds,
                                             flops: 2 * Double(n * n * n), referenceGFLOPS: nil, targetPercent: nil))
        }
        let reference = sgemms[1024] ?? {}
        let referenceFlops = 2 * 1024.0 * 1024.0 * 1024.0
        let cases: [(label: String, input: [Int], filter: [Int], forwardTarget: Double, backwardTarget: Double)] = [
            ("conv 3×3 8×56×56×64→64", [8, 56, 56, 64], [3, 3, 64, 64], 70, 60),
            ("conv 1×1 8×56×56×256→64", [8, 56, 56, 256], [1, 1, 256, 64], 80, 80),
        ]
        for (label, inputShape, filterShape, forwardTarget, backwardTarget) in cases {
            let input = try Tensor(randomUniform: inputShape, lowerBound: -1, upperBound: 1, seed: 3)
            let filter = try Tensor(randomUniform: filterShape, lowerBound: -0.1, upperBound: 0.1, seed: 4)
            let outputCount = inputShape[0] * inputShape[1] * inputShape[2] * filterShape[3]
            let flops = 2 * Double(outputCount * filterShape[0] * filterShape[1] * filterShape[2])
            let forward = try alternating(repetitions, reference) { _ = try conv2D(input, filter: filter, padding: .same) }
            results.append(KernelMeasurement(name: "\(label) forward", medianSeconds: forward.seconds, flops: flops,
                                             referenceGFLOPS: referenceFlops / forward.referenceSeconds / 1e9,
                                             targetPercent: forwardTarget))
            // The recorded graph is reused: each run walks the same conv node back.
            let (x, w) = (input.requiringGradient(), filter.requiringGradient())
            let output = try conv2D(x, filter: w, padding: .same)
            let backward = try alternating(repetitions, reference) { _ = try gradient(of: output, wrt: [x, w]) }
            results.append(KernelMeasurement(name: "\(label) backward (dX and dW)", medianSeconds: backward.seconds, flops: 2 * flops,
                                             referenceGFLOPS: referenceFlops / backward.referenceSeconds / 1e9,
                                             targetPercent: backwardTarget))
        }
        return results
    }

    /// The median time of `runs` calls of `body`, after one untimed warm-up call.
    static func median(_ runs: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<Swift.max(runs, 1) { times.append(try time(body)) }
        return middle(times)
    }

    /// Median times of `body` and `reference`, called alternately `runs` times each after a warm-up.
    static func alternating(_ runs: Int, _ reference: () throws -> Void, _ body: () throws -> Void) throws
        -> (seconds: Double, referenceSeconds: Double) {
        try reference()
        try body()
        var times: [Double] = [], referenceTimes: [Double] = []
        for _ in 0..<Swift.max(runs, 1) {
            referenceTimes.append(try time(reference))
            times.append(try time(body))
        }
        return (middle(times), middle(referenceTimes))
    }

    private static func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private static func middle(_ times: [Double]) -> Double {
        let sorted = times.sorted()
        return sorted[sorted.count / 2]
    }
}
