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

    @Test func aLayerWithoutAConfigCannotBeSaved() throws {
        let input = try Input(shape: [3])
        let nested = try Sequential([Dense(units: 2)], inputShape: [3], name: "inner")
        let model = try Model(inputs: input, outputs: try nested(input), name: "outer")
        #expect(throws: ModelFileError.unsupportedLayer(model: "outer", layer: "inner", className: "Sequential")) {
            try model.architectureJSON()
        }
    }
}
