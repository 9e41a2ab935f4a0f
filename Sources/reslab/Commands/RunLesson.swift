import Foundation
import ResLab

/// `reslab run LESSON.md`: every cell of the lesson's flow in order, in one environment, without a
/// terminal; the `.md` half of `reslab run`.
///
/// The log reads well in CI: a line naming the lesson, then per cell a header
/// `── cell 3 · line 42 ──` and its output as it is printed (its final value as `[3] value`); the
/// first error at its lesson position (`lesson.md:44:9: error: …`, with the line and a caret) and
/// a line saying which cell failed, on standard error; or a summary line with the time taken.
struct LessonBatchRun {
    let path: String
    let includeOptional: Bool
    let pluginPaths: [String]
    var limits: ExecutionLimits = .default

    /// Exit statuses: every cell ran; a cell failed; the lesson could not be loaded.
    enum Status: Int32 {
        case passed = 0
        case cellFailed = 1
        case lessonUnusable = 2
    }

    func run() -> Status {
        let output = TerminalOutput(useColor: TerminalColor.shouldUseColorOnStandardOutput())
        let lesson: Lesson
        do {
            lesson = try Lesson.load(path: path)
        } catch {
            output.error("\(error)")
            return .lessonUnusable
        }
        let host: PluginHost
        do {
            host = try LessonHost.make(pluginPaths: pluginPaths, warn: output.error)
        } catch {
            output.error("error: the built-in plugins could not be installed: \(error)")
            return .lessonUnusable
        }
        for warning in LessonHost.loadDeclaredPlugins(of: lesson, into: host) { output.error(warning) }
        do {
            try lesson.checkCellRoles(against: host)
        } catch {
            output.error("\(error)")
            return .lessonUnusable
        }
        let session = NotebookSession(lesson: lesson, host: host, limits: limits)
        session.outputSink = { output.write($0) }
        session.outputWidth = output.width
        session.outputUsesColor = output.useColor

        let flow = lesson.cells.filter { NotebookSession.runsInFlow($0, includeOptional: includeOptional) }
        output.line("\(lesson.title) (\(lesson.id), \(path)): \(flow.count) cell\(flow.count == 1 ? "" : "s") to run")
        var timings: [(cell: Int, seconds: Double)] = []
        var started = Date()
        let executions = session.runAll(includeOptional: includeOptional, willRun: { cell in
            output.line(output.styled(Self.header(cell), "2"))
            started = Date()
        }, didRun: { cell, execution in
            timings.append((cell.number, Date().timeIntervalSince(started)))
            ExecutionPrinter.show(execution, runner: session.runner, on: output, streamed: true, errorsToStandardError: true)
        })
        let total = timings.reduce(0) { $0 + $1.seconds }
        let skipped = lesson.cells.filter { $0.role != .test && $0.isOptional && !includeOptional }.map(\.number)
        let skippedNote = skipped.isEmpty ? ""
            : "; optional cell\(skipped.count == 1 ? "" : "s") \(skipped.map(String.init).joined(separator: ", ")) skipped "
              + "(--include-optional runs \(skipped.count == 1 ? "it" : "them"))"
        if let failed = executions.last, let error = failed.error, case .cell(let number) = failed.origin {
            let notRun = flow.count - executions.count
            output.error("error: cell \(number) failed at \(error.location.map { "\($0)" } ?? lesson.file); "
                         + "\(executions.count - 1) cell\(executions.count == 2 ? "" : "s") ran before it, \(notRun) not run")
            return .cellFailed
        }
        var summary = String(format: "✔ %d cell%@ ran in %.1f s", executions.count, executions.count == 1 ? "" : "s", total)
        // The slowest cell is worth naming when it is what a lesson's time budget hinges on.
        if let slowest = timings.max(by: { $0.seconds < $1.seconds }), timings.count > 1, slowest.seconds >= 0.5 {
            summary += String(format: " (slowest: cell %d, %.1f s)", slowest.cell, slowest.seconds)
        }
        output.line(summary + skippedNote)
        return .passed
    }

    /// `── cell 3 · line 42 · exercise identity-block ──`
    static func header(_ cell: Cell) -> String {
        var label = "cell \(cell.number) · line \(cell.fenceLocation.line)"
        switch cell.role {
        case .exercise: label += " · exercise \(cell.exerciseID ?? "")"
        case .plugin(let name): label += " · \(name)"
        case .code, .test: break
        }
        if cell.isOptional { label += " · optional" }
        return "── \(label) ──"
    }
}
