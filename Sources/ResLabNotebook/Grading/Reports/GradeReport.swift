/// The grades of a set of submissions of one lesson, in submission-name order, whatever order
/// they were graded in: what every report format is written from.
public struct GradeReport: Codable, Sendable, Equatable {
    /// One exercise of the lesson, for column headings.
    public struct ExerciseColumn: Codable, Sendable, Equatable {
        public var id: String
        public var title: String?
        /// The points of the tests that ran (public and, when included, hidden).
        public var maxPoints: Int
    }

    public var lessonID: String
    public var lessonTitle: String
    public var exercises: [ExerciseColumn]
    /// Whether hidden tests ran (the text report says "public tests passed" otherwise).
    public var includesHiddenTests: Bool
    public var submissions: [SubmissionGrade]

    /// A report of `grades` (sorted here by submission name).
    public init(lesson: Lesson, includesHiddenTests: Bool, grades: [SubmissionGrade]) {
        lessonID = lesson.id
        lessonTitle = lesson.title
        exercises = lesson.exercises.map { exercise in
            let tests = exercise.tests + (includesHiddenTests ? exercise.hiddenTests : [])
            return ExerciseColumn(id: exercise.id, title: exercise.title, maxPoints: tests.reduce(0) { $0 + $1.points })
        }
        self.includesHiddenTests = includesHiddenTests
        submissions = grades.sorted { $0.submission < $1.submission }
    }

    public var maxPoints: Int { exercises.reduce(0) { $0 + $1.maxPoints } }
}
