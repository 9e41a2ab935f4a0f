@_exported import ResLabScript

/// The contract between the `reslab` host and a plugin.
///
/// A plugin is a class conforming to `ResLabPlugin`, built into a shared library that links the
/// same `libResLabKit.so` as the host, and exported with two C entry points:
///
///     @_cdecl("reslab_plugin_api_version")
///     public func pluginAPIVersion() -> Int32 { ResLabPluginAPI.version }
///
///     @_cdecl("reslab_plugin_create")
///     public func createPlugin() -> UnsafeMutableRawPointer { ResLabPluginAPI.export(MyPlugin()) }
///
/// The host reads the API version first, through plain C, so that a plugin built for another
/// version is refused before any Swift type crosses the boundary.
public enum ResLabPluginAPI {
    /// The API version. `@inlinable`, so a plugin compiles in the value of the API it was built
    /// against and the host can compare it with its own. Raised whenever a type that crosses the
    /// boundary changes its layout (the library is built without library evolution):
    /// 1, the first API; 2, `CommandContext.evaluate` (plugin cell roles run lesson code).
    @inlinable public static var version: Int32 { 2 }

    /// The C symbol that returns the plugin's API version (`() -> Int32`).
    public static let versionSymbol = "reslab_plugin_api_version"
    /// The C symbol that creates the plugin (`() -> UnsafeMutableRawPointer`).
    public static let createSymbol = "reslab_plugin_create"

    /// Hands a plugin object to the host across the C boundary (retained; the host takes it over).
    public static func export(_ plugin: ResLabPlugin) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(plugin as AnyObject).toOpaque()
    }
}

/// A plugin: a name, a version, and what it registers.
///
/// The engine's bindings, the plots and the grading helpers are plugins too, registered through
/// the same `PluginRegistrar` as outside plugins.
public protocol ResLabPlugin: AnyObject {
    /// A short unique name (`engine`, `histogram`).
    var name: String { get }
    /// The plugin's own version (`1.0.0`).
    var version: String { get }
    /// Registers the plugin's functions, types, commands, renderers, cell roles, data set readers
    /// and assertion helpers. Throwing (or a collision) keeps the plugin out of the host.
    func register(with registrar: PluginRegistrar) throws
}
