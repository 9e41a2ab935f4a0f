/// Where a learner is in the course: the current lesson, and per lesson the current cell, the
/// exercises passed and how many hints were shown.
///
/// Stored as JSON (`ProgressStore`):
///
/// ```json
/// {
///   "currentLesson" : "identity-block",
///   "lessons" : {
///     "identity-block" : {
///       "currentCell" : 4,
///       "hintsShown" : { "identity-block" : 1 },
///       "passed" : { "identity-block" : { "outOf" : 3, "points" : 3 } }
///     }
///   },
///   "version" : 1
/// }
/// ```
public struct Progress: Codable, Equatable, Sendable {
    /// The format's version; files of another version are set aside, not misread.
    public static let currentVersion = 1

    public var version: Int
    public var currentLesson: String?
    public var lessons: [String: LessonProgress]

    public init(currentLesson: String? = nil, lessons: [String: LessonProgress] = [:]) {
        version = Self.currentVersion
        self.currentLesson = currentLesson
        self.lessons = lessons
    }

    /// The progress in lesson `id` (empty when the learner has not started it).
    public func lesson(_ id: String) -> LessonProgress {
        lessons[id] ?? LessonProgress()
    }

    /// Changes the progress in lesson `id`.
    public mutating func update(lesson id: String, _ change: (inout LessonProgress) -> Void) {
        var progress = lesson(id)
        change(&progress)
        lessons[id] = progress
    }
}

/// Progress in one lesson.
public struct LessonProgress: Codable, Equatable, Sendable {
    /// The `Cell.number` the learner is at (1 for the first cell).
    public var currentCell: Int
    /// Exercise id → the points of the best passing check.
    public var passed: [String: ExerciseScore]
    /// Exercise id → how many of its hints the learner has seen (the next `:hint` shows one more).
    public var hintsShown: [String: Int]

    public init(currentCell: Int = 1, passed: [String: ExerciseScore] = [:], hintsShown: [String: Int] = [:]) {
        self.currentCell = currentCell
        self.passed = passed
        self.hintsShown = hintsShown
    }
}

/// Points earned on an exercise's tests, out of the points those tests give.
public struct ExerciseScore: Codable, Equatable, Sendable {
    public var points: Int
    public var outOf: Int

    public init(points: Int, outOf: Int) {
        self.points = points
        self.outOf = outOf
    }
}
