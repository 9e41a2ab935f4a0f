/// Everything the layers, models and training loop refuse, with where and why.
///
/// The cases keep the facts apart; `description` is the sentence a learner sees, naming the layer
/// or operation and what to do.
public enum NNError: Error, Equatable, CustomStringConvertible {
    /// A setting that makes no sense: `Conv2D(filters: 0)`, `Dropout(rate: 1.5)`.
    case invalidArgument(op: String, message: String)
    /// A layer called on an input it cannot take (wrong rank, wrong channel count, mismatched shapes).
    case incompatibleInput(layer: String, message: String)
    /// `Model(inputs:outputs:)` cannot make a model of the graph it was given.
    case invalidGraph(message: String)
    /// Training or evaluation asked of a model in a state that does not allow it.
    case invalidModelState(model: String, message: String)
    /// Data passed to `fit`, `evaluate` or `predict` that does not suit the model.
    case invalidData(op: String, message: String)

    public var description: String {
        switch self {
        case let .invalidArgument(op, message): return "\(op): \(message)"
        case let .incompatibleInput(layer, message): return "\(layer): \(message)"
        case let .invalidGraph(message): return "Model(inputs:outputs:): \(message)"
        case let .invalidModelState(model, message): return "\(model): \(message)"
        case let .invalidData(op, message): return "\(op): \(message)"
        }
    }
}
