/// What `Model.load(from:)` and `Model.fromArchitectureJSON(_:)` refuse, and what
/// `Model.architectureJSON()` cannot describe.
///
/// Every case names the file (or `architecture JSON` for text given directly) and what is wrong in
/// it; `description` is the sentence a learner sees. A file that is not valid safetensors at all
/// throws `DataError` instead, from the safetensors reader.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    /// The safetensors file has no `architecture` entry in its `__metadata__`: weights alone.
    case missingArchitecture(file: String)
    /// The architecture is not the JSON `architectureJSON()` writes (a missing or mistyped field,
    /// a reference to a layer that does not exist, a layer setting a layer refuses).
    case invalidArchitecture(file: String, reason: String)
    /// A layer's `class_name` is not one ResLab can rebuild.
    case unknownLayerClass(file: String, layer: String, className: String)
    /// The architecture has a weight the file holds no tensor for.
    case missingWeight(file: String, weight: String)
    /// The file's tensor for a weight has another shape than the architecture gives it.
    case wrongWeightShape(file: String, weight: String, expected: [Int], found: [Int])
    /// The file holds a tensor that no weight of the architecture is named after.
    case unexpectedWeight(file: String, tensor: String)
    /// `architectureJSON()` met a layer whose settings it cannot write (a plugin's layer, one of
    /// a program's own). `layer` is its name, after the names of the nested models holding it
    /// (`inner/my_layer`).
    case unsupportedLayer(model: String, layer: String, className: String)
    /// `architectureJSON()` met a layer that belongs to two models of the tree (a nested model
    /// and the model around it, or two nested models): the architecture describes each model's
    /// layers apart, by name, so the rebuilt models could not share it. The models are named by
    /// their path from the outermost one (`outer/inner`).
    case layerInTwoModels(model: String, layer: String, firstModel: String, secondModel: String)

    public var description: String {
        switch self {
        case let .missingArchitecture(file):
            return "\(file): holds no architecture (no 'architecture' in its __metadata__); it holds weights only: "
                + "build the model in code and load them with loadWeights(from:)"
        case let .invalidArchitecture(file, reason):
            return "\(file): the architecture is invalid: \(reason)"
        case let .unknownLayerClass(file, layer, className):
            return "\(file): layer '\(layer)' is of class '\(className)', which ResLab cannot rebuild"
        case let .missingWeight(file, weight):
            return "\(file): has no tensor for the weight '\(weight)' of its architecture"
        case let .wrongWeightShape(file, weight, expected, found):
            return "\(file): the weight '\(weight)' has shape \(found) but the architecture needs \(expected)"
        case let .unexpectedWeight(file, tensor):
            return "\(file): holds a tensor '\(tensor)' that no weight of its architecture is named after"
        case let .unsupportedLayer(model, layer, className):
            return "\(model): layer '\(layer)' (\(className)) cannot be saved with its architecture: "
                + "ResLab has no settings format for the class \(className) (a plugin's layer, or one defined in code); "
                + "save the weights with saveWeights(to:) and build the model in code"
        case let .layerInTwoModels(model, layer, firstModel, secondModel):
            return "\(model): layer '\(layer)' is used both in '\(firstModel)' and in '\(secondModel)'; "
                + "an architecture describes each model's layers apart, so the rebuilt models could not share it: "
                + "save the weights with saveWeights(to:) and build the model in code"
        }
    }
}
