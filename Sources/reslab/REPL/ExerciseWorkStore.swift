import Foundation

/// The learner's code for exercises they changed with `:edit`, kept across runs as plain Swift
/// files: `FOLDER/LESSON-ID/EXERCISE-ID.swift` (the folder is `work/` beside the progress file).
/// Files are written atomically (a temporary file, then a rename).
struct ExerciseWorkStore {
    let folder: String

    func path(lesson: String, exercise: String) -> String {
        "\(folder)/\(lesson)/\(exercise).swift"
    }

    /// The saved code, or nil when the learner has not changed the exercise.
    func load(lesson: String, exercise: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(lesson: lesson, exercise: exercise)) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    func save(_ code: String, lesson: String, exercise: String) throws {
        let file = URL(fileURLWithPath: path(lesson: lesson, exercise: exercise))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(code.utf8).write(to: file, options: .atomic)
    }

    /// Forgets the learner's code (the lesson's template comes back): for `:reset`.
    func remove(lesson: String, exercise: String) throws {
        let file = path(lesson: lesson, exercise: exercise)
        if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
    }
}
