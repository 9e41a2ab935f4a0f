import Foundation

/// A model's architecture as JSON, in the spirit of Keras' `model.to_json()`:
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
/// Node indices count only the layer's calls inside this model. Keys are written in sorted
/// order, so the same model always gives the same text. Weights are not part of it.
extension Model {
    /// The architecture as compact JSON (see the extension's documentation).
    ///
    /// Throws `ModelFileError.unsupportedLayer` for a layer whose settings ResLab cannot write (a
    /// plugin's layer, a nested model), and `NNError` when the model is not built or two of its
    /// layers share a name.
    public func architectureJSON() throws -> String {
        let network = try builtNetwork()
        var names = Set<String>()
        for layer in network.layers where !names.insert(layer.name).inserted {
            throw NNError.invalidModelState(
                model: name, message: "two layers are named '\(layer.name)'; an architecture refers to layers by name")
        }
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
            guard let (className, config) = LayerConfig.encode(layer) else {
                throw ModelFileError.unsupportedLayer(model: name, layer: layer.name, className: layer.typeName)
            }
            let inbound: [[String: Any]] = (nodesOfLayer[ObjectIdentifier(layer)] ?? [])
                .filter { !$0.isInput }
                .map { node in
                    ["args": node.inputs.map(reference), "training": node.training.map { $0 as Any } ?? NSNull()]
                }
            layerEntries.append(["class_name": className, "name": layer.name, "config": config, "inbound_nodes": inbound])
        }
        let root: [String: Any] = [
            "class_name": "Functional", "format": Self.architectureFormat, "version": 1,
            "config": ["name": name, "trainable": trainable, "layers": layerEntries,
                       "input_layers": network.inputs.map(reference), "output_layers": network.outputs.map(reference)],
        ]
        let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A model rebuilt from `architectureJSON()`'s text: the same layers with the same names and
    /// settings, connected the same way, so the same summary and parameter count. Its weights
    /// are new, filled by the layers' initialisers; load saved ones with `Model.load(from:)`.
    ///
    /// Throws `ModelFileError` when the text is not such an architecture.
    public static func fromArchitectureJSON(_ json: String) throws -> Model {
        try fromArchitectureJSON(json, file: "architecture JSON")
    }

    static let architectureFormat = "ResLab architecture"

    /// `fromArchitectureJSON(_:)` naming `file` in its errors.
    static func fromArchitectureJSON(_ json: String, file: String) throws -> Model {
        func invalid(_ reason: String) -> ModelFileError { .invalidArchitecture(file: file, reason: reason) }
        guard let root = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw invalid("it is not a JSON object")
        }
        guard root["class_name"] as? String == "Functional", let config = root["config"] as? [String: Any] else {
            throw invalid("it is not a functional model's architecture ({\"class_name\": \"Functional\", \"config\": {…}})")
        }
        guard let modelName = config["name"] as? String, let entries = config["layers"] as? [Any] else {
            throw invalid("the model's config needs a name and a list of layers")
        }

        // Make every layer, then call them on their inputs as these become available.
        var outputsOfLayer: [String: [KerasTensor]] = [:]
        var pending: [(layer: Layer, nodes: [[String: Any]])] = []
        var seen = Set<String>()
        for entry in entries {
            guard let entry = entry as? [String: Any], let className = entry["class_name"] as? String,
                  let layerConfig = entry["config"] as? [String: Any], let layerName = layerConfig["name"] as? String,
                  let nodes = entry["inbound_nodes"] as? [Any] else {
                throw invalid("every layer needs a class_name, a config with a name, and inbound_nodes")
            }
            guard seen.insert(layerName).inserted else { throw invalid("two layers are named '\(layerName)'") }
            if className == "InputLayer" {
                outputsOfLayer[layerName] = [try LayerConfig.decodeInput(config: layerConfig, file: file)]
                continue
            }
            guard let nodeObjects = nodes as? [[String: Any]] else {
                throw invalid("layer '\(layerName)': every inbound node must be an object {\"args\": […], \"training\": …}")
            }
            pending.append((try LayerConfig.decode(className: className, config: layerConfig, file: file), nodeObjects))
        }

        func tensor(_ reference: Any, reader: String) throws -> KerasTensor? {
            guard let parts = reference as? [Any], parts.count == 3, let source = parts[0] as? String,
                  let index = (parts[1] as? NSNumber).flatMap({ Int($0.stringValue) }) else {
                throw invalid("\(reader): a tensor reference must be [layer name, node index, 0]")
            }
            guard seen.contains(source) else { throw invalid("\(reader) refers to a layer '\(source)' that is not in the architecture") }
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
                        throw invalid("layer '\(layerName)': an inbound node has no args")
                    }
                    let inputs = try references.map { try tensor($0, reader: "layer '\(layerName)'") }
                    guard inputs.allSatisfy({ $0 != nil }) else { break }
                    let arguments = inputs.compactMap { $0 }
                    let training: Bool? = node["training"] is NSNull ? nil : node["training"] as? Bool
                    let output: KerasTensor
                    do {
                        output = item.layer.takesList
                            ? try item.layer(arguments, training: training)
                            : try item.layer(arguments[0], training: training)
                    } catch let error as NNError {
                        throw invalid("layer '\(layerName)' cannot be called on its inputs: \(error)")
                    }
                    outputsOfLayer[layerName, default: []].append(output)
                    progress = true
                }
            }
            pending.removeAll { (outputsOfLayer[$0.layer.name]?.count ?? 0) == $0.nodes.count }
        }
        if let stuck = pending.first {
            throw invalid("layer '\(stuck.layer.name)' waits for inputs that are never made (a cycle, or a node index out of range)")
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
        let model: Model
        do {
            model = try Model(inputs: endpoints("input_layers"), outputs: endpoints("output_layers"), name: modelName)
        } catch let error as NNError {
            throw invalid("the layers do not make a model: \(error)")
        }
        if let trainable = config["trainable"] as? Bool { model.trainable = trainable }
        return model
    }
}
