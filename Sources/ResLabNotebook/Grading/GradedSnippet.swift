import ResLabScript

/// A piece of code the grader runs (a lesson cell, the learner's code, a test), with the way back
/// to the file it came from and whether the learner may see it.
struct GradedSnippet {
    /// Who wrote the code, which decides what an error message may show of it.
    enum Origin: Equatable {
        /// The lesson's own cells and public tests: shown as written.
        case lesson
        /// The learner's code: shown as written.
        case learner
        /// A hidden test: never shown, named by its id only.
        case hiddenTest(id: String)

        var isHidden: Bool {
            if case .hiddenTest = self { return true }
            return false
        }
    }

    let source: CellSource
    let origin: Origin
    /// The name the interpreter knows the code by: unique within a grading run, so that an error's
    /// position can be traced back to the snippet it is in.
    let key: String
}

/// The snippets of one grading run, by the name the interpreter knows them by.
final class SnippetTable {
    private var snippets: [String: GradedSnippet] = [:]
    private var counter = 0

    /// Registers `source` and returns the snippet to run.
    func add(_ source: CellSource, origin: GradedSnippet.Origin) -> GradedSnippet {
        counter += 1
        let snippet = GradedSnippet(source: source, origin: origin, key: "<graded snippet \(counter)>")
        snippets[snippet.key] = snippet
        return snippet
    }

    func snippet(named key: String) -> GradedSnippet? { snippets[key] }

    /// Where a position of the interpreter lies in the lesson or submission file; nil inside a
    /// hidden test (whose positions are never shown).
    func fileLocation(of location: ResLabScript.SourceLocation) -> SourceLocation? {
        guard let snippet = snippets[location.source.name], !snippet.origin.isHidden else { return nil }
        return snippet.source.location(line: location.line, column: location.column)
    }

    /// The code of the line `location` is on, when the learner may see it.
    func visibleLine(at location: ResLabScript.SourceLocation) -> String? {
        guard let snippet = snippets[location.source.name], !snippet.origin.isHidden else { return nil }
        return location.source.line(location.line).map(String.init)
    }

    /// Whether the position is in the learner's own code.
    func isLearnerCode(_ location: ResLabScript.SourceLocation) -> Bool {
        snippets[location.source.name]?.origin == .learner
    }

    /// The hidden test a position lies in, if any.
    func hiddenTestID(at location: ResLabScript.SourceLocation) -> String? {
        if case .hiddenTest(let id)? = snippets[location.source.name]?.origin { return id }
        return nil
    }
}
