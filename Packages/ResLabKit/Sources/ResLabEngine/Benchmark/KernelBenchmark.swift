import Dispatch

/// One timed kernel of `KernelBenchmark`.
public struct KernelMeasurement: Codable, Sendable {
    /// What was timed, e.g. "conv 3×3 8×56×56×64→64 backward".
    public let name: String
    /// The median wall time of one run, in seconds.
    public let medianSeconds: Double
    /// Floating-point operations of one run (a multiply-add counts 2).
    public let flops: Double
    /// The sgemm GFLOP/s this kernel is compared with (nil for the sgemm rows themselves).
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
/// 8×56×56×256 → 64, each forward and backward (input and kernel gradients through the tape).
/// Every convolution is compared with the best sgemm GFLOP/s of the same run, the practical
/// ceiling of the machine. Times are medians over several runs after a warm-up.
public enum KernelBenchmark {
    public static func run(repetitions: Int = 9) throws -> [KernelMeasurement] {
        var results: [KernelMeasurement] = []
        for n in [256, 512, 1024] {
            let a = try Tensor(randomUniform: [n, n], lowerBound: -1, upperBound: 1, seed: 1)
            let b = try Tensor(randomUniform: [n, n], lowerBound: -1, upperBound: 1, seed: 2)
            let runs = Swift.max(repetitions, n <= 256 ? 5 * repetitions : repetitions)
            let seconds = try median(runs) { _ = try matmul(a, b) }
            results.append(KernelMeasurement(name: "sgemm \(n)×\(n)×\(n)", medianSeconds: seconds,
                                             flops: 2 * Double(n * n * n), referenceGFLOPS: nil, targetPercent: nil))
        }
        let reference = results.map(\.gflops).max() ?? 0
        let cases: [(label: String, input: [Int], filter: [Int], forwardTarget: Double, backwardTarget: Double)] = [
            ("conv 3×3 8×56×56×64→64", [8, 56, 56, 64], [3, 3, 64, 64], 70, 60),
            ("conv 1×1 8×56×56×256→64", [8, 56, 56, 256], [1, 1, 256, 64], 80, 80),
        ]
        for (label, inputShape, filterShape, forwardTarget, backwardTarget) in cases {
            let input = try Tensor(randomUniform: inputShape, lowerBound: -1, upperBound: 1, seed: 3)
            let filter = try Tensor(randomUniform: filterShape, lowerBound: -0.1, upperBound: 0.1, seed: 4)
            let outputCount = inputShape[0] * inputShape[1] * inputShape[2] * filterShape[3]
            let flops = 2 * Double(outputCount * filterShape[0] * filterShape[1] * filterShape[2])
            let forward = try median(repetitions) { _ = try conv2D(input, filter: filter, padding: .same) }
            results.append(KernelMeasurement(name: "\(label) forward", medianSeconds: forward, flops: flops,
                                             referenceGFLOPS: reference, targetPercent: forwardTarget))
            // The recorded graph is reused: each run walks the same conv node back.
            let (x, w) = (input.requiringGradient(), filter.requiringGradient())
            let output = try conv2D(x, filter: w, padding: .same)
            let backward = try median(repetitions) { _ = try gradient(of: output, wrt: [x, w]) }
            results.append(KernelMeasurement(name: "\(label) backward (dX and dW)", medianSeconds: backward, flops: 2 * flops,
                                             referenceGFLOPS: reference, targetPercent: backwardTarget))
        }
        return results
    }

    /// The median time of `runs` calls of `body`, after one untimed warm-up call.
    static func median(_ runs: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<Swift.max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }
}
