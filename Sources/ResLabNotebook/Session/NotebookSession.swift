import ResLabPlugin
import ResLabScript

/// A lesson open in one environment: runs its cells and the learner's entries, numbers every
/// execution, keeps each cell's latest outputs, and knows which cells are stale.
///
/// Staleness follows what the code does to top-level names (`SnippetAnalysis`): when a cell runs,
/// the session notes, for each name it uses, which executions last declared or changed that name
/// (its providers). The cell is stale when
/// - its code was edited after it ran;
/// - a provider cell ran again, was edited, or is stale itself;
/// - the name was declared or changed again, after the cell ran, at the prompt or by a cell above
///   it (a cell below it doing so is the lesson's normal flow, not a change under its feet).
///
/// A plugin cell (```` ```swift histogram ````, see `ScriptCellRunner.executePluginCell`) is
/// tracked like a code cell that defines nothing: it uses the names its source mentions when that
/// source reads as lesson code, and none otherwise (then only an edit makes it stale).
///
/// `runWithDependencies(cell:)` brings a cell up to date as Livebook does: it first runs the
/// earlier cells that never ran and the stale cells it depends on, in lesson order.
///
/// Not for concurrent use: run one thing at a time; only `cancel()` may be called meanwhile.
public final class NotebookSession {
    public let lesson: Lesson
    public let runner: ScriptCellRunner
    /// The last execution's count (0 before the first).
    public private(set) var executionCount = 0
    /// The learner's code for cells they edited, by cell number.
    public private(set) var edits: [Int: String] = [:]
    private var records: [Int: Record] = [:]
    /// For each top-level name, the executions that wrote it: the latest declaration, then the
    /// changes made since.
    private var writes: [String: [NameWrite]] = [:]

    /// What a session knows of a cell's latest run.
    private struct Record {
        var execution: CellExecution
        /// For each name the cell used, the writes by other code that it saw.
        var providers: [String: [NameWrite]]
    }

    struct NameWrite: Equatable {
        var origin: ExecutionOrigin
        var executionCount: Int
        var isDefinition: Bool
    }

    public enum SessionError: Error, Equatable, CustomStringConvertible {
        case noSuchCell(number: Int, count: Int)

        public var description: String {
            switch self {
            case let .noSuchCell(number, count):
                return "there is no cell \(number): the lesson's cells are numbered 1 to \(count)"
            }
        }
    }

    public init(lesson: Lesson, host: PluginHost, limits: ExecutionLimits = .default) {
        self.lesson = lesson
        runner = ScriptCellRunner(host: host, limits: limits)
    }

    /// The width in columns and the colour of the output that plugin cells are told of
    /// (`CommandContext.width`, `useColor`): the REPL and `reslab run` set their terminal's;
    /// exports keep 80 columns without colour.
    public var outputWidth = 80
    public var outputUsesColor = false

    /// Receives printed output as it happens (a training loop's progress), besides the outputs
    /// kept per execution. Called on the interpreter's thread.
    public var outputSink: ((String) -> Void)? {
        get { runner.script.outputSink }
        set { runner.script.outputSink = newValue }
    }

    /// Stops the running code at its next step; async-signal-safe.
    public func cancel() { runner.cancel() }

    // MARK: - Cells

    /// The lesson's cell `number`.
    public func cell(_ number: Int) throws -> Cell {
        let cells = lesson.cells
        guard number >= 1, number <= cells.count else {
            throw SessionError.noSuchCell(number: number, count: cells.count)
        }
        return cells[number - 1]
    }

    /// The code cell `number` runs: the learner's edit, else the lesson's. Edited code is mapped
    /// to the file lines after the fence, where it would sit if written into the lesson.
    public func currentSource(ofCell number: Int) throws -> CellSource {
        let cell = try cell(number)
        guard let edited = edits[number] else { return cell.source }
        return CellSource(text: edited, file: lesson.file, firstLine: cell.fenceLocation.line + 1,
                          columnOffset: cell.source.columnOffset)
    }

    /// Replaces cell `number`'s code (the learner's work on an exercise). The cell, and the cells
    /// that use what it defines, become stale until it runs again. Code equal to the lesson's
    /// removes the edit.
    public func edit(cell number: Int, code: String) throws {
        let cell = try cell(number)
        edits[number] = code == cell.source.text ? nil : code
    }

    /// The latest execution of cell `number` in this session.
    public func lastExecution(ofCell number: Int) -> CellExecution? {
        records[number]?.execution
    }

    /// Whether batch runs and `runWithDependencies` run the cell in the lesson's flow: code,
    /// exercise and plugin cells, optional ones only when asked; test cells never (they run on `:check`).
    public static func runsInFlow(_ cell: Cell, includeOptional: Bool) -> Bool {
        cell.role != .test && (includeOptional || !cell.isOptional)
    }

    // MARK: - Running

    /// Runs cell `number` (its current code) once: through the interpreter, or, for a plugin cell,
    /// through its role's `run`.
    @discardableResult
    public func run(cell number: Int) throws -> CellExecution {
        let cell = try cell(number)
        let source = try currentSource(ofCell: number)
        return execute(source, origin: .cell(number), pluginCell: cell.role.pluginRoleName == nil ? nil : cell)
    }

    /// Runs an entry typed at the prompt; errors point at `[N]:LINE:COL`, N its execution count.
    @discardableResult
    public func runEntry(_ code: String) -> CellExecution {
        let source = CellSource(text: code, file: "[\(executionCount + 1)]", firstLine: 1)
        return execute(source, origin: .prompt)
    }

    /// The cells that `runWithDependencies(cell:)` runs before cell `number`, in lesson order: the
    /// earlier cells of the flow that never ran, and the stale cells it depends on (through
    /// stale cells, transitively), each edited one with its new code.
    public func dependenciesToRun(beforeCell number: Int) throws -> [Int] {
        _ = try cell(number)
        var chosen: Set<Int> = []
        for cell in lesson.cells where cell.number < number && Self.runsInFlow(cell, includeOptional: false) {
            if records[cell.number] == nil { chosen.insert(cell.number) }
        }
        var pending = staleReasons(ofCell: number).compactMap(\.dependencyCell)
        while let next = pending.popLast() {
            guard next != number, chosen.insert(next).inserted else { continue }
            pending += staleReasons(ofCell: next).compactMap(\.dependencyCell)
        }
        return chosen.sorted()
    }

    /// Brings cell `number` up to date: runs `dependenciesToRun(beforeCell:)`, then the cell,
    /// stopping at the first that fails. Returns the executions in order.
    public func runWithDependencies(cell number: Int) throws -> [CellExecution] {
        var executions: [CellExecution] = []
        for dependency in try dependenciesToRun(beforeCell: number) {
            let execution = try run(cell: dependency)
            executions.append(execution)
            if !execution.succeeded { return executions }
        }
        executions.append(try run(cell: number))
        return executions
    }

    /// Runs the lesson's flow in order (see `runsInFlow`), calling `willRun` before each cell and
    /// `didRun` after it; stops after the first cell that fails when `stopAtFirstError`.
    @discardableResult
    public func runAll(includeOptional: Bool, stopAtFirstError: Bool = true,
                       willRun: (Cell) -> Void = { _ in },
                       didRun: (Cell, CellExecution) -> Void = { _, _ in }) -> [CellExecution] {
        var executions: [CellExecution] = []
        for cell in lesson.cells where Self.runsInFlow(cell, includeOptional: includeOptional) {
            willRun(cell)
            // The cell comes from the lesson itself, so its number exists.
            guard let execution = try? run(cell: cell.number) else { continue }
            executions.append(execution)
            didRun(cell, execution)
            if stopAtFirstError && !execution.succeeded { break }
        }
        return executions
    }

    /// Forgets every name, execution and output (a fresh environment); edits are kept.
    public func restart() {
        runner.script.reset()
        records.removeAll()
        writes.removeAll()
        executionCount = 0
    }

    private func execute(_ source: CellSource, origin: ExecutionOrigin, pluginCell: Cell? = nil) -> CellExecution {
        executionCount += 1
        let count = executionCount
        let name: String
        switch origin {
        case .cell(let number): name = "\(lesson.file)#cell\(number)[\(count)]"
        case .prompt: name = source.file
        }
        let run = pluginCell.map {
            runner.executePluginCell($0, source: source, lesson: lesson, width: outputWidth, useColor: outputUsesColor)
        } ?? runner.execute(source, name: name)
        let execution = CellExecution(origin: origin, executionCount: count, code: source.text, outputs: run.outputs,
                                      value: run.value, error: run.error, wasInterrupted: run.wasInterrupted,
                                      analysis: run.analysis)
        if case .cell(let number) = origin {
            var providers: [String: [NameWrite]] = [:]
            for name in run.analysis.uses {
                providers[name] = (writes[name] ?? []).filter { $0.origin != origin }
            }
            records[number] = Record(execution: execution, providers: providers)
        }
        if run.didStart {
            for name in run.analysis.defines {
                writes[name] = [NameWrite(origin: origin, executionCount: count, isDefinition: true)]
            }
            for name in run.analysis.mutates where !run.analysis.defines.contains(name) {
                writes[name, default: []].append(NameWrite(origin: origin, executionCount: count, isDefinition: false))
            }
        }
        return execution
    }

    // MARK: - State

    /// Where cell `number` stands (`.notRun` for a number that is not a cell).
    public func state(ofCell number: Int) -> CellState {
        guard let record = records[number] else { return .notRun }
        let count = record.execution.executionCount
        if !record.execution.succeeded { return .failed(executionCount: count) }
        let reasons = staleReasons(ofCell: number)
        return reasons.isEmpty ? .ran(executionCount: count) : .stale(executionCount: count, reasons: reasons)
    }

    /// Why cell `number` is stale; empty when it is up to date or has not run.
    public func staleReasons(ofCell number: Int) -> [StaleReason] {
        var visiting: Set<Int> = []
        return staleReasons(ofCell: number, visiting: &visiting)
    }

    /// What to tell the learner about a stale cell: the first reason and the command that fixes it,
    /// e.g. "cell 4 uses `model`, which cell 3 redefined after cell 4 ran; :run 4 to refresh".
    /// Nil when the cell is not stale.
    public func staleMessage(ofCell number: Int) -> String? {
        guard let reason = staleReasons(ofCell: number).first else { return nil }
        let before = (try? dependenciesToRun(beforeCell: number)) ?? []
        if before.isEmpty {
            return reason.sentence(aboutCell: number) + "; :run \(number) to refresh"
        }
        let cells = (before + [number]).map(String.init)
        return reason.sentence(aboutCell: number)
            + "; :run \(number) re-runs cells \(cells.dropLast().joined(separator: ", ")) and \(cells.last ?? "")"
    }

    private func staleReasons(ofCell number: Int, visiting: inout Set<Int>) -> [StaleReason] {
        guard let record = records[number], visiting.insert(number).inserted else { return [] }
        defer { visiting.remove(number) }
        let ranAt = record.execution.executionCount
        var reasons: [StaleReason] = []
        if let current = try? currentSource(ofCell: number), current.text != record.execution.code {
            reasons.append(.edited)
        }
        var reported: Set<String> = []
        func report(_ reason: StaleReason, key: String) {
            if reported.insert(key).inserted { reasons.append(reason) }
        }
        for name in record.execution.analysis.uses.sorted() {
            let providers = record.providers[name] ?? []
            var providerCells: Set<Int> = []
            for provider in providers {
                guard case .cell(let cell) = provider.origin else { continue }
                providerCells.insert(cell)
                if let latest = records[cell]?.execution.executionCount, latest > ranAt {
                    report(.redefined(name: name, by: provider.origin, executionCount: latest, isDefinition: provider.isDefinition),
                           key: "\(name) \(provider.origin)")
                } else if let edited = try? currentSource(ofCell: cell), let ran = records[cell]?.execution.code,
                          edited.text != ran {
                    report(.dependencyEdited(name: name, cell: cell), key: "\(name) \(provider.origin)")
                } else if !staleReasons(ofCell: cell, visiting: &visiting).isEmpty {
                    report(.dependencyStale(name: name, cell: cell), key: "\(name) \(provider.origin)")
                }
            }
            for write in writes[name] ?? [] where write.executionCount > ranAt && write.origin != .cell(number) {
                if case .cell(let cell) = write.origin, cell > number, !providerCells.contains(cell) { continue }
                report(.redefined(name: name, by: write.origin, executionCount: write.executionCount,
                                  isDefinition: write.isDefinition), key: "\(name) \(write.origin)")
            }
        }
        return reasons
    }

    // MARK: - Transcript and names

    /// Every cell's latest execution, for export.
    public var transcript: [CellTranscript] {
        records.keys.sorted().compactMap { number in
            guard let execution = records[number]?.execution else { return nil }
            let lessonCode = (try? cell(number))?.source.text
            return CellTranscript(cellNumber: number, executionCount: execution.executionCount,
                                  source: execution.code == lessonCode ? nil : execution.code,
                                  outputs: execution.outputs, error: execution.error)
        }
    }

    /// The session's top-level names with type, shape and a preview (the variable inspector).
    public func variables(previewLength: Int = 60) -> [SessionVariable] {
        runner.script.variables(previewLength: previewLength)
    }
}
