/// A lesson: its front matter and, in file order, its prose, cells and hints.
///
/// The format is described in `docs/lesson-format.md`. A `Lesson` is a value: the instructor's copy
/// (with reference solutions, perhaps with hidden tests loaded), the student version and a learner's
/// working copy are all parsed into it.
public struct Lesson: Equatable, Sendable {
    /// The lesson file, as the caller named it (diagnostics and cell locations use this).
    public var file: String
    public var frontMatter: LessonFrontMatter
    public var items: [LessonItem]
    /// The exercises in the order of their cells, each with its tests and hints.
    public var exercises: [Exercise]
    /// The hidden tests file that was loaded, if any.
    public var hiddenTestsFile: String?
    /// The file's lines, for writing the student version.
    var sourceLines: [String]

    public var id: String { frontMatter.id }
    public var title: String { frontMatter.title }

    /// The code, exercise and public test cells in file order.
    public var cells: [Cell] {
        items.compactMap { item in
            if case let .cell(cell) = item { return cell }
            return nil
        }
    }

    /// The exercise with id `id`, if the lesson has one.
    public func exercise(id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }

    /// All tests of the lesson's exercises (public first, then hidden, each in file order).
    public var allTests: [TestCase] {
        exercises.flatMap(\.tests) + exercises.flatMap(\.hiddenTests)
    }
}

/// One piece of a lesson, in file order.
public enum LessonItem: Equatable, Sendable {
    case prose(Prose)
    case cell(Cell)
    /// A hint sits where it is written but is shown only when asked for.
    case hint(Hint)
}

/// A run of Markdown between cells.
public struct Prose: Equatable, Sendable {
    /// The Markdown as written in the file.
    public var markdown: String
    public var blocks: [MarkdownBlock]
    /// 1-based lines of the file the prose spans.
    public var startLine: Int
    public var endLine: Int
}
