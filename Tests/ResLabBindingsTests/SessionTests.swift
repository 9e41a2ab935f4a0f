import Foundation
import ResLab
import Testing

extension StandardHostTests {
    /// What golden scripts cannot show: REPL echoes, files through the access policy, Ctrl-C during
    /// training, plots, and the plugins as the host lists them.
    @Suite struct SessionTests {
        static func session(fileAccess: FileAccessPolicy = FileAccessPolicy()) throws -> ScriptSession {
            clearSession()
            return ScriptSession(registry: try makeStandardHost(fileAccess: fileAccess).registry)
        }

        static func temporaryFolder() throws -> URL {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reslab-bindings-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }

        @Test func echoShowsTypeShapeAndValues() throws {
            let session = try Self.session()
            #expect(session.run("Tensor([1.0, 2.5])").echo == "Tensor [2] = [1.  2.5]")
            #expect(session.run("Tensor([[1.0], [2.0]])").echo == "Tensor [2, 1] =\n[[1.]\n [2.]]")
            #expect(session.run("Tensor(3.0)").echo == "Tensor [] = 3.0")
            #expect(session.run("Input(shape: [8, 8, 6])").echo
                    == "Tensor (None, 8, 8, 6), symbolic: the input 'input_1' in a model being built; it gets numbers when the model runs")
            #expect(session.run("Dense(units: 2, name: \"hidden\")").echo == "Dense = hidden (Dense)")
            #expect(session.run("Padding.same").echo == "Padding = same")
        }

        @Test func checkpointsRoundTripInsideAConfinedFolder() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let session = try Self.session(fileAccess: .confined(to: folder))
            let result = session.run("""
                let model = Sequential([Dense(units: 2, kernelInitializer: .glorotUniform(seed: 1))], inputShape: [3])
                model.saveWeights(to: "weights.safetensors")
                let dense = model.layers[0]
                let saved = dense.weights
                dense.setWeights([Tensor(zeros: [3, 2]), Tensor(zeros: [2])])
                model.loadWeights(from: "weights.safetensors")
                print(dense.weights[0] == saved[0], dense.weights[0] == Tensor(zeros: [3, 2]))
                let rebuilt = Sequential([Dense(units: 2)], inputShape: [3])
                rebuilt.loadWeights(from: "weights.safetensors")
                print(rebuilt.layers[0].weights[0] == saved[0])
                Tensor([[1.0, 2.0]]).save(npy: "x.npy")
                print(Tensor(npy: "x.npy").scalars)
                """, file: "checkpoints")
            #expect(result.errors.isEmpty, "\(result.errors.rendered)")
            #expect(result.output == "true false\ntrue\n[1.0, 2.0]\n")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("weights.safetensors").path))

            let escape = session.run("Tensor([1.0]).save(npy: \"../outside.npy\")", file: "escape")
            #expect(escape.errors.map(\.message) == ["cannot write '../outside.npy': only files inside this run's folder may be used"])
            let absolute = session.run("let d = DataSet.load(path: \"/etc/passwd\")", file: "absolute")
            #expect(absolute.errors.map(\.message) == ["cannot read '/etc/passwd': only files inside this run's folder may be used"])
        }

        @Test func aSavedModelComesBackWithItsArchitecture() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let session = try Self.session(fileAccess: .confined(to: folder))
            let result = session.run("""
                let model = ResNet.cifar(depth: 8, inputShape: [8, 8, 3], classes: 3)
                model.save(to: "model.safetensors")
                let loaded = loadModel(from: "model.safetensors")
                let x = Tensor(randomNormal: [2, 8, 8, 3], seed: 4)
                print(loaded.name, loaded.countParams() == model.countParams(), loaded.predict(x: x) == model.predict(x: x))
                """, file: "models")
            #expect(result.errors.isEmpty, "\(result.errors.rendered)")
            #expect(result.output == "resnet8 true true\n")

            // A Sequential comes back as one: it still has add, and its summary has three columns.
            let stack = session.run("""
                let stack = Sequential([Dense(units: 3, name: "hidden"), Dense(units: 2, name: "out")], inputShape: [4], name: "stack")
                stack.save(to: "stack.safetensors")
                let again = loadModel(from: "stack.safetensors")
                print(again)
                let x = Tensor(randomNormal: [3, 4], seed: 1)
                print(again.predict(x: x) == stack.predict(x: x))
                """, file: "stack")
            #expect(stack.errors.isEmpty, "\(stack.errors.rendered)")
            #expect(stack.output == "stack (Sequential)\ntrue\n")

            let weightsOnly = session.run("""
                Sequential([Dense(units: 2)], inputShape: [3]).saveWeights(to: "weights.safetensors")
                let model = loadModel(from: "weights.safetensors")
                """, file: "weights")
            #expect(weightsOnly.errors.map(\.message).first?.hasPrefix("weights.safetensors: holds no architecture") == true)
        }

        /// The REPL completes fit's augmentation argument, ImageAugmentation's labels, and the
        /// recipe where an augmentation is expected.
        @Test func completionOffersTheAugmentation() throws {
            let session = try Self.session()
            let setup = session.run("""
                let model = Sequential([Flatten(), Dense(units: 2)], inputShape: [4, 4, 1])
                let x = Tensor(zeros: [2, 4, 4, 1])
                """, file: "setup")
            #expect(setup.errors.isEmpty, "\(setup.errors.rendered)")
            #expect(session.completions(for: "model.fit(x: x, y: x, aug").map(\.text) == ["augmentation: "])
            let labels = session.completions(for: "ImageAugmentation(").filter { $0.kind == .argumentLabel }.map(\.text)
            #expect(labels == ["shiftPadding: ", "horizontalFlip: ", "seed: "])
            #expect(session.completions(for: "model.fit(x: x, y: x, augmentation: .sh").map(\.text) == ["shiftsAndFlips"])
        }

        @Test func ctrlCStopsTrainingAfterTheCurrentStep() throws {
            let session = try Self.session()
            var printed = ""
            session.outputSink = { text in
                printed += text
                // The host's Ctrl-C handler does this from another thread; here the first progress
                // line stands for the key press.
                if text.hasPrefix("Epoch 1/") { session.cancellation.cancel() }
            }
            let result = session.run("""
                let model = Sequential([Dense(units: 1)], inputShape: [2])
                model.compile(optimizer: SGD(), loss: .meanSquaredError)
                model.fit(x: Tensor(zeros: [64, 2]), y: Tensor(zeros: [64, 1]), batchSize: 1, epochs: 1000)
                print("not reached")
                """, file: "train")
            #expect(result.errors.map(\.message) == ["interrupted"])
            #expect(result.errors.first?.location.line == 3)
            #expect(printed == "Epoch 1/1000\n")
        }

        @Test func chartsPrintAsTheirTerminalDrawing() throws {
            let session = try Self.session()
            let result = session.run("""
                let chart = lineChart(series: ["plain": [3.0, 2.0, 1.5], "residual": [3.0, 1.0, 0.5]], title: "training loss")
                print(chart)
                print(chart.svg.hasPrefix("<svg") || chart.svg.hasPrefix("<?xml"))
                print(barChart(labels: ["conv1", "conv2"], values: [1.0, 0.01], title: "gradient norms", logScale: true))
                """, file: "plots")
            #expect(result.errors.isEmpty, "\(result.errors.rendered)")
            let line = LineChart(title: "training loss", xLabel: "epoch", series: [
                PlotSeries(name: "plain", values: [3, 2, 1.5]), PlotSeries(name: "residual", values: [3, 1, 0.5]),
            ])
            let bars = BarChart(title: "gradient norms", scale: .logarithmic, labels: ["conv1", "conv2"], values: [1, 0.01])
            #expect(result.output == (try line.renderTerminal()) + "\ntrue\n" + (try bars.renderTerminal()) + "\n")
        }

        @Test func builtInPluginsRegisterThroughTheHost() throws {
            let host = try makeStandardHost()
            #expect(host.plugins.map(\.name) == ["engine", "nn", "data", "plots", "grading"])
            #expect(host.plugins.allSatisfy { $0.origin == "built-in" })
            let nn = try #require(host.plugins.first { $0.name == "nn" })
            for type in ["Conv2D", "BatchNormalization", "Model", "Sequential", "Adam", "ResNet", "History"] {
                #expect(nn.contributions.types.contains(type), "nn registers \(type)")
            }
            #expect(Set(host.renderers.keys) == ["LineChart", "BarChart"])
            #expect(host.registry.type(named: "Dense")?.conformances.contains("Layer") == true)
            // A second engine plugin collides with the first and names both.
            #expect(throws: PluginCollision.self) { try host.install(EnginePluginCopy()) }
        }
    }

}

/// An outside plugin that tries to register `Tensor` again.
private final class EnginePluginCopy: ResLabPlugin {
    let name = "engine-copy"
    let version = "0.1.0"
    func register(with registrar: PluginRegistrar) throws {
        try EnginePlugin().register(with: registrar)
    }
}
