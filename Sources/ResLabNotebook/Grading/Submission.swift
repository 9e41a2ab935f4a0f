import Foundation

/// A learner's code for a lesson's exercises, as handed in.
///
/// Two forms are accepted: the lesson file with the exercise cells filled in, or a `.swift` file
/// holding the learner's functions. From a lesson file only the exercise cells are taken: test
/// cells, prose and everything else come from the instructor's copy, so a submission that deleted
/// or edited the tests is graded with the instructor's tests all the same.
public struct Submission: Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        /// Exercise id → the learner's code of that exercise cell. An exercise missing here was
        /// deleted from the submission.
        case exerciseCells([String: CellSource])
        /// One file of Swift, run where the lesson's first exercise cell is.
        case swiftFile(CellSource)
    }

    /// The name in reports: the file name as given.
    public var name: String
    public var code: Code

    public init(name: String, code: Code) {
        self.name = name
        self.code = code
    }

    /// Reads a submission: a `.swift` file is code, anything else is read as a lesson file.
    ///
    /// - Parameter name: the name in reports and error positions; the path when nil.
    public static func load(path: String, name: String? = nil) throws -> Submission {
        let text = try Lesson.readText(path)
        return parse(text, file: name ?? path, isSwift: path.hasSuffix(".swift"))
    }

    /// A submission from its text; `file` names it in reports and error positions.
    public static func parse(_ text: String, file: String, isSwift: Bool) -> Submission {
        if isSwift {
            return Submission(name: file, code: .swiftFile(CellSource(text: text.fileLines().joined(separator: "\n"),
                                                                       file: file, firstLine: 1)))
        }
        return Submission(name: file, code: .exerciseCells(exerciseCells(in: text, file: file)))
    }

    /// The exercise cells of a lesson-shaped text, by exercise id, read leniently: a problem
    /// elsewhere in the file (a test cell edited into a malformed one, points that no longer add
    /// up) does not stop the exercises from being read. Of two cells with one id the first counts.
    static func exerciseCells(in text: String, file: String) -> [String: CellSource] {
        let lines = text.fileLines()
        var ignored: [LessonDiagnostic] = []
        let (_, bodyStart) = LessonFrontMatter.parse(lines: lines, file: file, diagnostics: &ignored)
        let body = LessonBodyParser(file: file, lines: lines, bodyStartLine: bodyStart, isHiddenTestsFile: false)
        var cells: [String: CellSource] = [:]
        for case let .exercise(cell, _, _, _) in body.items {
            guard let id = cell.id, cells[id] == nil else { continue }
            cells[id] = cell.source
        }
        return cells
    }
}
