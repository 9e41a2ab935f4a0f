import ResLabBuiltins
import ResLabPlugin

/// A plugin host with every built-in plugin installed: the engine's `Tensor`, the layers, models
/// and training, data sets and checkpoints, plots. Sessions run against `host.registry`.
///
/// - Parameter fileAccess: the gate every file-touching native goes through; a grader passes
///   `FileAccessPolicy.confined(to: scratch)` to keep a submission in its folder.
public func makeStandardHost(fileAccess: FileAccessPolicy = FileAccessPolicy()) throws -> PluginHost {
    let host = PluginHost()
    let plugins = BuiltinPlugins.all(fileAccess: fileAccess, dataSetReaders: { [weak host] in host?.dataSetReaders ?? [] })
    for plugin in plugins {
        try host.install(plugin)
    }
    try host.install(GradingPlugin())
    return host
}
