import Foundation
import ResLab

/// The plugin host that `reslab`'s REPL, `run` and `export` run lessons against.
enum LessonHost {
    /// A host with the built-in plugins, the plugins in the user's plugins folder and the ones
    /// named with `--plugin`. A plugin that fails to load is reported through `warn` (one line
    /// naming the file and why) and the host goes on without it.
    ///
    /// - Throws: only when the built-in plugins collide, which is a defect of this build.
    static func make(pluginPaths: [String], warn: (String) -> Void) throws -> PluginHost {
        let host = try makeStandardHost()
        let folder = PluginHost.libraries(inFolder: PluginHost.userPluginsFolder)
        for path in folder + pluginPaths {
            do {
                try host.load(path: path)
            } catch {
                warn("warning: \(error)")
            }
        }
        return host
    }

    /// Loads the plugins a lesson's front matter declares and returns one warning line for each
    /// that is missing. An entry that is a path (it has a `/` or ends in `.so`) is loaded, relative
    /// to the lesson's folder; a bare name must be loaded already (built in, from the plugins
    /// folder, or with `--plugin`).
    static func loadDeclaredPlugins(of lesson: Lesson, into host: PluginHost) -> [String] {
        var warnings: [String] = []
        for entry in lesson.frontMatter.plugins {
            if let path = lesson.pluginLibraryPath(forDeclaredPlugin: entry) {
                do {
                    try host.load(path: path)
                } catch let error as PluginLoadError where error.reason == "already loaded" {
                    continue
                } catch {
                    warnings.append("warning: \(lesson.file) needs a plugin that did not load: \(error)")
                }
            } else if !host.plugins.contains(where: { $0.name == entry }) {
                warnings.append("warning: \(lesson.file) uses plugin `\(entry)`, which is not loaded; load it with --plugin PATH")
            }
        }
        return warnings
    }
}
