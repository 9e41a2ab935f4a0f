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

        // LayerBinding gives the layer what every layer has in lessons: calling on eager or
        // symbolic tensors, `training:`, `weights`, `countParams()`, use in Sequential and Model.
        try LayerBinding.defineLayer(Swish.self, name: "Swish", doc: "The swish activation as a layer.",
                                     registrar: registrar)
            .initializer([.init("beta", .double, default: .double(1))]) { args, _ in
                Swish(beta: Float(try args.double("beta")))
            }
            .property("beta", .double, get: { .double(Double($0.beta)) })
    }
}

@_cdecl("reslab_plugin_api_version")
public func pluginAPIVersion() -> Int32 { ResLabPluginAPI.version }

@_cdecl("reslab_plugin_create")
public func createPlugin() -> UnsafeMutableRawPointer { ResLabPluginAPI.export(SwishPlugin()) }
