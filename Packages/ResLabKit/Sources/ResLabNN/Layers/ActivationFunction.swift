import ResLabEngine

/// The activations a layer can apply by name, Keras' `activation="relu"` spelled `.relu`.
public enum ActivationFunction: String, Equatable, CaseIterable {
    /// The identity (Keras' `None` or `"linear"`).
    case linear
    /// max(0, x).
    case relu
    /// 1 / (1 + e^−x).
    case sigmoid
    case tanh
    /// e^x / Σ e^x over the last axis.
    case softmax

    /// Applies the function to `x`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        switch self {
        case .linear: return x
        case .relu: return ResLabEngine.relu(x)
        case .sigmoid: return ResLabEngine.sigmoid(x)
        case .tanh: return ResLabEngine.tanh(x)
        case .softmax: return try ResLabEngine.softmax(x)
        }
    }
}
