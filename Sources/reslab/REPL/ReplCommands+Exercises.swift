import Foundation
import ResLab

/// `:check`, `:hint` and `:reset`: the learner's exercises at the REPL (the grader's side of the
/// REPL; `reslab check` is the same without a terminal).
extension ReplCommandTable {
    func registerExerciseCommands() throws {
        try register("check", usage: ":check [EXERCISE]",
                     summary: "run the public tests on your code (the current exercise, or all of the lesson's)") { arguments, repl in
            let repl = try repl.requireLesson()
            let exercises = try repl.exercises(named: arguments, defaultToAll: true)
            let lesson = repl.notebook.lesson
            var cells: [String: CellSource] = [:]
            for exercise in lesson.exercises {
                cells[exercise.id] = (try? repl.notebook.currentSource(ofCell: exercise.cellNumber)) ?? exercise.source
            }
            let grader = Grader(lesson: lesson, host: repl.host,
                                limits: GradingLimits(secondsPerTest: GradingLimits().secondsPerTest, secondsPerSubmission: .infinity))
            let run = {
                grader.grade(Submission(name: lesson.file, code: .exerciseCells(cells)), includeHidden: false,
                             exercises: Set(exercises.map(\.id)))
            }
            let grade = repl.editor.map { $0.runInterruptibly(onInterrupt: { grader.cancel() }, run) } ?? run()
            repl.output.write(CheckReport.text(grade: grade, exercises: exercises,
                                               hintsShown: repl.progress.lesson(lesson.id).hintsShown, hintCommand: ":hint"))
            repl.updateProgress { progress in
                progress.update(lesson: lesson.id) { LearnerWork(lesson: lesson, store: repl.workStore).recordPassed(grade, in: &$0) }
            }
        }
        try register("hint", usage: ":hint [EXERCISE]", summary: "the next hint for the current exercise") { arguments, repl in
            let repl = try repl.requireLesson()
            guard let exercise = try repl.exercises(named: arguments, defaultToAll: false).first else { return }
            let lesson = repl.notebook.lesson.id
            var shown = repl.progress.lesson(lesson).hintsShown[exercise.id] ?? 0
            let text = HintDispenser.next(for: exercise, shown: &shown)
            repl.output.line(TerminalRenderer(width: repl.output.width, useColor: repl.output.useColor)
                .render(markdown: text))
            repl.updateProgress { $0.update(lesson: lesson) { $0.hintsShown[exercise.id] = shown } }
        }
        try register("reset", usage: ":reset [EXERCISE]",
                     summary: "bring back an exercise's starting template (asks first; your code is lost)") { arguments, repl in
            let repl = try repl.requireLesson()
            guard let exercise = try repl.exercises(named: arguments, defaultToAll: false).first else { return }
            guard let editor = repl.editor,
                  editor.confirm("Replace your code for `\(exercise.id)` with its starting template?") else {
                repl.output.line("`\(exercise.id)` is unchanged.")
                return
            }
            try repl.notebook.edit(cell: exercise.cellNumber, code: exercise.template.text)
            try repl.workStore.remove(lesson: repl.notebook.lesson.id, exercise: exercise.id)
            repl.output.line("`\(exercise.id)` is back to its starting template.")
        }
    }
}

extension ReplSession {
    /// The exercise named in `arguments`; without a name, the current cell's exercise, or else all
    /// of the lesson's (`defaultToAll`) or an error asking for a name.
    func exercises(named arguments: String, defaultToAll: Bool) throws -> [Exercise] {
        let lesson = notebook.lesson
        let name = arguments.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty {
            guard let exercise = lesson.exercise(id: name) else {
                throw ReplError("this lesson has no exercise `\(name)`; its exercises: "
                                + lesson.exercises.map(\.id).joined(separator: ", "))
            }
            return [exercise]
        }
        if let cell = try? notebook.cell(currentCell), let id = cell.exerciseID, let exercise = lesson.exercise(id: id) {
            return [exercise]
        }
        guard !lesson.exercises.isEmpty else { throw ReplError("this lesson has no exercises") }
        if defaultToAll { return lesson.exercises }
        throw ReplError("name the exercise (\(lesson.exercises.map(\.id).joined(separator: ", "))), or :goto its cell first")
    }
}
