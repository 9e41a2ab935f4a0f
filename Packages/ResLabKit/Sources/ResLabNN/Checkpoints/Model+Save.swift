import Foundation

/// A saved model: one safetensors file holding every weight under its name in `namedWeights`
/// (`conv2d_3/kernel`; `encoder/conv2d/kernel` inside a nested model `encoder`) and, in the
/// header's `__metadata__`, the architecture JSON under `architecture` (see `architectureJSON()`). Python's `safetensors` package reads the weights
/// and `safetensors.safe_open(path, "np").metadata()["architecture"]` the architecture.
extension Model {
    /// The `__metadata__` key of the architecture in a saved model.
    public static let architectureMetadataKey = "architecture"

    /// Writes the architecture and every weight (batch norms' moving statistics included) to one
    /// safetensors file at `url`, atomically: a temporary file beside it, renamed over it.
    ///
    /// Throws `ModelFileError.unsupportedLayer` when a layer cannot be described, `DataError`
    /// when the file cannot be written.
    public func save(to url: URL) throws {
        let architecture = try architectureJSON()
        let file = try SafeTensors(tensors: namedWeights.map { ($0.name, $0.variable.value) },
                                   metadata: [Self.architectureMetadataKey: architecture, "format": "ResLab model"])
        try AtomicFile.write(file.encoded(), toPath: url.path)
    }

    /// The model saved at `url` by `save(to:)`: rebuilt from its architecture (a `Sequential`
    /// as a `Sequential`), with the saved weights, so that it predicts exactly what the saved
    /// model did. It is not compiled.
    ///
    /// Throws `DataError` when the file cannot be read or is not safetensors, and
    /// `ModelFileError` when it has no architecture, an architecture ResLab cannot rebuild, or
    /// weights that do not match it (one missing, one of the wrong shape, one too many).
    public static func load(from url: URL) throws -> Model {
        let name = DataFile.displayName(url)
        let file = try SafeTensors.read(contentsOf: url)
        guard let architecture = file.metadata[architectureMetadataKey] else {
            throw ModelFileError.missingArchitecture(file: name)
        }
        let model = try fromArchitectureJSON(architecture, file: name)
        var tensors = file.dictionary
        for (weight, variable) in model.namedWeights {
            guard let tensor = tensors.removeValue(forKey: weight) else {
                throw ModelFileError.missingWeight(file: name, weight: weight)
            }
            guard tensor.shape == variable.shape else {
                throw ModelFileError.wrongWeightShape(file: name, weight: weight, expected: variable.shape,
                                                      found: tensor.shape)
            }
            try variable.assign(tensor)
        }
        if let extra = file.names.first(where: { tensors[$0] != nil }) {
            throw ModelFileError.unexpectedWeight(file: name, tensor: extra)
        }
        return model
    }
}
