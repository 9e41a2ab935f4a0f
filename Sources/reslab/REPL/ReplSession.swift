import Foundation
import ResLab
import ReslabLineEditor

/// The REPL's state: the plugin host, the open lesson and its notebook session, the learner's
/// place and progress, and where output goes. Commands (`ReplCommandTable`) act on it.
final class ReplSession {
    let output: TerminalOutput
    let host: PluginHost
    /// The course's lessons, when a lessons folder was found.
    let catalogue: LessonCatalogue?
    let progressStore: ProgressStore
    private(set) var progress: ResLabNotebook.Progress
    let workStore: ExerciseWorkStore
    let commands: ReplCommandTable
    /// Set once the loop has made it (the completion function refers back to this session).
    var editor: LineEditor?
    /// The open lesson's session; a scratch lesson without cells when none is open.
    private(set) var notebook: NotebookSession
    /// Whether `notebook` holds a real lesson (not the scratch one).
    private(set) var hasLesson = false
    /// The `Cell.number` the learner is at (0 when the lesson has no cells to visit).
    private(set) var currentCell = 0
    /// Set by `:quit`.
    var wantsToQuit = false
    /// Whether cell output is echoed as it is printed (off while catching up on earlier cells).
    private var streaming = true

    init(output: TerminalOutput, host: PluginHost, catalogue: LessonCatalogue?, progressStore: ProgressStore,
         commands: ReplCommandTable) throws {
        self.output = output
        self.host = host
        self.catalogue = catalogue
        self.progressStore = progressStore
        self.commands = commands
        let (progress, recovery) = progressStore.load()
        self.progress = progress
        if let recovery { output.error("warning: \(recovery)") }
        workStore = ExerciseWorkStore(folder: (progressStore.path as NSString).deletingLastPathComponent + "/work")
        notebook = NotebookSession(lesson: try Self.scratchLesson(), host: host)
        attachStream()
    }

    private static func scratchLesson() throws -> Lesson {
        try Lesson.parse("---\nid: scratch\ntitle: Scratch\norder: 0\n---\n", file: "<scratch>")
    }

    private func attachStream() {
        notebook.outputWidth = output.width
        notebook.outputUsesColor = output.useColor
        notebook.outputSink = { [output, unowned self] text in
            if self.streaming { output.write(text) }
        }
    }

    // MARK: - Lessons

    /// Opens the lesson at `path` where the learner left it (its first cell when new to it).
    func open(lessonAt path: String) throws {
        let lesson = try Lesson.load(path: path)
        notebook = NotebookSession(lesson: lesson, host: host)
        attachStream()
        hasLesson = true
        for exercise in lesson.exercises {
            if let code = workStore.load(lesson: lesson.id, exercise: exercise.id) {
                try notebook.edit(cell: exercise.cellNumber, code: code)
            }
        }
        for warning in LessonHost.loadDeclaredPlugins(of: lesson, into: host) { output.error(warning) }
        // The learner may still `:plugin load` what is missing: until then such a cell fails when it runs.
        for diagnostic in lesson.cells.compactMap({ lesson.unknownRoleDiagnostic(for: $0, host: host) }) {
            output.error("warning: " + diagnostic.description)
        }
        let saved = progress.lesson(lesson.id).currentCell
        let stops = visitableCells
        currentCell = stops.last { $0 <= saved } ?? stops.first ?? 0
        printLessonHeader(resuming: progress.lessons[lesson.id] != nil && currentCell > (stops.first ?? 0))
        if currentCell > 0 {
            arrive(at: currentCell)
        } else {
            printProse(after: 0, upTo: nil)
        }
        saveProgress()
    }

    /// The cells `:next` and `:prev` stop at: every cell but tests (they run on `:check`).
    var visitableCells: [Int] {
        notebook.lesson.cells.filter { $0.role != .test }.map(\.number)
    }

    private func printLessonHeader(resuming: Bool) {
        let lesson = notebook.lesson
        var place = ""
        if let catalogue, let index = catalogue.entries.firstIndex(where: { $0.frontMatter.id == lesson.id }) {
            place = ", lesson \(index + 1) of \(catalogue.entries.count)"
        }
        output.line(output.styled(lesson.title, "1") + output.styled("  (\(lesson.id)\(place))", "2"))
        if !lesson.frontMatter.objectives.isEmpty {
            output.line("You will:")
            for objective in lesson.frontMatter.objectives { output.line("  • " + objective) }
        }
        let count = visitableCells.count
        output.line(output.styled(resuming ? "Resuming at cell \(currentCell); :help lists the commands."
                                  : "\(count) cell\(count == 1 ? "" : "s"); :next moves on, :help lists the commands.", "2"))
        output.line()
    }

    // MARK: - Moving

    /// Moves to cell `number`, shows it, and runs it if it has not run (except optional cells).
    func move(to number: Int) throws {
        let cell = try notebook.cell(number)
        guard cell.role != .test else {
            throw ReplError("cell \(number) is a test for exercise `\(cell.exerciseID ?? "")`; :check runs the tests")
        }
        currentCell = number
        saveProgress()
        arrive(at: number)
    }

    /// Shows the end of the lesson: the prose after its last cell, and what comes next.
    func showEnd() {
        printProse(after: visitableCells.last ?? 0, upTo: nil)
        var next = ""
        if let catalogue, let entry = catalogue.entry(after: notebook.lesson.id) {
            next = " Next: :open \(entry.frontMatter.id) (\(entry.frontMatter.title))."
        }
        output.line(output.styled("End of the lesson.\(next)", "2"))
    }

    /// Shows the prose since the previous visitable cell, the cell's code, and its outputs
    /// (running it first when it has not run).
    private func arrive(at number: Int) {
        guard let cell = try? notebook.cell(number) else { return }
        let before = visitableCells.last { $0 < number } ?? 0
        printProse(after: before, upTo: number)
        printCellHeader(cell)
        switch notebook.state(ofCell: number) {
        case .notRun:
            if cell.isOptional {
                output.line(output.styled("Optional cell (it may take a while): :run runs it.", "2"))
            } else {
                runCell(number)
            }
        case .ran, .failed, .stale:
            if let execution = notebook.lastExecution(ofCell: number) {
                output.line(output.styled("(ran earlier as [\(execution.executionCount)])", "2"))
                printResult(of: execution, streamed: false)
            }
            if let message = notebook.staleMessage(ofCell: number) {
                output.line(output.styled("stale: " + message, "33"))
            }
        }
    }

    /// Prose (and a note for test cells) between cell `after` (0: the start) and cell `upTo`
    /// (nil: the end of the lesson).
    private func printProse(after: Int, upTo: Int?) {
        let renderer = TerminalRenderer(width: output.width, useColor: output.useColor)
        var passedStart = after == 0
        for item in notebook.lesson.items {
            switch item {
            case .prose(let prose) where passedStart:
                output.write(renderer.render(prose.blocks))
                output.line()
            case .cell(let cell):
                if cell.number == after { passedStart = true; continue }
                if let upTo, cell.number >= upTo { return }
                if passedStart, cell.role == .test {
                    output.line(output.styled("(cell \(cell.number): a test for `\(cell.exerciseID ?? "")`; :check runs it)", "2"))
                }
            default:
                continue
            }
        }
    }

    private func printCellHeader(_ cell: Cell) {
        var label = "cell \(cell.number) of \(notebook.lesson.cells.count) · line \(cell.fenceLocation.line)"
        switch cell.role {
        case .code: label += cell.isOptional ? " · optional" : ""
        case .exercise: label += " · exercise \(cell.exerciseID ?? "")" + (notebook.edits[cell.number] != nil ? " (your code)" : "")
        case .test: label += " · test for \(cell.exerciseID ?? "")"
        case .plugin(let name): label += " · \(name)"
        }
        let rule = String(repeating: "─", count: max(2, min(output.width, 72) - label.count - 4))
        output.line(output.styled("── \(label) \(rule)", "2"))
        let code = (try? notebook.currentSource(ofCell: cell.number).text) ?? cell.source.text
        output.write(TerminalRenderer(width: output.width, useColor: output.useColor).renderCode(code))
    }

    // MARK: - Running

    /// Runs cell `number`, after the cells it needs (earlier cells never run, stale cells it
    /// depends on), and shows the outcome. Returns whether everything succeeded.
    @discardableResult
    func runCell(_ number: Int) -> Bool {
        let dependencies = (try? notebook.dependenciesToRun(beforeCell: number)) ?? []
        if !dependencies.isEmpty {
            let list = dependencies.map(String.init).joined(separator: ", ")
            output.line(output.styled("Running cell\(dependencies.count == 1 ? "" : "s") \(list) first…", "2"))
        }
        let staleBefore = staleCells()
        for dependency in dependencies {
            streaming = false
            let execution = interruptibly { try? notebook.run(cell: dependency) }
            streaming = true
            guard let execution else { return false }
            if !execution.succeeded {
                output.line("cell \(dependency) [\(execution.executionCount)] failed:")
                printResult(of: execution, streamed: false)
                return false
            }
        }
        guard let execution = interruptibly({ try? notebook.run(cell: number) }) else { return false }
        printResult(of: execution, streamed: true)
        reportNewlyStale(since: staleBefore, except: number)
        return execution.succeeded
    }

    /// Runs code typed at the prompt and shows its value or error.
    func runEntry(_ code: String) {
        let staleBefore = staleCells()
        let execution = interruptibly { notebook.runEntry(code) }
        printResult(of: execution, streamed: true)
        reportNewlyStale(since: staleBefore, except: nil)
    }

    /// Runs `body` with Ctrl-C stopping the session's running code instead of the REPL.
    func interruptibly<Result>(_ body: () -> Result) -> Result {
        let flag = notebook.runner.cancellation
        guard let editor else { return body() }
        return editor.runInterruptibly(onInterrupt: { flag.cancel() }, body)
    }

    /// Shows an execution (see `ExecutionPrinter`).
    func printResult(of execution: CellExecution, streamed: Bool) {
        ExecutionPrinter.show(execution, runner: notebook.runner, on: output, streamed: streamed)
    }

    private func staleCells() -> Set<Int> {
        Set(notebook.lesson.cells.map(\.number).filter { !notebook.staleReasons(ofCell: $0).isEmpty })
    }

    /// Says which cells the last execution made stale (at most three, then how many more).
    private func reportNewlyStale(since before: Set<Int>, except: Int?) {
        let now = staleCells().subtracting(before).subtracting(except.map { [$0] } ?? []).sorted()
        for number in now.prefix(3) {
            if let message = notebook.staleMessage(ofCell: number) {
                output.line(output.styled("stale: " + message, "33"))
            }
        }
        if now.count > 3 { output.line(output.styled("stale: \(now.count - 3) more cells; :list shows them", "33")) }
    }

    // MARK: - Progress

    /// Records the current lesson and cell, and saves the progress atomically.
    func saveProgress() {
        guard hasLesson else { return }
        let lesson = notebook.lesson.id
        progress.currentLesson = lesson
        progress.update(lesson: lesson) { $0.currentCell = max(currentCell, 1) }
        writeProgress()
    }

    /// Changes the progress and saves it: for the grading commands (`:check` records an exercise
    /// passed, `:hint` the hints shown).
    func updateProgress(_ change: (inout ResLabNotebook.Progress) -> Void) {
        change(&progress)
        writeProgress()
    }

    private func writeProgress() {
        do {
            try progressStore.save(progress)
        } catch {
            output.error("warning: could not save your progress to \(progressStore.path): \(error)")
        }
    }
}
