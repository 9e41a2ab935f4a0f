import ArgumentParser
import Foundation
import ResLab

/// `reslab bench …`: measurements of the engine (kernels) and of whole models.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the engine's speed.",
        subcommands: [Kernels.self, BenchModel.self])

    /// `reslab bench kernels`: GEMM and convolution throughput beside sgemm's, from one run.
    struct Kernels: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time sgemm and the convolution kernels; report GFLOP/s and the share of sgemm's.",
            discussion: """
                sgemm at 256, 512 and 1024; a 3×3 convolution 8×56×56×64→64 and a 1×1 convolution \
                8×56×56×256→64, forward and backward (input and kernel gradients). Each convolution is \
                timed alternately with sgemm 1024, so both see the same load; times are medians. \
                Targets: 3×3 forward ≥ 70 % of sgemm, backward ≥ 60 %; 1×1 ≥ 80 %. Build in release \
                (swift build -c release) for meaningful figures.
                """)

        @Flag(help: "Print the measurements as JSON.")
        var json = false

        @Option(help: "Timed runs per kernel; the median is reported.")
        var repetitions = 9

        @Flag(help: "Instead, time each convolution of the course's ResNet-50 (batch 32), forward and backward.")
        var resnet50 = false

        /// Each distinct convolution of the course's ResNet-50 at batch 32: forward and backward
        /// times, and their sum weighted by how often the convolution occurs in the model.
        func runResNet50() throws {
            printConvolutionGEMM()
            print("convolution (k×k/stride input→out)   count  forward ms  GFLOP/s  backward ms  GFLOP/s")
            var total = 0.0
            for (conv, flops, forward, backward) in try KernelBenchmark.runResNet50(repetitions: repetitions) {
                total += Double(conv.count) * (forward + backward)
                print(conv.label.padding(toLength: 36, withPad: " ", startingAt: 0)
                      + String(format: " %5d %11.2f %8.1f %12.2f %8.1f", conv.count, forward * 1000, flops / forward / 1e9,
                               backward * 1000, 2 * flops / backward / 1e9))
            }
            print(String(format: "all convolutions of one training step (forward + backward, weighted): %.1f ms", total * 1000))
        }

        /// Which GEMM the convolutions use (see `OwnGEMM`).
        func printConvolutionGEMM() {
            print("Convolution GEMMs: " + (OwnGEMM.isUsed
                ? "ResLab's \(OwnGEMM.variantName) kernel from \(OwnGEMM.minimumRows) output pixels, OpenBLAS below (RESLAB_GEMM=openblas for OpenBLAS only)"
                : "OpenBLAS"))
            if WinogradConvolution.isEnabled {
                print("3×3 stride-1 convolutions: Winograd F(2×2, 3×3), 2.25× fewer multiplications; their GFLOP/s count"
                      + " the direct convolution's (RESLAB_WINOGRAD=off for direct GEMMs)")
            }
        }

        func validate() throws {
            guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
        }

        func run() throws {
            if resnet50 {
                try runResNet50()
                return
            }
            let results = try KernelBenchmark.run(repetitions: repetitions)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let rows = results.map(JSONRow.init)
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            let core = BLASCore.choice
            print("OpenBLAS kernels: \(core.inUse)" + (core.reason.map { " (\($0))" } ?? ""))
            printConvolutionGEMM()
            print("kernel                                           median ms   GFLOP/s   sgemm GFLOP/s   % of sgemm   target")
            for result in results {
                var line = result.name.padding(toLength: 48, withPad: " ", startingAt: 0)
                line += String(format: " %9.2f %9.1f", result.medianSeconds * 1000, result.gflops)
                if let reference = result.referenceGFLOPS, let percent = result.percentOfReference, let target = result.targetPercent {
                    let verdict = percent >= target ? "met" : "missed"
                    line += String(format: " %15.1f %11.1f %%   ≥ %.0f %% %@", reference, percent, target, verdict)
                }
                print(line)
            }
        }
    }

    /// One measurement as `--json` prints it, with the derived figures spelled out.
    struct JSONRow: Encodable {
        let name: String
        let medianSeconds: Double
        let gflops: Double
        let sgemmGFLOPS: Double?
        let percentOfSgemm: Double?
        let targetPercent: Double?
        let meetsTarget: Bool?

        init(_ measurement: KernelMeasurement) {
            name = measurement.name
            medianSeconds = measurement.medianSeconds
            gflops = measurement.gflops
            sgemmGFLOPS = measurement.referenceGFLOPS
            percentOfSgemm = measurement.percentOfReference
            targetPercent = measurement.targetPercent
            meetsTarget = measurement.meetsTarget
        }
    }
}
