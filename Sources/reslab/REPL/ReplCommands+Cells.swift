import Foundation
import ResLab

/// `:run [N]` and `:edit`.
extension ReplCommandTable {
    func registerCellCommands() throws {
        try register("run", usage: ":run [N]",
                     summary: "run the current cell (or cell N) again, after the stale cells it depends on") { arguments, repl in
            let repl = try repl.requireLesson()
            let number: Int
            if arguments.isEmpty {
                guard repl.currentCell > 0 else { throw ReplError("the lesson has no cells") }
                number = repl.currentCell
            } else {
                guard let given = Int(arguments) else { throw ReplError("usage: :run [N], with N a cell number (:list shows them)") }
                number = given
            }
            _ = try repl.notebook.cell(number)
            repl.runCell(number)
        }
        try register("edit", summary: "open the current exercise in $EDITOR, then run your code") { _, repl in
            try repl.requireLesson().editCurrentExercise()
        }
    }
}

extension ReplSession {
    /// Writes the current exercise's code to a temporary `EXERCISE.swift`, opens it in `$EDITOR`
    /// (then `$VISUAL`, then `vi`), and when the file changed, keeps the new code (in the session
    /// and in the work store) and runs it.
    func editCurrentExercise() throws {
        let cell = try notebook.cell(currentCell)
        guard cell.role == .exercise, let exercise = cell.exerciseID else {
            throw ReplError("cell \(currentCell) is not an exercise: :goto an exercise cell first (:list shows them)")
        }
        let before = try notebook.currentSource(ofCell: cell.number).text
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reslab-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(exercise).swift")
        try Data((before + "\n").utf8).write(to: file)

        let environment = ProcessInfo.processInfo.environment
        let editorCommand = [environment["EDITOR"], environment["VISUAL"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // Through the shell, so that an editor given with options (`code --wait`) works.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editorCommand + " \"$1\"", "sh", file.path]
        do {
            try process.run()
        } catch {
            throw ReplError("cannot start the editor `\(editorCommand)`: \(error); set EDITOR to your editor")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReplError("the editor `\(editorCommand)` exited with status \(process.terminationStatus); the exercise is unchanged")
        }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw ReplError("cannot read back \(file.path); the exercise is unchanged")
        }
        let code = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard code != before else {
            output.line("No change to `\(exercise)`.")
            return
        }
        try notebook.edit(cell: cell.number, code: code)
        do {
            try workStore.save(code, lesson: notebook.lesson.id, exercise: exercise)
        } catch {
            output.error("warning: could not keep your code in \(workStore.path(lesson: notebook.lesson.id, exercise: exercise)): \(error)")
        }
        output.line("Running your code for `\(exercise)`:")
        runCell(cell.number)
    }
}
