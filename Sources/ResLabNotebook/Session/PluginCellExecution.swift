import ResLabFrontend
import ResLabPlugin
import ResLabScript

extension ScriptCellRunner {
    /// Runs a plugin cell: hands its source and settings to the `CellRole` a plugin registered
    /// under the cell's role, with a `SessionCommandContext` over this runner.
    ///
    /// - Outputs: what code the role evaluated printed, then the text the role returned (ending in
    ///   a line break), as one `.text`; the returned text also goes to the output sink, as if the
    ///   cell had printed it. There is no final value.
    /// - Errors: a role no loaded plugin registers is the lesson's `unknownRoleDiagnostic`, at the
    ///   role on the fence line; an error from evaluating the cell's source keeps its lesson
    ///   position; anything else the role throws is reported at the role on the fence line,
    ///   naming the role and its plugin.
    /// - Names: the cell uses the session's names its source mentions when that source reads as
    ///   lesson code (so that it goes stale when they change), and defines none.
    ///
    /// The role runs on the caller's thread; Ctrl-C stops code it evaluates, not its own work.
    func executePluginCell(_ cell: Cell, source: CellSource, lesson: Lesson, width: Int, useColor: Bool) -> Run {
        let name = cell.role.name
        let location = cell.roleLocation ?? cell.fenceLocation
        guard let role = host.cellRoles[name] else {
            let error = lesson.unknownRoleDiagnostic(for: cell, host: host).map {
                CellRunError(message: $0.detail, location: $0.location)
            } ?? CellRunError(message: "cell \(cell.number) is a `\(name)` cell, not a plugin cell", location: location)
            return Run(outputs: [], value: nil, error: error, wasInterrupted: false, didStart: false,
                       analysis: SnippetAnalysis())
        }
        let analysis = SnippetAnalysis(uses: script.analyze(source.text, file: "\(lesson.file)#cell\(cell.number)").analysis.uses)
        let context = SessionCommandContext(runner: self, width: width, useColor: useColor, cellSource: source)
        var text = ""
        var failure: CellRunError?
        do {
            text = try role.run(source.text, cell.settings, context)
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            script.outputSink?(text)
        } catch let error as CellRunError {
            failure = error
        } catch {
            let plugin = host.plugins.first { $0.contributions.cellRoles.contains(name) }.map { " (plugin `\($0.name)`)" } ?? ""
            failure = CellRunError(message: "the `\(name)` cell\(plugin) failed: \(error)", location: location)
        }
        let printed = context.printed + text
        return Run(outputs: printed.isEmpty ? [] : [.text(printed)], value: nil, error: failure,
                   wasInterrupted: failure != nil && context.wasInterrupted, didStart: true, analysis: analysis)
    }
}
