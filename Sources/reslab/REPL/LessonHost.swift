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

    /// The plugins a lesson's front matter names that the host lacks, as one warning line each.
    static func missingPlugins(of lesson: Lesson, in host: PluginHost) -> [String] {
        let loaded = Set(host.plugins.map(\.name))
        return lesson.frontMatter.plugins.filter { !loaded.contains($0) }.map {
            "warning: \(lesson.file) uses plugin `\($0)`, which is not loaded; load it with --plugin PATH"
        }
    }
}
