import Foundation

/// The plugins of one `reslab` process and everything they registered.
///
/// Built-in plugins (the engine bindings, plots, grading helpers) and outside plugins loaded from
/// a path go through the same `install`: there is no other way in.
public final class PluginHost {
    /// The language registry every session of this host runs against.
    public let registry: NativeRegistry
    public private(set) var plugins: [LoadedPlugin] = []
    public internal(set) var commands: [String: ReplCommand] = [:]
    public internal(set) var renderers: [String: ValueRenderer] = [:]
    public internal(set) var cellRoles: [String: CellRole] = [:]
    public internal(set) var dataSetReaders: [DataSetReader] = []

    enum NameKind: String {
        case type, function, command, renderer, cellRole = "cell role", dataSetReader = "data set reader"
    }
    private var owners: [NameKind: [String: String]] = [:]
    private var loadedPaths: Set<String> = []

    public init(registry: NativeRegistry = NativeRegistry()) {
        self.registry = registry
        // The standard library's types belong to the language itself.
        for name in registry.types.keys { owners[.type, default: [:]][name] = "the language" }
    }

    /// A plugin that loaded, where it came from, and what it registered.
    public struct LoadedPlugin {
        public let name: String
        public let version: String
        /// `built-in`, or the path it was loaded from.
        public let origin: String
        public let contributions: PluginContributions
    }

    /// Registers a plugin. On an error (a collision, or the plugin's own) nothing the plugin
    /// registered before the error is withdrawn from the registry, but the plugin is not listed
    /// and the error says what happened; the host goes on.
    public func install(_ plugin: ResLabPlugin, origin: String = "built-in") throws {
        if let existing = plugins.first(where: { $0.name == plugin.name }) {
            throw PluginCollision(message: "a plugin named '\(plugin.name)' is already loaded (from \(existing.origin))")
        }
        let registrar = PluginRegistrar(host: self, pluginName: plugin.name)
        try plugin.register(with: registrar)
        plugins.append(LoadedPlugin(name: plugin.name, version: plugin.version, origin: origin,
                                    contributions: registrar.contributions))
    }

    /// Loads a plugin from a shared library: checks its API version through plain C, creates it,
    /// and installs it. Every failure is one `PluginLoadError` line naming the file.
    @discardableResult
    public func load(path: String) throws -> LoadedPlugin {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard !loadedPaths.contains(resolved) else {
            throw PluginLoadError(path: path, reason: "already loaded")
        }
        let library = try DynamicLibrary(path: resolved)
        guard let versionAddress = library.address(of: ResLabPluginAPI.versionSymbol) else {
            throw PluginLoadError(path: path, reason: "no entry point '\(ResLabPluginAPI.versionSymbol)': "
                + "not a ResLab plugin (see Examples/Plugins/README.md)")
        }
        typealias VersionFunction = @convention(c) () -> Int32
        let pluginVersion = unsafeBitCast(versionAddress, to: VersionFunction.self)()
        guard pluginVersion == ResLabPluginAPI.version else {
            throw PluginLoadError(path: path, reason: "built for plugin API version \(pluginVersion), "
                + "this reslab has version \(ResLabPluginAPI.version); rebuild the plugin against this ResLab")
        }
        guard let createAddress = library.address(of: ResLabPluginAPI.createSymbol) else {
            throw PluginLoadError(path: path, reason: "no entry point '\(ResLabPluginAPI.createSymbol)'")
        }
        typealias CreateFunction = @convention(c) () -> UnsafeMutableRawPointer?
        guard let pointer = unsafeBitCast(createAddress, to: CreateFunction.self)() else {
            throw PluginLoadError(path: path, reason: "'\(ResLabPluginAPI.createSymbol)' returned no plugin")
        }
        let object = Unmanaged<AnyObject>.fromOpaque(pointer).takeRetainedValue()
        guard let plugin = object as? ResLabPlugin else {
            throw PluginLoadError(path: path, reason: "'\(ResLabPluginAPI.createSymbol)' returned a \(type(of: object)), "
                + "not a ResLabPlugin (was the plugin linked against another copy of ResLabKit?)")
        }
        do {
            try install(plugin, origin: resolved)
        } catch {
            throw PluginLoadError(path: path, reason: "\(error)")
        }
        loadedPaths.insert(resolved)
        return plugins[plugins.count - 1]
    }

    /// The shared libraries in a plugins folder (`$XDG_CONFIG_HOME/reslab/plugins`), sorted.
    public static func libraries(inFolder folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".so") || $0.hasSuffix(".dylib") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// The user's plugins folder: `$XDG_CONFIG_HOME/reslab/plugins`, or `~/.config/reslab/plugins`.
    public static var userPluginsFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return config.appendingPathComponent("reslab/plugins")
    }

    func owner(of kind: NameKind, _ name: String) -> String? { owners[kind]?[name] }

    func claim(_ kind: NameKind, _ name: String, for plugin: String) { owners[kind, default: [:]][name] = plugin }
}
