import ResLabBuiltins
import ResLabNN
import ResLabPlugin

/// Registers `swish(_:beta:)` and the `Swish(beta:)` layer in the lesson language.
final class SwishPlugin: ResLabPlugin {
    let name = "swish"
    let version = "1.0.0"

    func register(with registrar: PluginRegistrar) throws {
        try registrar.function("swish", [.init("_", .named("Tensor")), .init("beta", .double, default: .double(1))],
                               returns: .named("Tensor"),
                               doc: "x · sigmoid(beta · x), elementwise, with its gradient.") { args, context in
            let x = try TensorBinding.tensor(converting: args[0], parameter: "x")
            return try TensorBinding.value(swish(x, beta: Float(try args.double("beta"))), registry: context.registry)
        }

        try registrar.defineType(Swish.self, name: "Swish", doc: "The swish activation as a layer.") { layer in
            layer
                .conforms(to: "Layer")
                .initializer([.init("beta", .double, default: .double(1))]) { args, _ in
                    Swish(beta: Float(try args.double("beta")))
                }
                .property("beta", .double, get: { .double(Double($0.beta)) })
                .callAsFunction([.init("_", .named("Tensor"))], returns: .named("Tensor")) { layer, args, context in
                    guard let input = TensorBinding.tensorValue(from: args[0]) else {
                        throw NativeError("Swish takes a Tensor, got \(args[0].type)")
                    }
                    switch input {
                    case .eager(let x):
                        return try TensorBinding.value(.eager(try layer(x)), registry: context.registry)
                    case .symbolic(let x):
                        return try TensorBinding.value(.symbolic(try layer(x)), registry: context.registry)
                    }
                }
        }
    }
}

@_cdecl("reslab_plugin_api_version")
public func pluginAPIVersion() -> Int32 { ResLabPluginAPI.version }

@_cdecl("reslab_plugin_create")
public func createPlugin() -> UnsafeMutableRawPointer { ResLabPluginAPI.export(SwishPlugin()) }
