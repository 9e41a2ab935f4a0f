import Foundation
import Testing
@testable import ResLabNN

/// Saved models: `architectureJSON()` and `fromArchitectureJSON(_:)` rebuild the same graph, and
/// `save(to:)` / `load(from:)` give back a model that predicts bit for bit what the saved one did;
/// files that do not fit their architecture are refused with the file and the fault named.
@Suite struct ModelFileTests {
    /// A ResNet-8 for 16×16×3 images and 6 classes.
    private func smallResNet() throws -> Model {
        try CIFARResNet(depth: 8, inputShape: [16, 16, 3], classes: 6)
    }

    /// Four seeded 16×16×3 images.
    private func images(seed: Int = 1) throws -> Tensor {
        var random = SeededRandom(seed: seed)
        return try Tensor(shape: [4, 16, 16, 3], scalars: (0 ..< 4 * 16 * 16 * 3).map { _ in random.nextUniform(0, 1) })
    }

    @Test func aCIFARResNetSurvivesTheJSONRoundTrip() throws {
        let model = try smallResNet()
        let json = try model.architectureJSON()
        let rebuilt = try Model.fromArchitectureJSON(json)
        #expect(rebuilt.name == model.name)
        #expect(rebuilt.layers.map(\.name) == model.layers.map(\.name))
        #expect(rebuilt.layers.map(\.typeName) == model.layers.map(\.typeName))
        #expect(rebuilt.countParams() == model.countParams())
        #expect(rebuilt.weights.map(\.path) == model.weights.map(\.path))
        #expect(try rebuilt.summary() == model.summary())
        #expect(try rebuilt.architectureJSON() == json)
    }

    @Test func theJSONReadsLikeKeras() throws {
        let json = try smallResNet().architectureJSON()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["class_name"] as? String == "Functional")
        let config = try #require(root["config"] as? [String: Any])
        let layers = try #require(config["layers"] as? [[String: Any]])
        let input = layers[0], conv = layers[1]
        #expect(input["class_name"] as? String == "InputLayer")
        #expect(conv["class_name"] as? String == "Conv2D")
        let convConfig = try #require(conv["config"] as? [String: Any])
        #expect(convConfig["filters"] as? Int == 16)
        #expect(convConfig["kernel_size"] as? [Int] == [3, 3])
        #expect(convConfig["padding"] as? String == "same")
        #expect(convConfig["use_bias"] as? Bool == false)
        #expect((convConfig["kernel_initializer"] as? [String: Any])?["class_name"] as? String == "HeNormal")
        let inbound = try #require(conv["inbound_nodes"] as? [[String: Any]])
        let reference = try #require((inbound.first?["args"] as? [[Any]])?.first)
        #expect(reference[0] as? String == input["name"] as? String)
        #expect(reference[1] as? Int == 0)
        // Keys come out sorted: the same model always gives the same text.
        #expect(json.hasPrefix("{\"class_name\":\"Functional\",\"config\":{\"input_layers\":"))
    }

    @Test func theCourseResNet50KeepsItsSummaryThroughJSON() throws {
        let model = try ResNet50()
        let rebuilt = try Model.fromArchitectureJSON(try model.architectureJSON())
        #expect(rebuilt.countParams() == 23_600_006)
        #expect(try rebuilt.summary() == model.summary())
    }

    /// Every layer class the architecture knows, a layer used twice, a frozen layer and explicit
    /// `training:` values, through JSON and through a file.
    @Test func everyLayerKindAndASharedLayerSurvive() throws {
        let input = try Input(shape: [8, 8, 2])
        var x = try ZeroPadding2D(padding: ((1, 0), (2, 1)))(input)
        x = try Conv2D(filters: 4, kernelSize: (3, 2), strides: (1, 2), padding: .valid, activation: .tanh,
                       kernelInitializer: .randomUniform(minval: -0.3, maxval: 0.25, seed: 4),
                       biasInitializer: .constant(0.1))(x)
        x = try BatchNormalization(axis: 3, momentum: 0.8, epsilon: 0.01)(x, training: false)
        x = try ReLU()(x)
        x = try MaxPooling2D(poolSize: 2, strides: 1, padding: .same)(x)
        x = try AveragePooling2D(poolSize: (2, 1))(x)
        let shortcut = try ChannelPaddingShortcut(filters: 6, strides: 1)(x)
        let frozen = try Conv2D(filters: 6, kernelSize: 1, kernelInitializer: .glorotNormal(seed: 2))
        frozen.trainable = false
        x = try Add()([frozen(x), shortcut])
        x = try Activation(.sigmoid)(x)
        x = try GlobalAveragePooling2D()(x)
        let shared = try Dense(units: 6, kernelInitializer: .randomNormal(mean: 0, stddev: 0.2, seed: 1))
        x = try shared(shared(x))
        x = try Dropout(rate: 0.25, seed: 5)(x)
        x = try Softmax()(try Flatten()(x))
        let model = try Model(inputs: input, outputs: x, name: "every_kind")

        let json = try model.architectureJSON()
        let rebuilt = try Model.fromArchitectureJSON(json)
        #expect(try rebuilt.architectureJSON() == json)
        #expect(try rebuilt.summary() == model.summary())
        #expect(rebuilt.trainableWeights.map(\.path) == model.trainableWeights.map(\.path))

        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("every_kind.safetensors")
        try model.save(to: url)
        var random = SeededRandom(seed: 9)
        let batch = try Tensor(shape: [3, 8, 8, 2], scalars: (0 ..< 3 * 128).map { _ in random.nextUniform(-1, 1) })
        #expect(try Model.load(from: url).predict(x: batch).scalars == model.predict(x: batch).scalars)
    }

    @Test func aLoadedModelPredictsBitForBitWhatTheSavedOneDid() throws {
        let model = try smallResNet()
        // A step of training moves the weights and the batch norms' moving statistics off their
        // initial values, so that the file must carry both.
        let labels = try DataSet.oneHot([0, 1, 2, 3], classCount: 6)
        try model.compile(optimizer: try Adam(learningRate: 0.01), loss: .categoricalCrossentropy)
        try model.fit(x: images(), y: labels, batchSize: 4, epochs: 2, seed: 0, output: .silent)

        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("nested/small.safetensors")
        try model.save(to: url)
        let loaded = try Model.load(from: url)
        #expect(loaded.name == model.name)
        for (a, b) in zip(loaded.weights, model.weights) {
            #expect(a.path == b.path && a.value.scalars == b.value.scalars)
        }
        let test = try images(seed: 2)
        #expect(try loaded.predict(x: test).scalars == model.predict(x: test).scalars)

        // One file, whose metadata holds the architecture; no temporary file is left behind.
        let file = try SafeTensors.read(contentsOf: url)
        #expect(file.metadata[Model.architectureMetadataKey] == (try model.architectureJSON()))
        #expect(file.names == model.weights.map(\.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
                == ["small.safetensors"])
    }

    // MARK: - Refused files

    /// `model`'s file after `change` edits its tensors and metadata, written to `folder`.
    private func damagedFile(_ model: Model, in folder: URL,
                             _ change: (inout [(name: String, tensor: Tensor)], inout [String: String]) throws -> Void) throws -> URL {
        var tensors = model.weights.map { (name: $0.path, tensor: $0.value) }
        var metadata = [Model.architectureMetadataKey: try model.architectureJSON()]
        try change(&tensors, &metadata)
        let url = folder.appendingPathComponent("damaged.safetensors")
        try SafeTensors(tensors: tensors, metadata: metadata).write(to: url)
        return url
    }

    private func loadError(_ url: URL) -> ModelFileError? {
        do {
            _ = try Model.load(from: url)
            return nil
        } catch {
            return error as? ModelFileError
        }
    }

    @Test func eachDamagedFileGivesItsOwnError() throws {
        let model = try smallResNet()
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = "damaged.safetensors"
        let firstWeight = model.weights[0]

        let weightsOnly = try damagedFile(model, in: folder) { _, metadata in metadata = [:] }
        #expect(loadError(weightsOnly) == .missingArchitecture(file: file))

        let unknownClass = try damagedFile(model, in: folder) { _, metadata in
            metadata[Model.architectureMetadataKey] = metadata[Model.architectureMetadataKey]!
                .replacingOccurrences(of: "\"class_name\":\"Add\"", with: "\"class_name\":\"Multiply\"")
        }
        let addName = try #require(model.layers.first { $0 is Add }?.name)
        #expect(loadError(unknownClass) == .unknownLayerClass(file: file, layer: addName, className: "Multiply"))

        let missing = try damagedFile(model, in: folder) { tensors, _ in tensors.removeFirst() }
        #expect(loadError(missing) == .missingWeight(file: file, weight: firstWeight.path))

        let wrongShape = try damagedFile(model, in: folder) { tensors, _ in
            tensors[0].tensor = try Tensor(shape: [2], scalars: [1, 2])
        }
        #expect(loadError(wrongShape) == .wrongWeightShape(file: file, weight: firstWeight.path,
                                                           expected: firstWeight.shape, found: [2]))

        let extra = try damagedFile(model, in: folder) { tensors, _ in
            tensors.append((name: "stray/kernel", tensor: try Tensor(shape: [1], scalars: [0])))
        }
        #expect(loadError(extra) == .unexpectedWeight(file: file, tensor: "stray/kernel"))

        let notJSON = try damagedFile(model, in: folder) { _, metadata in metadata[Model.architectureMetadataKey] = "{layers" }
        #expect(loadError(notJSON) == .invalidArchitecture(file: file, reason: "it is not a JSON object"))

        let badSetting = try damagedFile(model, in: folder) { _, metadata in
            metadata[Model.architectureMetadataKey] = metadata[Model.architectureMetadataKey]!
                .replacingOccurrences(of: "\"filters\":16", with: "\"filters\":\"sixteen\"")
        }
        guard case .invalidArchitecture(file, let reason)? = loadError(badSetting) else {
            Issue.record("a mistyped setting was not refused as an invalid architecture")
            return
        }
        #expect(reason.contains("filters is not an integer"))
        #expect(ModelFileError.missingWeight(file: file, weight: "conv2d/kernel").description
                == "damaged.safetensors: has no tensor for the weight 'conv2d/kernel' of its architecture")
    }

}

/// A `Sequential` comes back as a `Sequential`; models nested in models come back nested, their
/// weights filed under their path (`encoder/conv/kernel`); what cannot be described is refused
/// with the layer's path and the reason.
@Suite struct NestedAndSequentialModelFileTests {
    /// `model`'s every weight set to seeded values in 0.5…1.5 (positive, so that they serve as
    /// batch-norm variances too), so that a file must carry each one to predict the same.
    private func fillWeights(_ model: Model, seed: Int) throws {
        var random = SeededRandom(seed: seed)
        for variable in model.weights {
            try variable.assign(try Tensor(shape: variable.shape,
                                           scalars: (0 ..< variable.value.count).map { _ in random.nextUniform(0.5, 1.5) }))
        }
    }

    private func batch(_ shape: [Int], seed: Int) throws -> Tensor {
        var random = SeededRandom(seed: seed)
        return try Tensor(shape: shape, scalars: (0 ..< shape.reduce(1, *)).map { _ in random.nextUniform(-1, 1) })
    }

    private func roundTrip(_ model: Model) throws -> Model {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("model.safetensors")
        try model.save(to: url)
        return try Model.load(from: url)
    }

    private func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: - Sequential

    @Test func aSavedSequentialComesBackAsASequential() throws {
        let model = try Sequential([Conv2D(filters: 4, kernelSize: 3, padding: .same, name: "conv"),
                                    BatchNormalization(name: "bn"), ReLU(name: "relu"),
                                    GlobalAveragePooling2D(name: "pool"), Dense(units: 3, name: "logits")],
                                   inputShape: [8, 8, 3], name: "stack")
        try fillWeights(model, seed: 3)
        let loaded = try roundTrip(model)
        let sequential = try #require(loaded as? Sequential, "came back as \(type(of: loaded))")
        #expect(sequential.name == "stack")
        #expect(sequential.stack.map(\.name) == ["conv", "bn", "relu", "pool", "logits"])
        #expect(sequential.stack.map(\.typeName) == model.stack.map(\.typeName))
        #expect(try sequential.summary() == model.summary())
        let summary = try sequential.summary()
        #expect(summary.hasPrefix("Model: \"stack\"\n" + String(repeating: "_", count: 65) + "\n"))
        #expect(!summary.contains("Connected to"), "a Sequential's summary has three columns")
        let x = try batch([2, 8, 8, 3], seed: 4)
        #expect(try sequential.predict(x: x).scalars == model.predict(x: x).scalars)
        #expect(try sequential.architectureJSON() == model.architectureJSON())

        // Keras' Sequential layout: a list of layers without connections, the input's shape first.
        let root = try jsonObject(try model.architectureJSON())
        #expect(root["class_name"] as? String == "Sequential")
        let layers = try #require((root["config"] as? [String: Any])?["layers"] as? [[String: Any]])
        #expect(layers.map { $0["class_name"] as? String } == ["InputLayer", "Conv2D", "BatchNormalization", "ReLU",
                                                                "GlobalAveragePooling2D", "Dense"])
        let batchShape = try #require((layers[0]["config"] as? [String: Any])?["batch_shape"] as? [Any])
        #expect(batchShape.first is NSNull && batchShape.dropFirst().map { $0 as? Int } == [8, 8, 3])
        #expect(layers[0]["name"] as? String == "conv_input")
        #expect(layers.allSatisfy { $0["inbound_nodes"] == nil })

        // It is a working Sequential: a layer added to it runs after the others.
        try sequential.add(Softmax(name: "probabilities"))
        let sums = try sequential.predict(x: x).scalars
        #expect(abs(sums[0] + sums[1] + sums[2] - 1) < 1e-6 && abs(sums[3] + sums[4] + sums[5] - 1) < 1e-6)
    }

    @Test func aSequentialBuiltOnItsFirstCallKeepsTheShapeItMet() throws {
        let model = try Sequential([Flatten(name: "flat"), Dense(units: 2, name: "out")], name: "lazy")
        _ = try model(try Tensor(zeros: [1, 2, 3]))
        let rebuilt = try #require(try Model.fromArchitectureJSON(try model.architectureJSON()) as? Sequential)
        #expect(rebuilt.inputs.first?.shape == [nil, 2, 3])
        #expect(rebuilt.countParams() == 6 * 2 + 2)
    }

    @Test func aSequentialWithoutItsInputLayerIsRefused() throws {
        let model = try Sequential([Dense(units: 2, name: "out")], inputShape: [3], name: "stack")
        var root = try jsonObject(try model.architectureJSON())
        var config = try #require(root["config"] as? [String: Any])
        config["layers"] = try #require(config["layers"] as? [Any]).dropFirst().map { $0 }
        root["config"] = config
        let text = String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self)
        #expect(throws: ModelFileError.invalidArchitecture(
            file: "architecture JSON",
            reason: "a Sequential's layers must start with an InputLayer that gives the input's batch_shape; the first is 'out' (Dense)")) {
            try Model.fromArchitectureJSON(text)
        }
    }

    // MARK: - Nested models

    /// A Siamese model: a functional `encoder` called on two inputs (shared weights), the sum of
    /// its outputs through a convolution, a frozen Sequential `head`, and a dense layer. The outer
    /// `conv` and `dense` have the names of layers inside the nested models.
    private func siamese() throws -> Model {
        let image = try Input(shape: [6, 6, 2], name: "image")
        var x = try Conv2D(filters: 3, kernelSize: 3, padding: .same, name: "conv")(image)
        x = try BatchNormalization(name: "bn")(x)
        x = try ReLU(name: "relu")(x)
        let encoder = try Model(inputs: image, outputs: x, name: "encoder")
        let head = try Sequential([GlobalAveragePooling2D(name: "pool"), Dense(units: 4, name: "dense")],
                                  inputShape: [6, 6, 3], name: "head")
        head.trainable = false
        let left = try Input(shape: [6, 6, 2], name: "left")
        let right = try Input(shape: [6, 6, 2], name: "right")
        let merged = try Add(name: "add")([encoder(left), encoder(right)])
        let mixed = try Conv2D(filters: 3, kernelSize: 1, name: "conv")(merged)
        let output = try Dense(units: 2, name: "dense")(try head(mixed))
        return try Model(inputs: [left, right], outputs: [output], name: "siamese")
    }

    @Test func nestedModelsComeBackNestedWithTheirWeightsFiledByPath() throws {
        let model = try siamese()
        try fillWeights(model, seed: 11)
        let names = model.namedWeights.map(\.name)
        #expect(names.sorted() == ["conv/bias", "conv/kernel", "dense/bias", "dense/kernel",
                                   "encoder/bn/beta", "encoder/bn/gamma", "encoder/bn/moving_mean",
                                   "encoder/bn/moving_variance", "encoder/conv/bias", "encoder/conv/kernel",
                                   "head/dense/bias", "head/dense/kernel"])

        let json = try model.architectureJSON()
        let rebuilt = try Model.fromArchitectureJSON(json)
        #expect(try rebuilt.architectureJSON() == json)
        #expect(try rebuilt.summary() == model.summary())
        #expect(rebuilt.layers.map(\.name) == model.layers.map(\.name))
        let head = try #require(rebuilt.layers.first { $0.name == "head" } as? Sequential)
        #expect(!head.trainable && head.stack.map(\.name) == ["pool", "dense"])
        #expect(rebuilt.layers.first { $0.name == "encoder" }?.typeName == "Functional")
        #expect(rebuilt.trainableWeights.count == model.trainableWeights.count)

        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("siamese.safetensors")
        try model.save(to: url)
        #expect(try SafeTensors.read(contentsOf: url).names == names)
        let loaded = try Model.load(from: url)
        let inputs = [try batch([2, 6, 6, 2], seed: 5), try batch([2, 6, 6, 2], seed: 6)]
        #expect(try loaded.run(inputs)[0].scalars == model.run(inputs)[0].scalars)
        // Both branches still call one encoder: its weights are there once.
        #expect(loaded.weights.count == 12)
        #expect(try loaded.summary().contains("encoder[0][0]") && loaded.summary().contains("encoder[1][0]"))
    }

    @Test func aSequentialMayHoldModels() throws {
        let features = try Input(shape: [4], name: "features")
        let block = try Model(inputs: features, outputs: try Dense(units: 4, activation: .tanh, name: "dense")(features),
                              name: "block")
        let model = try Sequential([block, Sequential([Dense(units: 2, name: "dense")], name: "top")],
                                   inputShape: [4], name: "outer")
        try fillWeights(model, seed: 2)
        #expect(model.namedWeights.map(\.name) == ["block/dense/kernel", "block/dense/bias", "top/dense/kernel", "top/dense/bias"])
        let loaded = try #require(try roundTrip(model) as? Sequential)
        #expect(loaded.stack.map(\.typeName) == ["Functional", "Sequential"])
        let x = try batch([3, 4], seed: 8)
        #expect(try loaded.predict(x: x).scalars == model.predict(x: x).scalars)
        #expect(try loaded.summary() == model.summary())
    }

    @Test func aDamagedNestedArchitectureNamesThePathToTheFault() throws {
        let json = try siamese().architectureJSON()
        func error(_ damaged: String) -> ModelFileError? {
            do {
                _ = try Model.fromArchitectureJSON(damaged)
                return nil
            } catch {
                return error as? ModelFileError
            }
        }
        // The head's dense layer is the only one with 4 units.
        #expect(json.contains("\"units\":4,"))
        #expect(error(json.replacingOccurrences(of: "\"units\":4,", with: "\"units\":\"four\","))
                == .invalidArchitecture(file: "architecture JSON", reason: "layer 'head/dense': units is not an integer"))
        #expect(error(json.replacingOccurrences(of: "\"class_name\":\"BatchNormalization\"", with: "\"class_name\":\"LayerNorm\""))
                == .unknownLayerClass(file: "architecture JSON", layer: "encoder/bn", className: "LayerNorm"))
        #expect(error(json.replacingOccurrences(of: "\"output_layers\":[[\"relu\",0,0]]", with: "\"output_layers\":[[\"tanh\",0,0]]"))
                == .invalidArchitecture(file: "architecture JSON",
                                        reason: "nested model 'encoder': output_layers refers to a layer 'encoder/tanh' that is not in the architecture"))
    }

    // MARK: - Refused models

    /// A layer class with no settings format, as a plugin's or a program's own would be.
    final class PassThrough: Layer {}

    @Test func aLayerWithoutASettingsFormatIsNamedByItsPath() throws {
        let input = try Input(shape: [3])
        let inner = try Sequential([Dense(units: 2, name: "dense"), PassThrough(name: "mine")], inputShape: [3], name: "inner")
        let model = try Model(inputs: input, outputs: try inner(input), name: "outer")
        let error = #expect(throws: ModelFileError.self) { try model.architectureJSON() }
        #expect(error == .unsupportedLayer(model: "outer", layer: "inner/mine", className: "PassThrough"))
        #expect(error?.description == "outer: layer 'inner/mine' (PassThrough) cannot be saved with its architecture: "
            + "ResLab has no settings format for the class PassThrough (a plugin's layer, or one defined in code); "
            + "save the weights with saveWeights(to:) and build the model in code")

        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ModelFileError.self) { try model.save(to: folder.appendingPathComponent("outer.safetensors")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A subclass of Model, whose class a file cannot bring back.
    final class OwnModel: Model {}

    @Test func aSubclassOfModelIsRefusedNestedOrNot() throws {
        let features = try Input(shape: [2])
        let own = try OwnModel(inputs: [features], outputs: [try Dense(units: 2, name: "dense")(features)], name: "own")
        #expect(throws: ModelFileError.unsupportedLayer(model: "own", layer: "own", className: "OwnModel")) {
            try own.architectureJSON()
        }
        let outer = try Sequential([Sequential([own], name: "middle")], inputShape: [2], name: "outer")
        #expect(throws: ModelFileError.unsupportedLayer(model: "outer", layer: "middle/own", className: "OwnModel")) {
            try outer.architectureJSON()
        }
    }

    @Test func aLayerSharedBetweenANestedModelAndItsOuterModelIsRefused() throws {
        let shared = try Dense(units: 3, name: "shared")
        let inner = try Sequential([shared], inputShape: [3], name: "inner")
        let input = try Input(shape: [3], name: "x")
        let model = try Model(inputs: input, outputs: try shared(inner(input)), name: "outer")
        let error = #expect(throws: ModelFileError.self) { try model.architectureJSON() }
        #expect(error == .layerInTwoModels(model: "outer", layer: "shared", firstModel: "outer", secondModel: "outer/inner"))
        #expect(error?.description == "outer: layer 'shared' is used both in 'outer' and in 'outer/inner'; an architecture "
            + "describes each model's layers apart, so the rebuilt models could not share it: "
            + "save the weights with saveWeights(to:) and build the model in code")
    }
}
