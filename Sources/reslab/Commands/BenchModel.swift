import ArgumentParser
import Foundation
import ResLab

/// `reslab bench model`: a whole model's training step and inference batch, timed beside the sgemm
/// speed of the same machine in the same run, in the fields of `shared/bench/README.md`.
struct BenchModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Time a model's training step (forward, backward, Adam) and inference batch.")

    @Option(help: "The model, by name (resnet50 is the course's; see `reslab train --help`).")
    var model = "resnet50"
    @Option(help: "Images per batch.")
    var batch = 32
    @Option(help: "Timed steps (after one untimed warm-up step); the median is reported.")
    var steps = 5
    @Option(help: "Image height and width.")
    var imageSize = 64
    @Option(help: "Classes of the model's output.")
    var classes = 6
    @Flag(help: "Print one JSON line instead of text.")
    var json = false

    func run() throws {
        guard batch > 0, steps > 0, imageSize > 0, classes > 0 else {
            throw ValidationError("--batch, --steps, --image-size and --classes must be positive")
        }
        let shape = [imageSize, imageSize, 3]
        // Batch norms follow the mode, as in the peers' scripts: inference uses moving statistics.
        let network = model.lowercased() == "resnet50"
            ? try ResNet50(inputShape: shape, classes: classes, training: nil)
            : try namedModel(model, inputShape: shape, classes: classes)
        try network.compile(optimizer: try Adam(), loss: .categoricalCrossentropy)
        let x = try Tensor(randomUniform: [batch] + shape, seed: 1)
        let y = try DataSet.oneHot((0..<batch).map { $0 % classes }, classCount: classes)

        func trainStep() throws {
            try network.fit(x: x, y: y, batchSize: batch, epochs: 1, shuffle: false, output: .silent)
        }
        func inferBatch() throws { _ = try network.predict(x: x, batchSize: batch) }
        let train = try medianSeconds(steps, trainStep)
        let infer = try medianSeconds(steps, inferBatch)
        let forwardFLOPs = Double(try network.forwardFLOPsPerSample()) * Double(batch)
        let sgemm = try sgemmGFLOPs()
        let trainGFLOPs = 3 * forwardFLOPs / train / 1e9
        let inferGFLOPs = forwardFLOPs / infer / 1e9
        let result: [(String, Any)] = [
            ("anchor", "reslab"), ("model", model), ("params", network.countParams()), ("batch", batch),
            ("steps", steps), ("train_step_s", round4(train)), ("infer_batch_s", round4(infer)),
            ("train_images_per_s", round4(Double(batch) / train)), ("infer_images_per_s", round4(Double(batch) / infer)),
            ("forward_gflop_per_image", round4(forwardFLOPs / Double(batch) / 1e9)),
            ("train_gflops", round4(trainGFLOPs)), ("infer_gflops", round4(inferGFLOPs)),
            ("sgemm_gflops", round4(sgemm)), ("peak_rss_mb", round4(peakResidentMegabytes())),
            ("blas_core", BLASCore.choice.inUse),
            ("conv_gemm", OwnGEMM.kernelName),
        ]
        if json {
            print("{" + result.map { "\"\($0.0)\": " + jsonValue($0.1) }.joined(separator: ", ") + "}")
        } else {
            for (key, value) in result { print("\(key): \(value)") }
        }
    }

    /// The median wall time of `count` runs of `body`, after one untimed run.
    private func medianSeconds(_ count: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    /// The engine's matmul on 1024×1024 matrices: the machine's practical Float32 ceiling.
    private func sgemmGFLOPs() throws -> Double {
        let n = 1024
        let a = try Tensor(randomUniform: [n, n], seed: 2), b = try Tensor(randomUniform: [n, n], seed: 3)
        let seconds = try medianSeconds(5) { _ = try matmul(a, b) }
        return 2 * Double(n * n * n) / seconds / 1e9
    }

    private func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
    }

    private func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    private func jsonValue(_ value: Any) -> String {
        switch value {
        case let text as String: return "\"\(text)\""
        default: return "\(value)"
        }
    }
}
