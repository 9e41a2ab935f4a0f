import ArgumentParser
import Foundation
import ResLab

/// `reslab check [EXERCISE]`: the learner grades their own work with the lesson's public tests.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check your exercises with the lesson's public tests; --hint for the next hint.",
        discussion: """
            Your code is what you wrote in the REPL with :edit (kept beside your progress), or else \
            the exercise cells of the lesson file. The lesson is the one you are in (from your \
            progress) unless --lesson names another. Hidden tests run only when your instructor grades.
            """)

    @ArgumentParser.Argument(help: "The exercise to check (all of the lesson's when absent).")
    var exercise: String?

    @Option(help: "The lesson: a path, or a lesson id from the lessons folder.")
    var lesson: String?

    @Flag(help: "Show the exercise's next hint instead of checking.")
    var hint = false

    @Flag(help: "Show the reference solution (only once the exercise has passed, and only from an instructor's copy).")
    var solution = false

    @Option(help: "Seconds each test may run.")
    var testTimeout: Double = GradingLimits().secondsPerTest

    func run() throws {
        let store = ProgressStore(path: ProgressStore.defaultPath())
        var (progress, recovery) = store.load()
        if let recovery { FileHandle.standardError.write(Data("warning: \(recovery)\n".utf8)) }
        let path = try lessonPath(progress: progress)
        let loaded = try Lesson.load(path: path)
        let work = LearnerWork(lesson: loaded, store: ExerciseWorkStore.beside(store))
        let chosen = try work.exercises(named: exercise)
        var lessonProgress = progress.lesson(loaded.id)

        if hint || solution {
            guard chosen.count == 1, let target = chosen.first else {
                throw ValidationError("name the exercise: reslab check EXERCISE --\(hint ? "hint" : "solution") "
                                      + "(exercises: \(loaded.exercises.map(\.id).joined(separator: ", ")))")
            }
            if solution {
                print(try ReferenceSolution.text(of: target, progress: lessonProgress))
                return
            }
            var shown = lessonProgress.hintsShown[target.id] ?? 0
            print(HintDispenser.next(for: target, shown: &shown))
            progress.update(lesson: loaded.id) { $0.hintsShown[target.id] = shown }
            try store.save(progress)
            return
        }

        let grader = Grader(lesson: loaded, host: try makeStandardHost(),
                            limits: GradingLimits(secondsPerTest: testTimeout, secondsPerSubmission: .infinity))
        let grade = grader.grade(work.submission(), includeHidden: false, exercises: Set(chosen.map(\.id)))
        print(CheckReport.text(grade: grade, exercises: chosen, hintsShown: lessonProgress.hintsShown,
                               hintCommand: "reslab check --hint"), terminator: "")
        work.recordPassed(grade, in: &lessonProgress)
        progress.update(lesson: loaded.id) { $0 = lessonProgress }
        try store.save(progress)
        if !grade.allPassed { throw ExitCode(1) }
    }

    /// The lesson named with --lesson, or the one the learner is in.
    private func lessonPath(progress: ResLabNotebook.Progress) throws -> String {
        let catalogue = try LessonCatalogue.defaultFolder().map { try LessonCatalogue(folder: $0) }
        if let lesson {
            if let catalogue { return try catalogue.resolve(lesson) }
            return lesson
        }
        guard let current = progress.currentLesson, let entry = catalogue?.entry(id: current) else {
            throw ValidationError("you are in no lesson yet: open one with `reslab LESSON`, or name it with --lesson")
        }
        return entry.path
    }
}

/// The learner's current code for a lesson's exercises: what they kept with `:edit`, or else the
/// lesson file's exercise cells. Shared by `reslab check` and the REPL's `:check`.
struct LearnerWork {
    let lesson: Lesson
    let store: ExerciseWorkStore

    /// The exercises `name` picks: that one, or all of them when nil.
    func exercises(named name: String?) throws -> [Exercise] {
        guard let name else { return lesson.exercises }
        guard let exercise = lesson.exercise(id: name) else {
            throw ValidationError("`\(lesson.id)` has no exercise `\(name)`; its exercises: "
                                  + lesson.exercises.map(\.id).joined(separator: ", "))
        }
        return [exercise]
    }

    /// The learner's code as a submission.
    func submission() -> Submission {
        var cells: [String: CellSource] = [:]
        for exercise in lesson.exercises {
            if let code = store.load(lesson: lesson.id, exercise: exercise.id) {
                cells[exercise.id] = CellSource(text: code, file: store.path(lesson: lesson.id, exercise: exercise.id), firstLine: 1)
            } else {
                cells[exercise.id] = exercise.source
            }
        }
        return Submission(name: lesson.file, code: .exerciseCells(cells))
    }

    /// Records every exercise whose public tests all passed (keeping the best score).
    func recordPassed(_ grade: SubmissionGrade, in progress: inout LessonProgress) {
        for exercise in lesson.exercises {
            let tests = grade.tests.filter { $0.exerciseID == exercise.id }
            guard !tests.isEmpty, tests.allSatisfy(\.passed) else { continue }
            let score = grade.score(of: exercise.id)
            if (progress.passed[exercise.id]?.points ?? -1) < score.points { progress.passed[exercise.id] = score }
        }
    }
}

extension ExerciseWorkStore {
    /// The work store the REPL keeps beside the progress file (`work/`).
    static func beside(_ progress: ProgressStore) -> ExerciseWorkStore {
        ExerciseWorkStore(folder: (progress.path as NSString).deletingLastPathComponent + "/work")
    }
}
