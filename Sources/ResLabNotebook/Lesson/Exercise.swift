/// A graded exercise: its cell, its tests and its hints.
public struct Exercise: Equatable, Sendable {
    public var id: String
    /// A short title for listings (`title=` on the fence), if given.
    public var title: String?
    /// The total the author declared with `points=`, if any. When given it equals the sum of the
    /// exercise's test points (checked when the hidden tests are loaded; otherwise the public tests'
    /// points may not exceed it).
    public var declaredPoints: Int?
    /// 1-based number of the exercise's cell among the lesson's cells.
    public var cellNumber: Int
    /// Where the exercise cell's opening fence is.
    public var fenceLocation: SourceLocation
    /// The cell's code as written: in the instructor's copy it runs the reference solution (the
    /// markers are comments); in a learner's copy it is the learner's code.
    public var source: CellSource
    /// The starting code a learner receives: each solution region replaced by its template (or by
    /// `// YOUR CODE HERE`). Equal to `source` when the cell has no solution region.
    public var template: CellSource
    /// Whether the cell holds at least one `// BEGIN SOLUTION` region (the instructor's copy).
    public var hasReferenceSolution: Bool
    /// Public tests, in file order.
    public var tests: [TestCase]
    /// Hidden tests, in file order (empty unless the hidden tests were loaded).
    public var hiddenTests: [TestCase]
    /// Hints, in the order `:hint` gives them.
    public var hints: [Hint]
    /// The lines inside the solution regions and their file lines, kept to check that a release
    /// leaks none of them.
    var solutionLines: [String]
    var solutionLineNumbers: [Int]

    /// The points of all the exercise's known tests.
    public var totalPoints: Int {
        (tests + hiddenTests).reduce(0) { $0 + $1.points }
    }
}

/// One test of an exercise: code that fails (throws) when the exercise is wrong.
public struct TestCase: Equatable, Sendable {
    /// `id=` when given; otherwise `EXERCISE.test-N` (public) or `EXERCISE.hidden-N` (hidden), N
    /// counting from 1 in file order.
    public var id: String
    public var exerciseID: String
    /// Points earned when the test passes (0 or more).
    public var points: Int
    /// What the learner (or the grade report) reads when the test fails. For a hidden test this is
    /// all that is shown: never its code.
    public var message: String
    /// Time limit in seconds for this test (`timeout=`), if the author set one.
    public var timeout: Double?
    public var isHidden: Bool
    public var source: CellSource
    public var fenceLocation: SourceLocation
}

/// A hint for an exercise: Markdown prose, given one at a time in order.
public struct Hint: Equatable, Sendable {
    public var exerciseID: String
    /// 1-based position among the exercise's hints.
    public var number: Int
    /// The hint's Markdown as written.
    public var markdown: String
    public var blocks: [MarkdownBlock]
    public var location: SourceLocation
}
