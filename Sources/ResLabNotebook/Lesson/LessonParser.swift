import Foundation

/// Where the hidden tests of a lesson come from.
public enum HiddenTestsSource: Equatable, Sendable {
    /// Not loaded (the learner's view: public tests only).
    case none
    /// `LESSON.hidden.md` beside the lesson, when that file exists.
    case besideIfPresent
    /// This file, which must exist (`reslab grade --hidden FILE`).
    case file(String)
}

extension Lesson {
    /// The hidden tests file that belongs beside `lessonPath`: `NAME.md` → `NAME.hidden.md`.
    public static func hiddenTestsPath(forLessonAt lessonPath: String) -> String {
        let base = lessonPath.hasSuffix(".md") ? String(lessonPath.dropLast(3)) : lessonPath
        return base + ".hidden.md"
    }

    /// Reads and parses the lesson at `path` (named in diagnostics as given).
    ///
    /// - Throws: `LessonError.unreadable` when a file cannot be read, `LessonError.malformed` with every
    ///   problem found otherwise.
    public static func load(path: String, hiddenTests: HiddenTestsSource = .none) throws -> Lesson {
        let text = try readText(path)
        var hidden: (text: String, file: String)?
        switch hiddenTests {
        case .none:
            break
        case .besideIfPresent:
            let hiddenPath = hiddenTestsPath(forLessonAt: path)
            if FileManager.default.fileExists(atPath: hiddenPath) {
                hidden = (try readText(hiddenPath), hiddenPath)
            }
        case let .file(hiddenPath):
            hidden = (try readText(hiddenPath), hiddenPath)
        }
        return try parse(text, file: path, hiddenTests: hidden)
    }

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a folder" : "permission denied"
            throw LessonError.unreadable(file: path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError.unreadable(file: path, reason: "the file is not UTF-8 text")
        }
        // A byte order mark would hide the front matter's first `---`.
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Parses lesson text. `file` names the lesson in diagnostics and cell locations; `hiddenTests`
    /// is the text of the hidden tests file and its name, when they are to be loaded.
    public static func parse(_ text: String, file: String, hiddenTests: (text: String, file: String)? = nil) throws -> Lesson {
        var assembler = LessonAssembler(text: text, file: file)
        if let hiddenTests {
            assembler.addHiddenTests(text: hiddenTests.text, file: hiddenTests.file)
        }
        return try assembler.finish()
    }
}

/// Puts a lesson together from its body and hidden tests, and runs the checks that need all of them.
private struct LessonAssembler {
    let file: String
    let lines: [String]
    var diagnostics: [LessonDiagnostic] = []
    var hiddenDiagnostics: [LessonDiagnostic] = []
    let frontMatter: LessonFrontMatter?
    let body: LessonBodyParser
    var hidden: LessonBodyParser?

    init(text: String, file: String) {
        self.file = file
        lines = text.fileLines()
        let (frontMatter, bodyStart) = LessonFrontMatter.parse(lines: lines, file: file, diagnostics: &diagnostics)
        self.frontMatter = frontMatter
        body = LessonBodyParser(file: file, lines: lines, bodyStartLine: bodyStart, isHiddenTestsFile: false)
        diagnostics += body.diagnostics
    }

    /// The hidden tests file may open with front matter naming its lesson (`lesson: ID`), checked here.
    mutating func addHiddenTests(text: String, file hiddenFile: String) {
        let hiddenLines = text.fileLines()
        var bodyStart = 1
        if let block = FrontMatterBlock.read(lines: hiddenLines, file: hiddenFile, diagnostics: &hiddenDiagnostics) {
            bodyStart = block.closingLine + 1
            for entry in block.entries {
                let location = SourceLocation(file: hiddenFile, line: entry.line, column: entry.column)
                if entry.key != "lesson" {
                    hiddenDiagnostics.append(LessonDiagnostic(
                        location: location, message: "unknown front matter key `\(entry.key)` in a hidden tests file",
                        fix: "the hidden tests file's front matter holds only `lesson: LESSON-ID`",
                        sourceLine: hiddenLines[entry.line - 1]))
                } else if let frontMatter, entry.value.scalar?.string != frontMatter.id {
                    hiddenDiagnostics.append(LessonDiagnostic(
                        location: location,
                        message: "these hidden tests are for lesson `\(entry.value.scalar?.string ?? "?")`, not `\(frontMatter.id)`",
                        fix: "give the hidden tests file of lesson `\(frontMatter.id)`", sourceLine: hiddenLines[entry.line - 1]))
                }
            }
        }
        let parser = LessonBodyParser(file: hiddenFile, lines: hiddenLines, bodyStartLine: bodyStart, isHiddenTestsFile: true)
        hiddenDiagnostics += parser.diagnostics
        hidden = parser
    }

    mutating func finish() throws -> Lesson {
        var items: [LessonItem] = []
        var exercises: [Exercise] = []
        var exerciseIndex: [String: Int] = [:]
        var idLocations: [String: SourceLocation] = [:]

        func claim(_ id: String, at location: SourceLocation, column: Int, in parser: LessonBodyParser) {
            if let previous = idLocations[id] {
                let where_ = previous.file == location.file ? "line \(previous.line)" : "\(previous.file):\(previous.line)"
                report(parser, LessonDiagnostic(
                    location: SourceLocation(file: location.file, line: location.line, column: column),
                    message: "the id `\(id)` is already used on \(where_)", fix: "give each cell, exercise and test its own id"))
            } else {
                idLocations[id] = location
            }
        }

        // Exercises first, so that tests and hints may come before or after their exercise; ids are
        // claimed in file order below.
        for case let .exercise(cell, regions, title, points) in body.items {
            guard let id = cell.id else { continue }
            let template = regions.regionCount == 0 ? cell.source
                : CellSource(lines: regions.template, file: file, fallbackLine: cell.fenceLocation.line + 1,
                             columnOffset: cell.source.columnOffset)
            if exerciseIndex[id] == nil {
                exerciseIndex[id] = exercises.count
                exercises.append(Exercise(id: id, title: title, declaredPoints: points, cellNumber: cell.number,
                                          fenceLocation: cell.fenceLocation,
                                          source: cell.source, template: template,
                                          hasReferenceSolution: regions.regionCount > 0, tests: [], hiddenTests: [],
                                          hints: [], solutionLines: regions.solutionLines,
                                          solutionLineNumbers: regions.solutionLineNumbers))
            }
        }
        let known = exercises.map(\.id)

        func resolve(_ exerciseID: String, line: Int, column: Int, in parser: LessonBodyParser, what: String) -> Int? {
            if let index = exerciseIndex[exerciseID] { return index }
            report(parser, LessonDiagnostic(
                location: SourceLocation(file: parser.file, line: line, column: column),
                message: "\(what) names exercise `\(exerciseID)`, which no exercise cell defines",
                fix: known.isEmpty ? "add an exercise cell: ```swift exercise id=\(exerciseID)"
                    : "use one of: \(known.joined(separator: ", "))",
                sourceLine: parser.lines[line - 1]))
            return nil
        }

        func addTest(_ pending: LessonBodyParser.PendingTest, hidden isHidden: Bool, parser: LessonBodyParser) -> TestCase? {
            guard let index = resolve(pending.exerciseID, line: pending.fenceLocation.line, column: pending.exerciseColumn,
                                      in: parser, what: isHidden ? "this hidden test" : "this test") else { return nil }
            let siblings = isHidden ? exercises[index].hiddenTests.count : exercises[index].tests.count
            let id = pending.explicitID ?? "\(pending.exerciseID).\(isHidden ? "hidden" : "test")-\(siblings + 1)"
            claim(id, at: pending.fenceLocation, column: pending.fenceLocation.column, in: parser)
            let test = TestCase(id: id, exerciseID: pending.exerciseID, points: pending.points, message: pending.message,
                                timeout: pending.timeout, isHidden: isHidden, source: pending.source,
                                fenceLocation: pending.fenceLocation)
            if isHidden {
                exercises[index].hiddenTests.append(test)
            } else {
                exercises[index].tests.append(test)
            }
            return test
        }

        for item in body.items {
            switch item {
            case let .prose(prose):
                items.append(.prose(prose))
            case let .code(cell):
                if let id = cell.id {
                    claim(id, at: cell.fenceLocation, column: column(of: "id=", in: cell, default: 1), in: body)
                }
                items.append(.cell(cell))
            case let .exercise(cell, _, _, _):
                if let id = cell.id {
                    claim(id, at: cell.fenceLocation, column: column(of: "id=", in: cell, default: 1), in: body)
                }
                items.append(.cell(cell))
            case let .test(cell, pending):
                var cell = cell
                if let test = addTest(pending, hidden: false, parser: body) {
                    cell.id = test.id
                }
                items.append(.cell(cell))
            case let .hint(pending):
                guard let index = resolve(pending.exerciseID, line: pending.location.line, column: pending.exerciseColumn,
                                          in: body, what: "this hint") else { continue }
                let hint = Hint(exerciseID: pending.exerciseID, number: exercises[index].hints.count + 1,
                                markdown: pending.markdown, blocks: MarkdownParser.parseBlocks(pending.markdown),
                                location: pending.location)
                exercises[index].hints.append(hint)
                items.append(.hint(hint))
            }
        }
        if let hidden {
            for case let .test(_, pending) in hidden.items {
                _ = addTest(pending, hidden: true, parser: hidden)
            }
        }
        checkPoints(exercises)

        guard let frontMatter, diagnostics.isEmpty, hiddenDiagnostics.isEmpty else {
            let ordered = diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
                + hiddenDiagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
            throw LessonError.malformed(ordered)
        }
        return Lesson(file: file, frontMatter: frontMatter, items: items, exercises: exercises,
                      hiddenTestsFile: hidden?.file, sourceLines: lines)
    }

    /// Declared exercise points must match the tests: exactly when the hidden tests are loaded, and at
    /// least the public tests' points otherwise (the hidden ones may make up the rest).
    private mutating func checkPoints(_ exercises: [Exercise]) {
        for exercise in exercises {
            let location = exercise.fenceLocation
            let line = location.line
            let publicPoints = exercise.tests.reduce(0) { $0 + $1.points }
            if hidden != nil, exercise.tests.isEmpty, exercise.hiddenTests.isEmpty {
                diagnostics.append(LessonDiagnostic(
                    location: location, message: "exercise `\(exercise.id)` has no tests",
                    fix: "add a test cell: ```swift test exercise=\(exercise.id) points=1 message=\"...\"",
                    sourceLine: lines[line - 1]))
            }
            guard let declared = exercise.declaredPoints, !(exercise.tests + exercise.hiddenTests).isEmpty else { continue }
            if hidden != nil, declared != exercise.totalPoints {
                diagnostics.append(LessonDiagnostic(
                    location: location,
                    message: "exercise `\(exercise.id)` declares points=\(declared) but its tests give \(exercise.totalPoints)"
                        + " (\(publicPoints) public, \(exercise.totalPoints - publicPoints) hidden)",
                    fix: "make points= on the exercise the sum of its tests' points", sourceLine: lines[line - 1]))
            } else if hidden == nil, publicPoints > declared {
                diagnostics.append(LessonDiagnostic(
                    location: location,
                    message: "exercise `\(exercise.id)` declares points=\(declared) but its public tests already give \(publicPoints)",
                    fix: "make points= on the exercise the sum of its tests' points", sourceLine: lines[line - 1]))
            }
        }
    }

    private mutating func report(_ parser: LessonBodyParser, _ diagnostic: LessonDiagnostic) {
        var diagnostic = diagnostic
        if diagnostic.sourceLine == nil, diagnostic.location.line >= 1, diagnostic.location.line <= parser.lines.count {
            diagnostic.sourceLine = parser.lines[diagnostic.location.line - 1]
        }
        if parser.isHiddenTestsFile {
            hiddenDiagnostics.append(diagnostic)
        } else {
            diagnostics.append(diagnostic)
        }
    }

    /// The column of `key` on the cell's fence line, to point at an id.
    private func column(of key: String, in cell: Cell, default fallback: Int) -> Int {
        let line = lines[cell.fenceLocation.line - 1]
        guard let range = line.range(of: key) else { return fallback }
        return line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
    }
}
