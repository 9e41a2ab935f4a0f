import ResLabNN
import ResLabPlugin
import ResLabScript

/// The built-in plugin `nn`: Keras' layers, `Input`, `Model`, `Sequential`, optimisers, losses,
/// metrics, training (`compile`, `fit`, `ImageAugmentation`, `evaluate`, `predict`, `History`),
/// checkpoints, the library's ResNets (`ResNet.…`), `setRandomSeed`, and the residual block laid
/// out for learners (`showResidualBlock`). Needs the `engine` plugin installed first (it uses its
/// `Tensor` and `Padding`).
public final class NNPlugin: ResLabPlugin {
    public let name = "nn"
    public let version = "1.0.0"
    private let fileAccess: FileAccessPolicy

    /// - Parameter fileAccess: the gate `saveWeights(to:)` and `loadWeights(from:)` go through.
    public init(fileAccess: FileAccessPolicy = FileAccessPolicy()) {
        self.fileAccess = fileAccess
    }

    public func register(with registrar: PluginRegistrar) throws {
        guard registrar.registry.type(named: TensorBinding.typeName) != nil else {
            throw NativeError("the nn plugin needs the engine plugin (its Tensor type) installed first")
        }
        try NNSettings.register(with: registrar)
        try LayerTypes(registrar: registrar).register()
        try Optimizers.register(with: registrar)
        try ModelTraining.registerHistory(with: registrar)
        try ModelTraining.registerStepReport(with: registrar)
        try ModelTraining.registerImageAugmentation(with: registrar)
        try ModelBinding(registrar: registrar, fileAccess: fileAccess).register()
        try ResNetLibrary.register(with: registrar)
        try ResidualBlockView.register(with: registrar)
        try registrar.function("setRandomSeed", [.init("_", .int, name: "seed")],
                               doc: "Restarts the session's random numbers (unseeded initialisers, shuffling) from `seed`.") { args, _ in
            setRandomSeed(try args.int(0))
            return .void
        }
        try registrar.function("clearSession", [],
                               doc: "Restarts Keras' automatic layer names (conv2d, conv2d_1, …), so a rebuilt model gets the same names.") { _, _ in
            clearSession()
            return .void
        }
    }
}
