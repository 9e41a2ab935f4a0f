import Foundation
import ResLabNN

/// Why a student version was not written.
public enum ReleaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line of a reference solution also appears outside its solution region (in prose, another
    /// cell or a template), so the student version would give it away.
    case solutionTextInOutput(exercise: String, solutionLine: SourceLocation, text: String, outputLine: Int)
    /// The output folder is the lesson's own folder: the release would overwrite the instructor's copy.
    case wouldOverwriteSource(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .solutionTextInOutput(exercise, location, text, outputLine):
            return "\(location): error: this line of the solution of `\(exercise)` also appears on line \(outputLine) "
                + "of the student version: `\(text)`\n    fix: reword the prose or code that repeats it, "
                + "or move it out of the solution region if learners may see it"
        case let .wouldOverwriteSource(path):
            return "\(path): error: the student version would overwrite the instructor's copy\n"
                + "    fix: give --out a folder other than the lesson's own"
        case let .cannotWrite(path, reason):
            return "error: cannot write \(path): \(reason)"
        }
    }
}

/// The student version of a lesson: every exercise cell reduced to its template, the hidden tests
/// left out, and nothing of a reference solution anywhere in the text.
public enum LessonRelease {
    /// Solution lines shorter than this (after trimming) are too common to be evidence of a leak
    /// (`}`, `return x`, `x = y`).
    static let significantLength = 16

    /// The student version's text: the instructor's file line for line, except that each exercise
    /// cell's code is replaced by its template (indented like the fence).
    ///
    /// - Throws: `ReleaseError.solutionTextInOutput` when a solution line survives elsewhere.
    public static func studentText(of lesson: Lesson) throws -> String {
        var replacements: [Int: (endLine: Int, lines: [String])] = [:]
        for exercise in lesson.exercises where exercise.hasReferenceSolution {
            let indent = String(repeating: " ", count: exercise.template.columnOffset)
            let cell = lesson.cells.first { $0.number == exercise.cellNumber }
            guard let cell else { continue }
            let lines = exercise.template.text.splitLines().map { $0.isEmpty ? "" : indent + $0 }
            replacements[cell.fenceLocation.line + 1] = (cell.endLine, lines)
        }
        var output: [String] = []
        var line = 1
        while line <= lesson.sourceLines.count {
            if let replacement = replacements.removeValue(forKey: line) {
                output += replacement.lines
                line = replacement.endLine
                continue
            }
            output.append(lesson.sourceLines[line - 1])
            line += 1
        }
        try checkNoSolutionText(in: output, lesson: lesson)
        return output.joined(separator: "\n") + "\n"
    }

    private static func checkNoSolutionText(in output: [String], lesson: Lesson) throws {
        for exercise in lesson.exercises {
            for (text, line) in zip(exercise.solutionLines, exercise.solutionLineNumbers) {
                let needle = text.trimmed()
                guard needle.count >= significantLength else { continue }
                if let found = output.firstIndex(where: { $0.contains(needle) }) {
                    throw ReleaseError.solutionTextInOutput(
                        exercise: exercise.id, solutionLine: SourceLocation(file: lesson.file, line: line),
                        text: needle, outputLine: found + 1)
                }
            }
        }
    }

    /// Loads the lesson at `path` with its hidden tests (so that a broken hidden tests file stops the
    /// release too), and writes its student version to `outputFolder` under the same file name,
    /// atomically. The hidden tests file is not written.
    ///
    /// - Returns: the path written.
    @discardableResult
    public static func release(lessonAt path: String, to outputFolder: String) throws -> String {
        let lesson = try Lesson.load(path: path, hiddenTests: .besideIfPresent)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let destination = URL(fileURLWithPath: outputFolder).appendingPathComponent(fileName).path
        let source = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let target = URL(fileURLWithPath: destination).resolvingSymlinksInPath().standardizedFileURL.path
        guard source != target else { throw ReleaseError.wouldOverwriteSource(path: path) }
        let text = try studentText(of: lesson)
        do {
            try AtomicFile.write(text, toPath: destination)
        } catch DataError.cannotWrite(let file, let reason) {
            throw ReleaseError.cannotWrite(path: file, reason: reason)
        }
        return destination
    }
}
