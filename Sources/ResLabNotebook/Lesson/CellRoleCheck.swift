import Foundation
import ResLabPlugin

extension Lesson {
    /// The plugin library an entry of the front matter's `plugins` names, as a path (relative
    /// entries are relative to the lesson's folder); nil when the entry is a plugin's name. An
    /// entry is a path when it has a `/` or ends in `.so`.
    public func pluginLibraryPath(forDeclaredPlugin entry: String) -> String? {
        guard entry.contains("/") || entry.hasSuffix(".so") else { return nil }
        if entry.hasPrefix("/") { return entry }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(entry).path
    }

    /// The entries of the front matter's `plugins` that `host` has not loaded: a name no loaded
    /// plugin has, or a path no plugin was loaded from.
    public func declaredPluginsNotLoaded(by host: PluginHost) -> [String] {
        frontMatter.plugins.filter { entry in
            guard let path = pluginLibraryPath(forDeclaredPlugin: entry) else {
                return !host.plugins.contains { $0.name == entry }
            }
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            return !host.plugins.contains { $0.origin == resolved }
        }
    }

    /// Checks, once the plugins are loaded, that a plugin of `host` registers the role of every
    /// plugin cell (the parser takes any word that is not a built-in role as a plugin's role).
    ///
    /// - Throws: `LessonError.malformed` with one diagnostic per cell whose role is unknown
    ///   (`unknownRoleDiagnostic(for:host:)`).
    public func checkCellRoles(against host: PluginHost) throws {
        let problems = cells.compactMap { unknownRoleDiagnostic(for: $0, host: host) }
        if !problems.isEmpty { throw LessonError.malformed(problems) }
    }

    /// Why `cell`'s role cannot run with `host`'s plugins, when it is a plugin cell whose role no
    /// loaded plugin registers; nil otherwise. Points at the role on the fence line and says what
    /// to do: the close built-in or plugin role (or the flag `optional`) for a typo, the plugins the front matter declares
    /// that are not loaded, and the roles that are known.
    ///
    ///     lesson.md:12:10: error: unknown cell role `histogram`: no loaded plugin registers it
    ///         ```swift histogram bins=4
    ///                  ^
    ///         fix: load the plugin the lesson declares, `histogram` (reslab --plugin PATH, or the
    ///         plugins folder); known roles: code, exercise, test (built in)
    public func unknownRoleDiagnostic(for cell: Cell, host: PluginHost) -> LessonDiagnostic? {
        guard let name = cell.role.pluginRoleName, host.cellRoles[name] == nil else { return nil }
        let pluginRoles = host.plugins.flatMap { plugin in
            plugin.contributions.cellRoles.map { "\($0) (plugin \(plugin.name))" }
        }.sorted()
        let knownNames = Cell.Role.builtIn.map(\.name) + host.cellRoles.keys.sorted()
        var fixes: [String] = []
        // `optinal` is more likely the flag misspelt than a plugin's role.
        if let close = Suggestion.closest(to: name, among: knownNames + ["optional"]) {
            fixes.append("perhaps `\(close)` was meant")
        }
        let missing = declaredPluginsNotLoaded(by: host)
        if !missing.isEmpty {
            let listed = missing.map { "`\($0)`" }.joined(separator: ", ")
            fixes.append("load the plugin\(missing.count == 1 ? "" : "s") the lesson declares, \(listed) "
                         + "(reslab --plugin PATH, :plugin load PATH, or the plugins folder)")
        } else if frontMatter.plugins.isEmpty {
            fixes.append("if a plugin provides this role, name it in the front matter (plugins: [PATH-OR-NAME]) and load it")
        }
        fixes.append("known roles: " + Cell.Role.builtIn.map(\.name).joined(separator: ", ") + " (built in)"
                     + (pluginRoles.isEmpty ? "" : ", " + pluginRoles.joined(separator: ", ")))
        let location = cell.roleLocation ?? cell.fenceLocation
        return LessonDiagnostic(location: location, message: "unknown cell role `\(name)`: no loaded plugin registers it",
                                fix: fixes.joined(separator: "; "),
                                sourceLine: sourceLines.indices.contains(location.line - 1) ? sourceLines[location.line - 1] : nil)
    }
}
