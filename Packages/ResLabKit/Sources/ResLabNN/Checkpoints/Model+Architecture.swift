import Foundation

/// A model's architecture as JSON, in the spirit of Keras' `model.to_json()`. A functional model:
///
///     {"class_name": "Functional", "format": "ResLab architecture", "version": 1,
///      "config": {"name": "resnet20", "trainable": true,
///                 "layers": [{"class_name": "Conv2D", "name": "conv2d", "config": {…},
///                             "inbound_nodes": [{"args": [["input_1", 0, 0]], "training": null}]}, …],
///                 "input_layers": [["input_1", 0, 0]], "output_layers": [["dense", 0, 0]]}}
///
/// Layers are listed in `model.layers` order, each with its settings (`LayerConfig`) and one
/// inbound node per call of the layer inside the model: the tensors it was called on, each as
/// `[layer name, node index, 0]`, and the `training:` given at the call (null when none was).
/// Node indices count only the layer's calls inside this model.
///
/// A `Sequential` is written as Keras writes one, a list of layers without connections, the
/// first an `InputLayer` that gives the input's shape:
///
///     {"class_name": "Sequential", "format": "ResLab architecture", "version": 1,
///      "config": {"name": "sequential", "trainable": true,
///                 "layers": [{"class_name": "InputLayer", "name": "dense_input",
///                             "config": {"batch_shape": [null, 3], …}},
///                            {"class_name": "Dense", "name": "dense", "config": {…}}, …]}}
///
/// A model used as a layer of another (nested) is an entry like any layer, whose `class_name` is
/// `Functional` or `Sequential` and whose `config` is its own architecture's config, layers and
/// all. Layer names need only be unique within each model; a saved model files a nested model's
/// weights under its name (`namedWeights`). Keys are written in sorted order, so the same model
/// always gives the same text. Weights are not part of it.
extension Model {
    /// The architecture as compact JSON (see the extension's documentation).
    ///
    /// Throws `ModelFileError.unsupportedLayer` for a layer whose settings ResLab cannot write (a
    /// plugin's layer, one of your own, a subclass of `Model`), `ModelFileError.layerInTwoModels` for a layer that a
    /// nested model shares with another model of the tree, and `NNError` when the model is not
    /// built or two of its layers share a name.
    public func architectureJSON() throws -> String {
        var writer = ArchitectureWriter(root: name)
        let (className, config) = try writer.describe(self, path: name, prefix: "")
        let root: [String: Any] = [
            "class_name": className, "format": Self.architectureFormat, "version": 1, "config": config,
        ]
        let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A model rebuilt from `architectureJSON()`'s text: the same layers with the same names and
    /// settings, connected the same way, so the same summary and parameter count; a `Sequential`
    /// comes back as a `Sequential`. Its weights are new, filled by the layers' initialisers;
    /// load saved ones with `Model.load(from:)`.
    ///
    /// Throws `ModelFileError` when the text is not such an architecture.
    public static func fromArchitectureJSON(_ json: String) throws -> Model {
        try fromArchitectureJSON(json, file: "architecture JSON")
    }

    static let architectureFormat = "ResLab architecture"

    /// `fromArchitectureJSON(_:)` naming `file` in its errors.
    static func fromArchitectureJSON(_ json: String, file: String) throws -> Model {
        let reader = ArchitectureReader(file: file)
        guard let root = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw reader.invalid("it is not a JSON object")
        }
        guard let className = root["class_name"] as? String, ArchitectureReader.modelClasses.contains(className),
              let config = root["config"] as? [String: Any] else {
            throw reader.invalid("it is not a model's architecture "
                                 + "({\"class_name\": \"Functional\" or \"Sequential\", \"config\": {…}})")
        }
        return try reader.model(className: className, config: config, path: nil)
    }

    /// Every weight (in `weights` order) with the name a saved model files it under: `layer/weight`
    /// (`conv2d_3/kernel`, the weight's `path`) for the model's own layers, and the nested model's
    /// name before that for a nested model's layers (`encoder/conv2d/kernel`, and so on down).
    /// The names depend only on the layers' and models' names, so a model rebuilt from its
    /// architecture gives the same ones.
    public var namedWeights: [(name: String, variable: Variable)] {
        var names: [ObjectIdentifier: String] = [:]
        func visit(_ model: Model, prefix: String) {
            for layer in model.layers {
                if let inner = layer as? Model {
                    visit(inner, prefix: prefix + inner.name + "/")
                } else {
                    for variable in layer.variables where names[ObjectIdentifier(variable)] == nil {
                        names[ObjectIdentifier(variable)] = prefix + variable.path
                    }
                }
            }
        }
        visit(self, prefix: "")
        return weights.map { (names[ObjectIdentifier($0)] ?? $0.path, $0) }
    }
}

/// Writes the architecture of a model and of the models nested in it.
private struct ArchitectureWriter {
    /// The outermost model's name, for errors.
    let root: String
    /// The model (as a path from the root, `outer/inner`) each layer was first met in: a layer
    /// met again in another model is shared across models, which names cannot express.
    var owners: [ObjectIdentifier: String] = [:]

    init(root: String) {
        self.root = root
    }

    /// The class name and config of `model`, which sits at `path` (`outer/inner`) in the tree;
    /// `prefix` is that path below the root, to name its layers in errors (`inner/`, or "").
    mutating func describe(_ model: Model, path: String, prefix: String) throws -> (className: String, config: [String: Any]) {
        // A subclass of Model may compute something else than its graph; its class cannot be rebuilt.
        guard model is Sequential || type(of: model) == Model.self else {
            throw ModelFileError.unsupportedLayer(model: root, layer: prefix.isEmpty ? model.name : String(prefix.dropLast()),
                                                  className: String(describing: type(of: model)))
        }
        let network = try model.builtNetwork()
        var names = Set<String>()
        for layer in network.layers where !names.insert(layer.name).inserted {
            throw NNError.invalidModelState(
                model: path, message: "two layers are named '\(layer.name)'; an architecture refers to layers by name")
        }
        // Input layers may be shared: a nested model built on the outer model's input describes
        // that input as its own, and the rebuilt models simply have one each.
        for layer in network.layers where !(layer is InputLayer) {
            if let first = owners[ObjectIdentifier(layer)], first != path {
                throw ModelFileError.layerInTwoModels(model: root, layer: layer.name, firstModel: first, secondModel: path)
            }
            owners[ObjectIdentifier(layer)] = path
        }
        if let sequential = model as? Sequential {
            return ("Sequential", try sequentialConfig(sequential, network: network, path: path, prefix: prefix))
        }
        return ("Functional", try functionalConfig(model, network: network, path: path, prefix: prefix))
    }

    /// A layer's class name and config; a nested model's are its own architecture's.
    /// `prefix` is the path of the model holding it, below the root (`inner/`, or "").
    private mutating func entry(_ layer: Layer, path: String, prefix: String) throws -> (className: String, config: [String: Any]) {
        if let inner = layer as? Model {
            return try describe(inner, path: "\(path)/\(inner.name)", prefix: prefix + inner.name + "/")
        }
        guard let encoded = LayerConfig.encode(layer) else {
            throw ModelFileError.unsupportedLayer(model: root, layer: prefix + layer.name, className: layer.typeName)
        }
        return encoded
    }

    private mutating func sequentialConfig(_ model: Sequential, network: GraphNetwork, path: String,
                                           prefix: String) throws -> [String: Any] {
        // The stack calls each layer once, in order, so a layer listed twice would be two calls
        // of one layer: names cannot tell that from two layers.
        var names = Set<String>()
        for layer in model.stack where !names.insert(layer.name).inserted {
            throw NNError.invalidModelState(
                model: path, message: "the layer name '\(layer.name)' appears twice in the stack; an architecture lists each layer once by name")
        }
        guard let input = network.inputs.first, let (_, inputConfig) = LayerConfig.encode(input.layer) else {
            throw NNError.invalidModelState(model: path, message: "has no input layer")
        }
        var layers: [[String: Any]] = [["class_name": "InputLayer", "name": input.layer.name, "config": inputConfig]]
        for layer in model.stack {
            let (className, config) = try entry(layer, path: path, prefix: prefix)
            layers.append(["class_name": className, "name": layer.name, "config": config])
        }
        return ["name": model.name, "trainable": model.trainable, "layers": layers]
    }

    private mutating func functionalConfig(_ model: Model, network: GraphNetwork, path: String,
                                           prefix: String) throws -> [String: Any] {
        // Each layer's calls inside this model, in call order, and their local numbers.
        var nodesOfLayer: [ObjectIdentifier: [Node]] = [:]
        for node in network.inputs.map(\.node) + network.steps.map(\.node) {
            nodesOfLayer[ObjectIdentifier(node.layer), default: []].append(node)
        }
        var localIndex: [ObjectIdentifier: Int] = [:]
        for (key, nodes) in nodesOfLayer {
            let sorted = nodes.sorted { $0.index < $1.index }
            nodesOfLayer[key] = sorted
            for (position, node) in sorted.enumerated() { localIndex[ObjectIdentifier(node)] = position }
        }
        func reference(_ tensor: KerasTensor) -> [Any] {
            [tensor.layer.name, localIndex[ObjectIdentifier(tensor.node)] ?? 0, 0]
        }

        var layerEntries: [[String: Any]] = []
        for layer in network.layers {
            let (className, config) = try entry(layer, path: path, prefix: prefix)
            let inbound: [[String: Any]] = (nodesOfLayer[ObjectIdentifier(layer)] ?? [])
                .filter { !$0.isInput }
                .map { node in
                    ["args": node.inputs.map(reference), "training": node.training.map { $0 as Any } ?? NSNull()]
                }
            layerEntries.append(["class_name": className, "name": layer.name, "config": config, "inbound_nodes": inbound])
        }
        return ["name": model.name, "trainable": model.trainable, "layers": layerEntries,
                "input_layers": network.inputs.map(reference), "output_layers": network.outputs.map(reference)]
    }
}

/// Rebuilds a model, and the models nested in it, from an architecture's JSON objects; every
/// error names the file and, inside a nested model, the path to it.
private struct ArchitectureReader {
    static let modelClasses: Set<String> = ["Functional", "Sequential"]

    let file: String

    func invalid(_ reason: String) -> ModelFileError { .invalidArchitecture(file: file, reason: reason) }

    /// The model of class `className` described by `config`. `path` is nil for the outermost
    /// model and the names leading to a nested one otherwise (`outer/inner` → "inner"), which
    /// errors name and which goes before the names of its layers in them.
    func model(className: String, config: [String: Any], path: String?) throws -> Model {
        let place = path.map { "nested model '\($0)': " } ?? ""
        func invalid(_ reason: String) -> ModelFileError { self.invalid(place + reason) }
        guard let modelName = config["name"] as? String, let entries = config["layers"] as? [Any] else {
            throw invalid("the model's config needs a name and a list of layers")
        }
        let scope = path.map { $0 + "/" } ?? ""
        let model = className == "Sequential"
            ? try sequential(named: modelName, entries: entries, scope: scope, invalid: invalid)
            : try functional(named: modelName, config: config, entries: entries, scope: scope, invalid: invalid)
        if let trainable = config["trainable"] as? Bool { model.trainable = trainable }
        return model
    }

    /// One entry of a model's `layers`: its class name, config and name.
    private func parts(_ entry: Any, invalid: (String) -> ModelFileError) throws -> (className: String, config: [String: Any], name: String) {
        guard let entry = entry as? [String: Any], let className = entry["class_name"] as? String,
              let config = entry["config"] as? [String: Any], let name = config["name"] as? String else {
            throw invalid("every layer needs a class_name and a config with a name")
        }
        return (className, config, name)
    }

    /// The layer (or nested model) an entry describes; not for `InputLayer`.
    private func layer(className: String, config: [String: Any], name: String, scope: String) throws -> Layer {
        if Self.modelClasses.contains(className) {
            return try model(className: className, config: config, path: scope + name)
        }
        if className == "InputLayer" {
            throw invalid("layer '\(scope)\(name)': an InputLayer can only be a model's input")
        }
        return try LayerConfig.decode(className: className, config: config, file: file, scope: scope)
    }

    private func sequential(named modelName: String, entries: [Any], scope: String,
                            invalid: (String) -> ModelFileError) throws -> Model {
        guard let first = entries.first else { throw invalid("a Sequential's layers must start with an InputLayer") }
        let input = try parts(first, invalid: invalid)
        guard input.className == "InputLayer" else {
            throw invalid("a Sequential's layers must start with an InputLayer that gives the input's batch_shape; "
                          + "the first is '\(scope)\(input.name)' (\(input.className))")
        }
        let batchShape = try LayerConfig.decodeInput(config: input.config, file: file, scope: scope).shape
        guard batchShape[0] == nil else {
            throw invalid("layer '\(scope)\(input.name)': a Sequential's batch_shape must leave the batch size null")
        }
        var names: Set<String> = [input.name]
        var layers: [Layer] = []
        for entry in entries.dropFirst() {
            let (className, config, name) = try parts(entry, invalid: invalid)
            guard names.insert(name).inserted else { throw invalid("two layers are named '\(scope)\(name)'") }
            layers.append(try layer(className: className, config: config, name: name, scope: scope))
        }
        do {
            return try Sequential(layers, inputShape: batchShape.dropFirst().compactMap { $0 }, name: modelName)
        } catch let error as NNError {
            throw invalid("the layers do not make a Sequential: \(error)")
        }
    }

    private func functional(named modelName: String, config: [String: Any], entries: [Any], scope: String,
                            invalid: (String) -> ModelFileError) throws -> Model {
        // Make every layer, then call them on their inputs as these become available.
        var outputsOfLayer: [String: [KerasTensor]] = [:]
        var pending: [(layer: Layer, nodes: [[String: Any]])] = []
        var seen = Set<String>()
        for entry in entries {
            let (className, layerConfig, layerName) = try parts(entry, invalid: invalid)
            guard seen.insert(layerName).inserted else { throw invalid("two layers are named '\(scope)\(layerName)'") }
            if className == "InputLayer" {
                outputsOfLayer[layerName] = [try LayerConfig.decodeInput(config: layerConfig, file: file, scope: scope)]
                continue
            }
            guard let nodeObjects = (entry as? [String: Any])?["inbound_nodes"] as? [[String: Any]] else {
                throw invalid("layer '\(scope)\(layerName)': inbound_nodes must be a list of objects {\"args\": […], \"training\": …}")
            }
            pending.append((try layer(className: className, config: layerConfig, name: layerName, scope: scope), nodeObjects))
        }

        func tensor(_ reference: Any, reader: String) throws -> KerasTensor? {
            guard let parts = reference as? [Any], parts.count == 3, let source = parts[0] as? String,
                  let index = (parts[1] as? NSNumber).flatMap({ Int($0.stringValue) }) else {
                throw invalid("\(reader): a tensor reference must be [layer name, node index, 0]")
            }
            guard seen.contains(source) else {
                throw invalid("\(reader) refers to a layer '\(scope)\(source)' that is not in the architecture")
            }
            let made = outputsOfLayer[source] ?? []
            return index < made.count ? made[index] : nil
        }
        var progress = true
        while progress, !pending.isEmpty {
            progress = false
            for item in pending {
                let layerName = item.layer.name
                while (outputsOfLayer[layerName]?.count ?? 0) < item.nodes.count {
                    let node = item.nodes[outputsOfLayer[layerName]?.count ?? 0]
                    guard let references = node["args"] as? [Any], !references.isEmpty else {
                        throw invalid("layer '\(scope)\(layerName)': an inbound node has no args")
                    }
                    let inputs = try references.map { try tensor($0, reader: "layer '\(scope)\(layerName)'") }
                    guard inputs.allSatisfy({ $0 != nil }) else { break }
                    let arguments = inputs.compactMap { $0 }
                    let training: Bool? = node["training"] is NSNull ? nil : node["training"] as? Bool
                    let output: KerasTensor
                    do {
                        output = item.layer.takesList
                            ? try item.layer(arguments, training: training)
                            : try item.layer(arguments[0], training: training)
                    } catch let error as NNError {
                        throw invalid("layer '\(scope)\(layerName)' cannot be called on its inputs: \(error)")
                    }
                    outputsOfLayer[layerName, default: []].append(output)
                    progress = true
                }
            }
            pending.removeAll { (outputsOfLayer[$0.layer.name]?.count ?? 0) == $0.nodes.count }
        }
        if let stuck = pending.first {
            throw invalid("layer '\(scope)\(stuck.layer.name)' waits for inputs that are never made (a cycle, or a node index out of range)")
        }

        func endpoints(_ key: String) throws -> [KerasTensor] {
            guard let references = config[key] as? [Any], !references.isEmpty else {
                throw invalid("the model's config needs a non-empty \(key)")
            }
            return try references.map { reference in
                guard let made = try tensor(reference, reader: key) else {
                    throw invalid("\(key) refers to a node that the architecture never makes")
                }
                return made
            }
        }
        do {
            return try Model(inputs: endpoints("input_layers"), outputs: endpoints("output_layers"), name: modelName)
        } catch let error as NNError {
            throw invalid("the layers do not make a model: \(error)")
        }
    }
}
