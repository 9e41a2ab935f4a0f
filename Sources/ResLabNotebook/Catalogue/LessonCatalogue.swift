import Foundation

/// The lessons in a folder, in course order.
///
/// A lesson is a `.md` file directly in the folder that starts with front matter (`---`); other
/// Markdown files (a README) and hidden tests files (`*.hidden.md`) are not lessons. Lessons are
/// ordered by their front matter's `order`, then by id.
public struct LessonCatalogue: Sendable {
    public struct Entry: Equatable, Sendable {
        public var path: String
        public var frontMatter: LessonFrontMatter
    }

    public enum CatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
        case folderUnreadable(path: String)
        case duplicateID(id: String, paths: [String])
        case notFound(reference: String, known: [String], suggestion: String?)

        public var description: String {
            switch self {
            case let .folderUnreadable(path):
                return "error: cannot list the lessons in \(path)\n    fix: name an existing folder of lessons"
            case let .duplicateID(id, paths):
                return "error: lesson id `\(id)` is used by \(paths.joined(separator: " and "))\n    fix: give each lesson its own id"
            case let .notFound(reference, known, suggestion):
                let hint = suggestion.map { "did you mean `\($0)`? " } ?? ""
                return "error: no lesson file or lesson id `\(reference)`\n    fix: \(hint)lessons here: \(known.joined(separator: ", "))"
            }
        }
    }

    public let folder: String
    /// Lessons in course order.
    public let entries: [Entry]
    /// Files that look like lessons but failed to load, with why (the REPL lists them, it does not stop).
    public let failures: [LessonError]

    /// Reads the front matter of every lesson in `folder`.
    ///
    /// - Throws: `CatalogueError.folderUnreadable`, or `.duplicateID` when two lessons share an id.
    public init(folder: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CatalogueError.folderUnreadable(path: folder)
        }
        var entries: [Entry] = []
        var failures: [LessonError] = []
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasSuffix(".hidden.md") {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                let text = try Lesson.readText(path)
                guard text.hasPrefix("---") else { continue }
                var diagnostics: [LessonDiagnostic] = []
                let (frontMatter, _) = LessonFrontMatter.parse(lines: text.fileLines(), file: path, diagnostics: &diagnostics)
                if let frontMatter, diagnostics.isEmpty {
                    entries.append(Entry(path: path, frontMatter: frontMatter))
                } else {
                    failures.append(.malformed(diagnostics))
                }
            } catch let error as LessonError {
                failures.append(error)
            }
        }
        let byID = Dictionary(grouping: entries, by: \.frontMatter.id)
        if let (id, clash) = byID.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw CatalogueError.duplicateID(id: id, paths: clash.map(\.path))
        }
        self.folder = folder
        self.entries = entries.sorted {
            ($0.frontMatter.order, $0.frontMatter.id) < ($1.frontMatter.order, $1.frontMatter.id)
        }
        self.failures = failures
    }

    /// The first lesson of the course.
    public var first: Entry? { entries.first }

    /// The entry with lesson id `id`.
    public func entry(id: String) -> Entry? {
        entries.first { $0.frontMatter.id == id }
    }

    /// The lesson after `id` in course order.
    public func entry(after id: String) -> Entry? {
        guard let index = entries.firstIndex(where: { $0.frontMatter.id == id }), index + 1 < entries.count else { return nil }
        return entries[index + 1]
    }

    /// The file a user meant by `reference`: an existing file path (relative to the current folder),
    /// or else the id of a lesson in this catalogue.
    ///
    /// - Throws: `CatalogueError.notFound`, suggesting the closest id when one is close.
    public func resolve(_ reference: String) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), !isDirectory.boolValue {
            return reference
        }
        if let entry = entry(id: reference) { return entry.path }
        let ids = entries.map(\.frontMatter.id)
        let closest = ids.map { ($0, Self.editDistance($0, reference)) }.min { $0.1 < $1.1 }
        let suggestion = closest.flatMap { $0.1 <= max(2, reference.count / 3) ? $0.0 : nil }
        throw CatalogueError.notFound(reference: reference, known: ids, suggestion: suggestion)
    }

    /// Where the lessons are when the user names no folder: `$RESLAB_LESSONS`, else `lessons/` in
    /// the current folder, else `lessons/` in a folder above the executable (a build inside the
    /// repository: `.build/debug/reslab`). Nil when none exists.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment,
                                     currentFolder: String = FileManager.default.currentDirectoryPath,
                                     executablePath: String? = CommandLine.arguments.first) -> String? {
        func isFolder(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let named = environment["RESLAB_LESSONS"], !named.isEmpty { return named }
        let local = (currentFolder as NSString).appendingPathComponent("lessons")
        if isFolder(local) { return local }
        guard let executablePath else { return nil }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("lessons").path
            if isFolder(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Levenshtein distance, for "did you mean".
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
