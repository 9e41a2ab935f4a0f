import Yams

/// The YAML header of a lesson, between a first line `---` and the next line `---` (or `...`).
///
/// ```yaml
/// ---
/// id: identity-block
/// title: The identity block
/// order: 3
/// objectives:
///   - Build the identity block of ResNet-50
/// plugins: [plots]
/// ---
/// ```
public struct LessonFrontMatter: Equatable, Sendable {
    /// The lesson's id: letters, digits, `-`, `_` and `.`, used by `reslab LESSON` and progress.
    public var id: String
    public var title: String
    /// Position in the course; the catalogue sorts lessons by it.
    public var order: Int
    /// What the learner will be able to do after the lesson (may be empty).
    public var objectives: [String]
    /// Names of plugins the lesson needs loaded (may be empty).
    public var plugins: [String]

    public init(id: String, title: String, order: Int, objectives: [String] = [], plugins: [String] = []) {
        self.id = id
        self.title = title
        self.order = order
        self.objectives = objectives
        self.plugins = plugins
    }

    static let knownKeys = ["id", "title", "order", "objectives", "plugins"]
}

/// The lines of a front matter block in a file and the YAML mapping they hold.
struct FrontMatterBlock {
    /// 1-based line of the closing `---`; the Markdown body starts after it.
    var closingLine: Int
    /// Key → (value node, 1-based file line of the key).
    var entries: [(key: String, value: Node, line: Int, column: Int)]
    /// False when the YAML did not parse into a mapping (already reported): its keys are unknown.
    var isMapping = true

    /// Finds the front matter at the top of `lines` and reads its YAML.
    ///
    /// Returns nil when the file does not start with `---`. Problems (no closing line, YAML that does
    /// not parse, a YAML value that is not a mapping) go to `diagnostics`.
    static func read(lines: [String], file: String, diagnostics: inout [LessonDiagnostic]) -> FrontMatterBlock? {
        guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else { return nil }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingWhitespace()
            return line == "---" || line == "..."
        }) else {
            diagnostics.append(LessonDiagnostic(
                location: SourceLocation(file: file, line: 1), message: "the front matter opened on line 1 is never closed",
                fix: "end the front matter with a line holding only `---`", sourceLine: first))
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        var block = FrontMatterBlock(closingLine: closing + 1, entries: [])
        block.isMapping = false
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(yamlDiagnostic(error, lines: lines, file: file))
            return block
        } catch {
            diagnostics.append(LessonDiagnostic(
                location: SourceLocation(file: file, line: 2), message: "the front matter is not valid YAML: \(error)",
                fix: "write the front matter as `key: value` lines"))
            return block
        }
        guard let root else {
            block.isMapping = true
            return block
        }
        guard let mapping = root.mapping else {
            diagnostics.append(LessonDiagnostic(
                location: SourceLocation(file: file, line: 2), message: "the front matter is not a set of `key: value` lines",
                fix: "write one `key: value` line per setting, e.g. `title: The identity block`", sourceLine: lines[1]))
            return block
        }
        var result = block
        result.isMapping = true
        for (key, value) in mapping {
            let mark = key.mark
            result.entries.append((key.string ?? "", value, (mark?.line ?? 1) + 1, mark?.column ?? 1))
        }
        return result
    }

    private static func yamlDiagnostic(_ error: YamlError, lines: [String], file: String) -> LessonDiagnostic {
        var line = 2
        var column = 1
        var problem = "\(error)"
        switch error {
        case let .scanner(context, text, mark, _), let .parser(context, text, mark, _),
             let .composer(context, text, mark, _):
            line = mark.line + 1
            column = mark.column
            problem = [context?.text, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        default:
            break
        }
        let sourceLine = line - 1 < lines.count ? lines[line - 1] : nil
        return LessonDiagnostic(location: SourceLocation(file: file, line: line, column: column),
                                message: "the front matter is not valid YAML: \(problem)",
                                fix: "write the front matter as `key: value` lines; quote values that contain `: `",
                                sourceLine: sourceLine)
    }
}

extension LessonFrontMatter {
    /// Reads a lesson's front matter from `lines`. Appends a diagnostic for each problem and returns nil
    /// when a required key is missing or wrong.
    static func parse(lines: [String], file: String,
                      diagnostics: inout [LessonDiagnostic]) -> (LessonFrontMatter?, bodyStartLine: Int) {
        let countBefore = diagnostics.count
        guard let block = FrontMatterBlock.read(lines: lines, file: file, diagnostics: &diagnostics) else {
            if diagnostics.count == countBefore {
                diagnostics.append(LessonDiagnostic(
                    location: SourceLocation(file: file, line: 1), message: "the lesson has no front matter",
                    fix: "start the file with `---`, then `id:`, `title:` and `order:` lines, then `---`",
                    sourceLine: lines.first))
            }
            return (nil, 1)
        }
        var id: String?
        var title: String?
        var order: Int?
        var objectives: [String] = []
        var plugins: [String] = []
        func problem(_ line: Int, _ column: Int, _ message: String, _ fix: String) {
            diagnostics.append(LessonDiagnostic(location: SourceLocation(file: file, line: line, column: column),
                                                message: message, fix: fix, sourceLine: lines[line - 1]))
        }
        for entry in block.entries {
            switch entry.key {
            case "id":
                if let text = entry.value.scalar?.string, LessonIdentifier.isValid(text) {
                    id = text
                } else {
                    problem(entry.line, entry.column, "the lesson id is not a valid id",
                            "use letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `id: identity-block`")
                }
            case "title":
                if let text = entry.value.scalar?.string, !text.isEmpty {
                    title = text
                } else {
                    problem(entry.line, entry.column, "`title` must be a line of text", "write e.g. `title: The identity block`")
                }
            case "order":
                if let number = entry.value.int {
                    order = number
                } else {
                    problem(entry.line, entry.column, "`order` must be a whole number", "write e.g. `order: 3`")
                }
            case "objectives", "plugins":
                if let list = stringList(entry.value) {
                    if entry.key == "objectives" { objectives = list } else { plugins = list }
                } else {
                    problem(entry.line, entry.column, "`\(entry.key)` must be a list of text items",
                            "write one `  - item` line per item, or `\(entry.key): [a, b]`")
                }
            default:
                problem(entry.line, entry.column, "unknown front matter key `\(entry.key)`",
                        "use only: \(LessonFrontMatter.knownKeys.joined(separator: ", "))")
            }
        }
        guard block.isMapping else { return (nil, block.closingLine + 1) }
        let required: [(String, Bool)] = [("id", id != nil), ("title", title != nil), ("order", order != nil)]
        let alreadyReported = Set(block.entries.map(\.key))
        for (key, present) in required where !present && !alreadyReported.contains(key) {
            problem(1, 1, "the front matter has no `\(key)`", "add a `\(key):` line between the `---` lines")
        }
        guard let id, let title, let order else { return (nil, block.closingLine + 1) }
        return (LessonFrontMatter(id: id, title: title, order: order, objectives: objectives, plugins: plugins),
                block.closingLine + 1)
    }

    private static func stringList(_ node: Node) -> [String]? {
        guard let sequence = node.sequence else { return nil }
        var items: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else { return nil }
            items.append(text)
        }
        return items
    }
}

/// The spelling rule shared by lesson, exercise, cell and test ids.
enum LessonIdentifier {
    /// Letters, digits, `-`, `_` and `.`, starting with a letter or a digit.
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}
