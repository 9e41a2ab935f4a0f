import Foundation
import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// `model.saveWeights(to:)` and `model.loadWeights(from:)`: every weight in a safetensors file
/// under its checkpoint name (`conv2d_3/kernel`; `encoder/conv2d/kernel` inside a nested model,
/// `Model.namedWeights`), in the model's weight order; `model.save(to:)` and `loadModel(from:)`:
/// the same file with the architecture in its metadata, so that the model comes back without the
/// code that built it (`Model.save(to:)`), a Sequential as a Sequential. Paths go through the
/// host's `FileAccessPolicy`.
///
/// Loading matches by name when every weight's name is in the file; otherwise, as Keras does
/// for a model built again (whose automatic layer names differ), by position, when the file has
/// as many tensors with the same shapes in the same order.
enum ModelCheckpoints {
    static func addMembers<M: Model>(to builder: NativeTypeBuilder<M>, fileAccess: FileAccessPolicy) {
        builder
            .method("saveWeights", [.init("to", .string, name: "path")],
                    doc: "Writes every weight to a safetensors file (readable by safetensors in Python).") { model, args, _ in
                let url = try fileAccess.authorize(try args.string(0), .write)
                let weights = try SafeTensors(tensors: model.namedWeights.map { ($0.name, $0.variable.value) },
                                              metadata: ["model": model.name, "format": "ResLab weights"])
                try weights.write(to: url)
                return .void
            }
            .method("save", [.init("to", .string, name: "path")],
                    doc: "Writes the architecture and every weight to one safetensors file; loadModel(from:) reads it back.") { model, args, _ in
                try model.save(to: try fileAccess.authorize(try args.string(0), .write))
                return .void
            }
            .method("loadWeights", [.init("from", .string, name: "path")],
                    doc: "Reads weights saved by saveWeights(to:) into this model (same architecture).") { model, args, _ in
                let path = try args.string(0)
                let file = try SafeTensors.read(contentsOf: try fileAccess.authorize(path, .read))
                try load(file, into: model, path: path)
                return .void
            }
    }

    /// `loadModel(from:)`, a global function.
    static func registerLoadModel(registrar: PluginRegistrar, fileAccess: FileAccessPolicy) throws {
        let registry = registrar.registry
        try registrar.function("loadModel", [.init("from", .string, name: "path")], returns: .named("Model"),
                               doc: "The model saved by model.save(to:): its architecture and weights (not compiled).") { args, _ in
            // Wrapped by its own class, so that a Sequential keeps `add`.
            try LayerBinding.value(try Model.load(from: try fileAccess.authorize(try args.string(0), .read)), registry: registry)
        }
    }

    static func load(_ file: SafeTensors, into model: Model, path: String) throws {
        let named = model.namedWeights
        let variables = named.map(\.variable)
        guard !variables.isEmpty else {
            throw NativeError("\(model.name) has no weights to load into yet", hint: "build it first: call it on a tensor, or give the input shape")
        }
        let values: [Tensor]
        let byName = named.compactMap { file[$0.name] }
        if byName.count == variables.count {
            values = byName
        } else if file.tensors.count == variables.count,
                  zip(file.tensors, variables).allSatisfy({ $0.tensor.shape == $1.shape }) {
            values = file.tensors.map(\.tensor)
        } else {
            let missing = named.first { file[$0.name] == nil }?.name ?? "?"
            throw NativeError("\(path) does not hold this model's weights: it has \(file.tensors.count) tensors for \(variables.count) weights, "
                              + "and no tensor named '\(missing)'",
                              hint: "load weights saved from a model built the same way")
        }
        for (variable, value) in zip(variables, values) { try variable.assign(value) }
    }
}
