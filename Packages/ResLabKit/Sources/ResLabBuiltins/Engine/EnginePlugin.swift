import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// The built-in plugin `engine`: the `Tensor` type of the lesson language under Swift for
/// TensorFlow's names (creation, properties, subscripts, operators, math, reductions, shape ops,
/// convolution and pooling), automatic differentiation with lesson closures, and the gradient
/// checker.
///
/// A `Tensor` value holds a `TensorValue`: numbers, or a symbolic tensor from `Input(shape:)`
/// (see `TensorBinding`). Everything that computes needs numbers and says so when given a
/// symbolic tensor.
public final class EnginePlugin: ResLabPlugin {
    public let name = "engine"
    public let version = "1.0.0"

    public init() {}

    public func register(with registrar: PluginRegistrar) throws {
        let tensors = try registrar.defineType(
            TensorValue.self, name: TensorBinding.typeName,
            doc: "An n-dimensional array of Floats (row-major; images NHWC), or a symbolic tensor from Input(shape:).")
        try registrar.defineEnumeration(Padding.self, name: "Padding",
                                        doc: "How a convolution or pooling window covers the input: .valid (inside only) or .same (padded so output = ⌈input / stride⌉).",
                                        cases: [("valid", .valid), ("same", .same)])
        let kit = TensorKit(builder: tensors)
        kit.registerCreation()
        kit.registerProperties()
        kit.registerSubscripts()
        kit.registerOperators()
        kit.registerMethods()
        kit.registerDisplay()
        try kit.registerFunctions(with: registrar)
        try kit.registerAutodiff(with: registrar)
    }
}

/// The `Tensor` type's builder and the wrapping helpers the registration files share.
struct TensorKit {
    let builder: NativeTypeBuilder<TensorValue>

    func wrap(_ tensor: Tensor) -> Value { builder.wrap(.eager(tensor)) }

    func wrap(_ tensor: TensorValue) -> Value { builder.wrap(tensor) }

    /// The numbers of `value` when it is a Tensor (nil otherwise); a symbolic tensor is an error
    /// naming `op`.
    func eager(_ value: Value, op: String, parameter: String) throws -> Tensor? {
        guard let payload = builder.unwrap(value) else { return nil }
        return try TensorArgument.eager(payload, op: op, parameter: parameter)
    }
}
