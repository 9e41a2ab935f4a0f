import ResLab

/// `:next`, `:prev`, `:goto N`, `:list` and `:open LESSON`.
extension ReplCommandTable {
    func registerNavigationCommands() throws {
        try register("next", summary: "move to the next cell, show it and run it") { _, repl in
            let stops = try repl.requireLesson().visitableCells
            if let next = stops.first(where: { $0 > repl.currentCell }) {
                try repl.move(to: next)
            } else {
                repl.showEnd()
            }
        }
        try register("prev", summary: "move back to the previous cell and show it") { _, repl in
            let stops = try repl.requireLesson().visitableCells
            guard let previous = stops.last(where: { $0 < repl.currentCell }) else {
                throw ReplError("this is the first cell")
            }
            try repl.move(to: previous)
        }
        try register("goto", usage: ":goto N", summary: "move to cell N (running the earlier cells that have not run)") { arguments, repl in
            guard let number = Int(arguments) else { throw ReplError("usage: :goto N, with N a cell number (:list shows them)") }
            try repl.requireLesson().move(to: number)
        }
        try register("list", summary: "the lesson's cells with their state") { _, repl in
            let notebook = try repl.requireLesson().notebook
            for cell in notebook.lesson.cells {
                repl.output.line(Self.listLine(cell, notebook: notebook, current: repl.currentCell))
            }
        }
        try register("open", usage: ":open LESSON", summary: "open another lesson (a path or a lesson id)") { arguments, repl in
            guard !arguments.isEmpty else { throw ReplError("usage: :open LESSON, with a lesson file or id (:progress lists them)") }
            let path = try repl.catalogue?.resolve(arguments) ?? arguments
            try repl.open(lessonAt: path)
        }
    }

    /// `▶  3  [5]   exercise identity-block   line 42   stale: …`
    static func listLine(_ cell: Cell, notebook: NotebookSession, current: Int) -> String {
        let marker = cell.number == current ? "▶" : " "
        let state = notebook.state(ofCell: cell.number)
        let count = state.executionCount.map { "[\($0)]" } ?? "[ ]"
        var role: String
        switch cell.role {
        case .code: role = cell.isOptional ? "optional" : "code"
        case .exercise: role = "exercise \(cell.exerciseID ?? "")"
        case .test: role = "test for \(cell.exerciseID ?? "")"
        case .plugin(let name): role = name
        }
        if notebook.edits[cell.number] != nil { role += " (your code)" }
        var status: String
        switch state {
        case .notRun: status = cell.role == .test ? "runs on :check" : "not run"
        case .ran: status = "ran"
        case .failed: status = "failed"
        case .stale(_, let reasons): status = "stale: " + (reasons.first?.sentence(aboutCell: cell.number) ?? "")
        }
        return "\(marker) \(pad(String(cell.number), 3)) \(pad(count, 6)) \(pad(role, 28)) line \(pad(String(cell.fenceLocation.line), 5)) \(status)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

extension ReplSession {
    /// This session, when a lesson is open.
    func requireLesson() throws -> ReplSession {
        guard hasLesson else { throw ReplError("no lesson is open: :open LESSON opens one (:progress lists them)") }
        return self
    }
}
