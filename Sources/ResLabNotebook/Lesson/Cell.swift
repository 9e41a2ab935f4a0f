/// What a code cell is for.
public enum CellRole: String, Equatable, Sendable, CaseIterable {
    /// Code that runs in the lesson's environment.
    case code
    /// The learner's work: a starting template (and, in the instructor's copy, a reference solution).
    case exercise
    /// Checks for one exercise; runs on `:check` and when grading, not in the lesson's flow.
    case test
}

/// A fenced ```` ```swift ```` block at the top level of a lesson.
public struct Cell: Equatable, Sendable {
    /// 1-based position among the lesson's cells (hidden tests are not cells of the lesson).
    public var number: Int
    public var role: CellRole
    /// The `id=` of a code cell, the exercise id of an exercise cell, the test id of a test cell.
    public var id: String?
    /// The exercise an exercise or test cell belongs to.
    public var exerciseID: String?
    /// Skipped by batch runs unless they are asked to run optional cells.
    public var isOptional: Bool
    /// The code as written in the file.
    public var source: CellSource
    /// Where the opening fence is.
    public var fenceLocation: SourceLocation
    /// 1-based line of the closing fence.
    public var endLine: Int
    /// Everything after the fence on the opening line, as written (e.g. `swift test exercise=a points=1 ...`).
    public var infoString: String

    public init(number: Int, role: CellRole, id: String?, exerciseID: String?, isOptional: Bool,
                source: CellSource, fenceLocation: SourceLocation, endLine: Int, infoString: String) {
        self.number = number
        self.role = role
        self.id = id
        self.exerciseID = exerciseID
        self.isOptional = isOptional
        self.source = source
        self.fenceLocation = fenceLocation
        self.endLine = endLine
        self.infoString = infoString
    }
}
