/// The reference solution of an exercise, given only once the learner's code has passed it.
public enum ReferenceSolution {
    /// Why a reference solution is not shown.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notPassed(exercise: String)
        case notInThisCopy(exercise: String)

        public var description: String {
            switch self {
            case .notPassed(let id):
                return "the reference solution of `\(id)` is shown once your code passes its public tests: check it first"
            case .notInThisCopy(let id):
                return "this copy of the lesson holds no reference solution for `\(id)` (students' copies never do)"
            }
        }
    }

    /// The instructor's code of `exercise`, when `progress` records it passed and the lesson is an
    /// instructor's copy.
    public static func text(of exercise: Exercise, progress: LessonProgress) throws -> String {
        guard let score = progress.passed[exercise.id], score.points == score.outOf else {
            throw Refusal.notPassed(exercise: exercise.id)
        }
        guard exercise.hasReferenceSolution else { throw Refusal.notInThisCopy(exercise: exercise.id) }
        return exercise.source.text
    }
}
