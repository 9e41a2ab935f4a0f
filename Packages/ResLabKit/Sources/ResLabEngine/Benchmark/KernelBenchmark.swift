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

    /// One distinct convolution of the course's ResNet-50 (64×64×3 input) and how often it occurs.
    public struct ModelConvolution: Sendable {
        public let input: [Int], filter: [Int], stride: Int, padding: Padding, count: Int
        public var label: String {
            "\(filter[0])×\(filter[1])/\(stride) \(input[1])×\(input[2])×\(input[3])→\(filter[3])"
        }
    }

    /// Every convolution of the course's ResNet-50 at batch `batch`: the stem, then per stage the
    /// convolutional block (its strided 1×1, 3×3, 1×1 and shortcut) and the identity blocks.
    public static func resNet50Convolutions(batch: Int) -> [ModelConvolution] {
        var list = [ModelConvolution(input: [batch, 70, 70, 3], filter: [7, 7, 3, 64], stride: 2, padding: .valid, count: 1)]
        // (input side, input channels, filters (f1, f3), stride, identity blocks)
        let stages = [(15, 64, 64, 256, 1, 2), (15, 256, 128, 512, 2, 3), (8, 512, 256, 1024, 2, 5), (4, 1024, 512, 2048, 2, 2)]
        for (side, channels, f1, f3, stride, identities) in stages {
            let out = (side - 1) / stride + 1
            list.append(ModelConvolution(input: [batch, side, side, channels], filter: [1, 1, channels, f1], stride: stride, padding: .valid, count: 1))
            list.append(ModelConvolution(input: [batch, out, out, f1], filter: [3, 3, f1, f1], stride: 1, padding: .same, count: 1 + identities))
            list.append(ModelConvolution(input: [batch, out, out, f1], filter: [1, 1, f1, f3], stride: 1, padding: .valid, count: 1 + identities))
            list.append(ModelConvolution(input: [batch, side, side, channels], filter: [1, 1, channels, f3], stride: stride, padding: .valid, count: 1))
            list.append(ModelConvolution(input: [batch, out, out, f3], filter: [1, 1, f3, f1], stride: 1, padding: .valid, count: identities))
        }
        return list
    }

    /// Forward and backward median seconds of each of `resNet50Convolutions`.
    public static func runResNet50(batch: Int = 32, repetitions: Int = 9)
        throws -> [(convolution: ModelConvolution, flops: Double, forward: Double, backward: Double)] {
        try resNet50Convolutions(batch: batch).map { conv in
            let x = try Tensor(randomUniform: conv.input, lowerBound: -1, upperBound: 1, seed: 3).requiringGradient()
            let w = try Tensor(randomUniform: conv.filter, lowerBound: -0.1, upperBound: 0.1, seed: 4).requiringGradient()
            let y = try conv2D(x, filter: w, strides: (conv.stride, conv.stride), padding: conv.padding)
            let flops = 2 * Double(y.count * conv.filter[0] * conv.filter[1] * conv.filter[2])
            let forward = try median(repetitions) { _ = try conv2D(x, filter: w, strides: (conv.stride, conv.stride), padding: conv.padding) }
            let backward = try median(repetitions) { _ = try gradient(of: y, wrt: [x, w]) }
            return (conv, flops, forward, backward)
        }
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
