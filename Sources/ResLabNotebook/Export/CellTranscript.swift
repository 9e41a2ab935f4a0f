/// What happened to one cell in a session, for export.
public struct CellTranscript: Equatable, Sendable {
    /// The cell's `Cell.number` in the lesson.
    public var cellNumber: Int
    /// The session's execution counter when the cell last ran.
    public var executionCount: Int?
    /// The code that ran, when the learner changed the cell; nil means the lesson's own code.
    public var source: String?
    public var outputs: [CellOutput]
    public var error: CellRunError?

    public init(cellNumber: Int, executionCount: Int? = nil, source: String? = nil,
                outputs: [CellOutput] = [], error: CellRunError? = nil) {
        self.cellNumber = cellNumber
        self.executionCount = executionCount
        self.source = source
        self.outputs = outputs
        self.error = error
    }
}
