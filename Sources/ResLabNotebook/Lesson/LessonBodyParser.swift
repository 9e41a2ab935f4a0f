/// Reads the Markdown body of a lesson (or of its hidden tests file) into prose, cells and hints.
///
/// cmark-gfm finds the blocks; this walks its top-level blocks, takes fenced ```` ```swift ```` and
/// ```` ```hint ```` blocks as cells and hints, and reads their settings from the fence line. Cross
/// checks that need the whole lesson (unknown exercises, duplicate ids, points) are `LessonParser`'s.
struct LessonBodyParser {
    /// A test cell read from the body, before its id is known.
    struct PendingTest {
        var explicitID: String?
        var exerciseID: String
        var exerciseColumn: Int
        var points: Int
        var message: String
        var timeout: Double?
        var source: CellSource
        var fenceLocation: SourceLocation
        /// Position of the test's cell among the lesson's cells (nil in the hidden tests file).
        var cellNumber: Int?
    }

    /// A hint before it is numbered among its exercise's hints.
    struct PendingHint {
        var exerciseID: String
        var exerciseColumn: Int
        var markdown: String
        var location: SourceLocation
    }

    /// An item in file order; cells, tests and hints are finished by `LessonParser`.
    enum PendingItem {
        case prose(Prose)
        /// A code cell or a plugin cell.
        case code(Cell)
        case exercise(Cell, SolutionRegions, title: String?, points: Int?)
        case test(Cell, PendingTest)
        case hint(PendingHint)
    }

    let file: String
    let lines: [String]
    /// The hidden tests file holds only test cells.
    let isHiddenTestsFile: Bool
    var diagnostics: [LessonDiagnostic] = []
    var items: [PendingItem] = []
    private var cellCount = 0

    init(file: String, lines: [String], bodyStartLine: Int, isHiddenTestsFile: Bool) {
        self.file = file
        self.lines = lines
        self.isHiddenTestsFile = isHiddenTestsFile
        // Blank out the front matter rather than cut it, so that cmark's line numbers are the file's.
        let body = lines.enumerated().map { $0.offset + 1 < bodyStartLine ? "" : $0.element }
        let blocks = MarkdownParser.parse(body.joined(separator: "\n") + "\n")
        read(blocks, bodyStartLine: bodyStartLine)
    }

    // MARK: - Walking the blocks

    private mutating func read(_ blocks: [MarkdownTopLevelBlock], bodyStartLine: Int) {
        var proseBlocks: [MarkdownTopLevelBlock] = []
        var proseStart = bodyStartLine
        for top in blocks {
            guard case let .codeBlock(code) = top.block, code.isFenced,
                  code.language == "swift" || code.language == "hint" else {
                reportNestedCells(in: top.block)
                proseBlocks.append(top)
                continue
            }
            flushProse(proseBlocks, from: proseStart, to: top.startLine - 1)
            proseBlocks = []
            proseStart = top.endLine + 1
            readFencedBlock(code)
        }
        flushProse(proseBlocks, from: proseStart, to: lines.count)
    }

    /// Records the prose between two cells: the file's lines as written (blank lines at either end
    /// dropped), and the blocks cmark found there.
    private mutating func flushProse(_ blocks: [MarkdownTopLevelBlock], from start: Int, to end: Int) {
        guard !isHiddenTestsFile, start <= end else { return }
        var first = start
        var last = end
        while first <= last, lines[first - 1].trimmed().isEmpty { first += 1 }
        while last >= first, lines[last - 1].trimmed().isEmpty { last -= 1 }
        guard first <= last else { return }
        items.append(.prose(Prose(markdown: lines[(first - 1)...(last - 1)].joined(separator: "\n"),
                                  blocks: blocks.map(\.block), startLine: first, endLine: last)))
    }

    /// A ```` ```swift exercise ```` fence inside a list or a quote would look like a cell but never run.
    private mutating func reportNestedCells(in block: MarkdownBlock) {
        switch block {
        case let .blockQuote(children):
            children.forEach { reportNestedCells(in: $0) }
        case let .list(list):
            list.items.joined().forEach { reportNestedCells(in: $0) }
        case let .codeBlock(code) where code.isFenced && (code.language == "swift" || code.language == "hint")
            && code.info.trimmed() != code.language:
            problem(line: code.startLine, column: lines[code.startLine - 1].leadingIndentation.count + 1,
                    "this `\(code.language)` block is inside a list or a quote, so it is not a cell",
                    "start the fence at the beginning of a line, outside lists and quotes (or drop its settings if it is only an illustration)")
        default:
            break
        }
    }

    private mutating func readFencedBlock(_ code: MarkdownCodeBlock) {
        let fenceLine = lines[code.startLine - 1]
        let closing = code.endLine > code.startLine ? lines[code.endLine - 1].trimmed() : ""
        let isClosed = code.endLine > code.startLine && closing.count >= code.fenceLength
            && closing.allSatisfy { $0 == code.fenceCharacter }
        guard isClosed else {
            problem(line: code.startLine, column: code.fenceIndent + 1, "the code fence opened here is never closed",
                    "add a line `\(String(repeating: code.fenceCharacter, count: code.fenceLength))` after the cell's last line")
            return
        }
        let info: InfoString
        do {
            info = try InfoString(fenceLine: fenceLine, fenceLength: code.fenceLength)
        } catch let error as InfoString.SyntaxError {
            problem(line: code.startLine, column: error.column, error.message, error.fix)
            return
        } catch {
            return
        }
        var content = code.literal
        if content.hasSuffix("\n") { content.removeLast() }
        let source = CellSource(text: content, file: file, firstLine: code.startLine + 1, columnOffset: code.fenceIndent)
        let location = SourceLocation(file: file, line: code.startLine, column: code.fenceIndent + 1)
        let infoText = String(fenceLine.trimmed().drop { $0 == code.fenceCharacter }).trimmed()
        var settings = Settings(info: info)
        if code.language == "hint" {
            readHint(content: content, location: location, settings: &settings)
        } else {
            readCell(source: source, location: location, endLine: code.endLine, infoText: infoText, settings: &settings)
        }
        guard let allowed = settings.allowed else { return }
        for (key, column) in settings.unknownKeys {
            problem(line: code.startLine, column: column, "unknown setting `\(key)` for this cell",
                    "use only: \(allowed.joined(separator: ", "))")
        }
        for (key, column) in settings.repeatedKeys {
            problem(line: code.startLine, column: column, "`\(key)` is given twice", "keep one `\(key)=`")
        }
    }

    // MARK: - Cells

    private mutating func readCell(source: CellSource, location: SourceLocation, endLine: Int, infoText: String,
                                   settings: inout Settings) {
        let line = location.line
        var role = Cell.Role.code
        var roleColumn = 0
        var isOptional = false
        for (word, column) in settings.words {
            if word == "optional" {
                isOptional = true
            } else if word == "hidden" {
                problem(line: line, column: column, "hidden tests do not go in the lesson itself",
                        "move this test cell into the hidden tests file beside the lesson (LESSON.hidden.md), without `hidden`")
            } else if roleColumn != 0 {
                problem(line: line, column: column,
                        "a cell has one role, and this one already is `\(role.name)`; `\(word)` is a second role or an unknown flag",
                        "keep one of the roles `\(role.name)` and `\(word)`; the only flag is `optional`")
            } else {
                // A word that is not a built-in role names a plugin's role; whether a loaded plugin
                // registers it is checked where the plugins are known (`Lesson.checkCellRoles`).
                role = Cell.Role(builtInName: word) ?? .plugin(word)
                roleColumn = column
            }
        }
        if isHiddenTestsFile, role != .test {
            problem(line: line, column: max(roleColumn, 1), "the hidden tests file holds only test cells",
                    "make this a `test` cell, or move it into the lesson")
            return
        }
        if isOptional, role != .code {
            problem(line: line, column: 1, "only plain code cells can be `optional`",
                    "remove `optional`; exercises and tests always run when checked")
        }
        if role != .exercise { reportMarkers(in: source, role: role) }
        cellCount += 1
        var cell = Cell(number: isHiddenTestsFile ? 0 : cellCount, role: role, id: nil, exerciseID: nil,
                        isOptional: isOptional, source: source, fenceLocation: location, endLine: endLine,
                        infoString: infoText,
                        roleLocation: roleColumn == 0 ? nil : SourceLocation(file: file, line: line, column: roleColumn))
        switch role {
        case .plugin:
            // Every setting is the plugin's to read; only repeats are the format's business.
            cell.settings = settings.takeAll()
            settings.allowed = []
            items.append(.code(cell))
        case .code:
            settings.allowed = ["id"]
            cell.id = identifier(settings.take("id"), line: line, what: "cell id")
            items.append(.code(cell))
        case .exercise:
            settings.allowed = ["id", "title", "points"]
            let title = settings.take("title")?.value
            let points = number(settings.take("points"), line: line)
            guard let id = identifier(settings.take("id"), line: line, what: "exercise id") else {
                if !settings.has("id") {
                    problem(line: line, column: roleColumn, "an exercise cell needs an id",
                            "add `id=NAME` after `exercise`, e.g. ```swift exercise id=identity-block points=3")
                }
                return
            }
            cell.id = id
            cell.exerciseID = id
            var regionProblems: [(line: Int, column: Int, message: String, fix: String)] = []
            let regions = SolutionRegions(lines: source.text.splitLines(),
                                          lineNumbers: source.lineNumbers, problems: &regionProblems)
            for found in regionProblems {
                problem(line: found.line, column: found.column + source.columnOffset, found.message, found.fix)
            }
            items.append(.exercise(cell, regions, title: title, points: points))
        case .test:
            settings.allowed = ["exercise", "points", "message", "id", "timeout"]
            let exercise = settings.take("exercise")
            let points = number(settings.take("points"), line: line)
            let message = settings.take("message")
            let explicitID = identifier(settings.take("id"), line: line, what: "test id")
            var timeout: Double?
            if let raw = settings.take("timeout") {
                if let seconds = Double(raw.value), seconds > 0, seconds.isFinite {
                    timeout = seconds
                } else {
                    problem(line: line, column: raw.column, "`timeout=\(raw.value)` is not a number of seconds",
                            "write a positive number of seconds, e.g. timeout=10")
                }
            }
            let missing = [("exercise", exercise == nil, "exercise=identity-block"),
                           ("points", points == nil && !settings.has("points"), "points=1"),
                           ("message", message == nil, "message=\"The output shape is wrong\"")]
            for (key, isMissing, example) in missing where isMissing {
                problem(line: line, column: max(roleColumn, 1), "a test cell needs `\(key)=`", "add e.g. `\(example)` to the fence line")
            }
            guard let exercise, let points, let message else { return }
            if message.value.trimmed().isEmpty {
                problem(line: line, column: message.column, "the test's message is empty",
                        "say what the learner got wrong, e.g. message=\"The output shape is wrong\"")
            }
            cell.exerciseID = exercise.value
            cell.id = explicitID
            items.append(.test(cell, PendingTest(
                explicitID: explicitID, exerciseID: exercise.value, exerciseColumn: exercise.column, points: points,
                message: message.value, timeout: timeout, source: source, fenceLocation: location,
                cellNumber: isHiddenTestsFile ? nil : cell.number)))
        }
    }

    private mutating func readHint(content: String, location: SourceLocation, settings: inout Settings) {
        if isHiddenTestsFile {
            problem(line: location.line, column: 1, "the hidden tests file holds only test cells", "move this hint into the lesson")
            return
        }
        settings.allowed = ["exercise"]
        for (word, column) in settings.words {
            problem(line: location.line, column: column, "a hint takes no flag `\(word)`", "write ```hint exercise=EXERCISE-ID")
        }
        guard let exercise = settings.take("exercise") else {
            problem(line: location.line, column: location.column, "a hint needs `exercise=`",
                    "name the exercise it helps with: ```hint exercise=identity-block")
            return
        }
        items.append(.hint(PendingHint(exerciseID: exercise.value, exerciseColumn: exercise.column,
                                       markdown: content, location: location)))
    }

    /// Solution markers belong in exercise cells only; elsewhere release would not strip them.
    private mutating func reportMarkers(in source: CellSource, role: Cell.Role) {
        for (offset, text) in source.text.splitLines().enumerated() {
            let line = String(text)
            guard let marker = SolutionRegions.Marker.exact(line) ?? SolutionRegions.Marker.nearMiss(line) else { continue }
            problem(line: source.lineNumbers[offset], column: line.leadingIndentation.count + 1 + source.columnOffset,
                    "`// \(marker.rawValue)` in \(role.pluginRoleName.map { "a plugin cell (`\($0)`)" } ?? "a \(role.name) cell")", "solution and template regions go only in exercise cells")
        }
    }

    // MARK: - Values

    private mutating func identifier(_ setting: (value: String, column: Int)?, line: Int, what: String) -> String? {
        guard let setting else { return nil }
        guard LessonIdentifier.isValid(setting.value) else {
            problem(line: line, column: setting.column, "`\(setting.value)` is not a valid \(what)",
                    "use letters, digits, `-`, `_` and `.`, starting with a letter or digit")
            return nil
        }
        return setting.value
    }

    private mutating func number(_ setting: (value: String, column: Int)?, line: Int) -> Int? {
        guard let setting else { return nil }
        guard let value = Int(setting.value), value >= 0 else {
            problem(line: line, column: setting.column, "`points=\(setting.value)` is not a whole number of points",
                    "write a whole number, 0 or more, e.g. points=2")
            return nil
        }
        return value
    }

    mutating func problem(line: Int, column: Int, _ message: String, _ fix: String) {
        diagnostics.append(LessonDiagnostic(location: SourceLocation(file: file, line: line, column: column),
                                            message: message, fix: fix,
                                            sourceLine: line >= 1 && line <= lines.count ? lines[line - 1] : nil))
    }
}

/// The words and settings of one fence line, taken one by one so that leftovers can be reported.
private struct Settings {
    var words: [(String, Int)] = []
    private var values: [String: (value: String, column: Int)] = [:]
    private var order: [String] = []
    private var repeats: [(String, Int)] = []
    private var taken: Set<String> = []
    /// The keys the cell's role accepts; nil until the role is known (then nothing is reported).
    var allowed: [String]?

    init(info: InfoString) {
        for token in info.tokens {
            switch token.kind {
            case let .word(word):
                words.append((word, token.column))
            case let .setting(key, value):
                if values[key] == nil {
                    values[key] = (value, token.column)
                    order.append(key)
                } else {
                    repeats.append((key, token.column))
                }
            }
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    mutating func take(_ key: String) -> (value: String, column: Int)? {
        taken.insert(key)
        return values[key]
    }

    /// Every setting (the first of a repeated key), as a plugin cell hands them on.
    mutating func takeAll() -> [String: String] {
        taken.formUnion(order)
        return values.mapValues(\.value)
    }

    /// Keys the role does not accept, with their columns.
    var unknownKeys: [(String, Int)] {
        order.compactMap { key in
            guard !taken.contains(key), let value = values[key] else { return nil }
            return (key, value.column)
        }
    }

    /// Keys given more than once, with the column of each repeat.
    var repeatedKeys: [(String, Int)] { repeats }
}
