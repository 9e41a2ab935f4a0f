import ResLab
import Testing

/// Cells whose role a plugin registers (```` ```swift echo n=3 ````): parsed without knowing the
/// plugins, checked against a host's roles, and run by the session through the role's `run`.
@Suite struct PluginCellTests {
    /// A lesson `plugin-cells.md`: front matter (with `plugins` when given), then each cell after a
    /// line of prose. Cell K (from 1) has its fence on line 10 + 6·(K−1), its first code line after.
    static func lesson(_ cells: [(info: String, code: String)], plugins: [String] = []) throws -> Lesson {
        try Lesson.parse(text(cells, plugins: plugins), file: "plugin-cells.md")
    }

    static func text(_ cells: [(info: String, code: String)], plugins: [String] = []) -> String {
        let declared = plugins.isEmpty ? "order: 1" : "plugins: [\(plugins.joined(separator: ", "))]"
        // Six lines before the cells either way, so that the fence lines stay where the tests say.
        var text = "---\nid: plugin-cells\ntitle: Plugin cells\n\(plugins.isEmpty ? "" : "order: 1\n")\(declared)\n---\n"
        if plugins.isEmpty { text += "\n" }
        for cell in cells {
            text += "\nProse.\n\n```swift \(cell.info)\n\(cell.code)\n```\n"
        }
        return text
    }

    static func host() throws -> PluginHost {
        let host = PluginHost()
        try host.install(RolePlugin())
        return host
    }

    /// Lines of every diagnostic of `body`, as `file:line:column message`.
    static func problems(_ error: Error) -> [String] {
        (error as? LessonError)?.diagnostics.map {
            "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)"
        } ?? ["unexpected \(error)"]
    }

    // MARK: - Parsing

    @Test func aWordThatIsNotABuiltInRoleNamesAPluginRoleAndKeepsEverySetting() throws {
        let lesson = try Self.lesson([(info: "echo label=\"two words\" n=3", code: "hello")])
        let cell = try #require(lesson.cells.first)
        #expect(cell.role == .plugin("echo"))
        #expect(cell.role.name == "echo")
        #expect(cell.settings == ["label": "two words", "n": "3"])
        // "```swift echo": the fence takes columns 1–3, `swift` 4–8, `echo` starts at 10.
        #expect(cell.roleLocation == SourceLocation(file: "plugin-cells.md", line: 10, column: 10))
        #expect(cell.source.text == "hello")
        #expect(cell.id == nil)
        #expect(!cell.isOptional)
        #expect(Cell.Role(builtInName: "exercise") == .exercise)
        #expect(Cell.Role(builtInName: "echo") == nil)
        #expect(Cell.Role.builtIn.map(\.name) == ["code", "exercise", "test"])
    }

    @Test func builtInCellsKeepNoSettingsAndPlainCodeCellsNoRoleLocation() throws {
        let lesson = try Self.lesson([(info: "", code: "let a = 1"), (info: "code id=b", code: "let b = 2")])
        #expect(lesson.cells.map(\.role) == [.code, .code])
        #expect(lesson.cells.map(\.settings) == [[:], [:]])
        #expect(lesson.cells[0].roleLocation == nil)
        #expect(lesson.cells[1].roleLocation?.column == 10)
        #expect(lesson.cells[1].id == "b")
    }

    @Test func theFormatsOwnRulesStillHoldForPluginCells() {
        let twoRoles = Self.text([(info: "echo show", code: "x")])
        #expect(throws: LessonError.self) { try Lesson.parse(twoRoles, file: "plugin-cells.md") }
        do {
            _ = try Lesson.parse(twoRoles, file: "plugin-cells.md")
        } catch {
            // `show` starts at column 15 of "```swift echo show".
            #expect(Self.problems(error) == [
                "plugin-cells.md:10:15 a cell has one role, and this one already is `echo`; `show` is a second role or an unknown flag",
            ])
        }
        let others = Self.text([(info: "echo n=1 n=2", code: "x"), (info: "echo optional", code: "y"),
                                (info: "echo", code: "// BEGIN SOLUTION")])
        do {
            _ = try Lesson.parse(others, file: "plugin-cells.md")
            Issue.record("the lesson should not parse")
        } catch {
            #expect(Self.problems(error) == [
                "plugin-cells.md:10:19 `n` is given twice",
                "plugin-cells.md:16:1 only plain code cells can be `optional`",
                "plugin-cells.md:23:1 `// BEGIN SOLUTION` in a plugin cell (`echo`)",
            ])
        }
    }

    // MARK: - Checking the roles against a host

    @Test func rolesThatALoadedPluginRegistersPass() throws {
        let lesson = try Self.lesson([(info: "echo", code: "x"), (info: "show", code: "1 + 1")])
        try lesson.checkCellRoles(against: try Self.host())
        #expect(lesson.cells.compactMap { lesson.unknownRoleDiagnostic(for: $0, host: PluginHost()) }.count == 2)
    }

    @Test func anUnknownRoleNamesTheFileLineRoleAndTheKnownRoles() throws {
        let lesson = try Self.lesson([(info: "", code: "let a = 1"), (info: "eccho n=2", code: "a")])
        #expect(throws: LessonError.self) { try lesson.checkCellRoles(against: try Self.host()) }
        let diagnostic = try #require(lesson.unknownRoleDiagnostic(for: lesson.cells[1], host: try Self.host()))
        #expect(diagnostic.description == """
        plugin-cells.md:16:10: error: unknown cell role `eccho`: no loaded plugin registers it
            ```swift eccho n=2
                     ^
            fix: perhaps `echo` was meant; if a plugin provides this role, name it in the front matter \
        (plugins: [PATH-OR-NAME]) and load it; known roles: code, exercise, test (built in), \
        broken (plugin roles), echo (plugin roles), show (plugin roles)
        """)
    }

    @Test func anUnknownRoleSaysWhichDeclaredPluginsAreNotLoaded() throws {
        let lesson = try Self.lesson([(info: "histogram bins=4", code: "t")], plugins: ["roles", "histogram", "plugins/libExtra.so"])
        let diagnostic = try #require(lesson.unknownRoleDiagnostic(for: lesson.cells[0], host: try Self.host()))
        // `roles` is loaded; a bare name and a library path that are not, are named.
        #expect(diagnostic.fix == "load the plugins the lesson declares, `histogram`, `plugins/libExtra.so` "
                + "(reslab --plugin PATH, :plugin load PATH, or the plugins folder); known roles: code, exercise, "
                + "test (built in), broken (plugin roles), echo (plugin roles), show (plugin roles)")
        #expect(lesson.declaredPluginsNotLoaded(by: try Self.host()) == ["histogram", "plugins/libExtra.so"])
        // A misspelt flag reads as a role; the fix names the flag.
        let misspelt = try Self.lesson([(info: "optinal", code: "let a = 1")])
        let flag = try #require(misspelt.unknownRoleDiagnostic(for: misspelt.cells[0], host: PluginHost()))
        #expect(flag.fix.hasPrefix("perhaps `optional` was meant;"))
        // Paths are relative to the lesson's folder.
        let placed = try Lesson.parse(Self.text([]), file: "/course/plugin-cells.md")
        #expect(placed.pluginLibraryPath(forDeclaredPlugin: "plugins/libExtra.so") == "/course/plugins/libExtra.so")
        #expect(placed.pluginLibraryPath(forDeclaredPlugin: "/opt/libExtra.so") == "/opt/libExtra.so")
        #expect(placed.pluginLibraryPath(forDeclaredPlugin: "histogram") == nil)
    }

    @Test func aPluginCannotTakeABuiltInRoleOrAWordAFenceCannotCarry() {
        for (name, reason) in [("test", "which the lesson format reserves"), ("two words", "which a fence line cannot name")] {
            let host = PluginHost()
            let error = #expect(throws: PluginCollision.self) { try host.install(SingleRolePlugin(roleName: name)) }
            #expect(error?.message.hasPrefix("plugin 'single' registers cell role '\(name)', \(reason)") == true)
            #expect(host.cellRoles.isEmpty)
        }
    }

    // MARK: - Running

    @Test func thePluginsTextIsTheCellsOutputAndTheRunIsCounted() throws {
        let lesson = try Self.lesson([(info: "", code: "let a = 1"), (info: "echo label=\"two words\" n=3", code: "hello")])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        session.outputWidth = 50
        var streamed: [String] = []
        session.outputSink = { streamed.append($0) }
        let executions = session.runAll(includeOptional: false)
        #expect(executions.map(\.executionCount) == [1, 2])
        let run = executions[1]
        #expect(run.succeeded)
        #expect(run.value == nil)
        // The role's text, ending in a line break it did not write itself.
        #expect(run.outputs == [.text("label=two words n=3 | width 50 | hello\n")])
        #expect(streamed == ["label=two words n=3 | width 50 | hello\n"])
        #expect(session.state(ofCell: 2) == .ran(executionCount: 2))
        #expect(session.transcript.map(\.executionCount) == [1, 2])
    }

    @Test func aRoleEvaluatesItsSourceInTheSession() throws {
        let lesson = try Self.lesson([(info: "", code: "let xs = [1.0, 2.5]"), (info: "show", code: "print(\"sum\")\nxs.count * 2")])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        let executions = session.runAll(includeOptional: false)
        // What the evaluated code printed, then the role's own text.
        #expect(executions.last?.outputs == [.text("sum\nshows Int = 4\n")])
    }

    @Test func aThrowingRoleIsTheCellsErrorAtItsFenceAndTheSessionGoesOn() throws {
        let lesson = try Self.lesson([(info: "broken", code: "anything"), (info: "", code: "let after = 1")])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        let executions = session.runAll(includeOptional: false, stopAtFirstError: false)
        let error = try #require(executions.first?.error)
        #expect(error.description == "plugin-cells.md:10:10: error: the `broken` cell (plugin `roles`) failed: the role broke")
        #expect(session.state(ofCell: 1) == .failed(executionCount: 1))
        #expect(executions.last?.succeeded == true)
        #expect(executions.map(\.executionCount) == [1, 2])
    }

    @Test func anErrorInTheEvaluatedSourceIsAtItsLessonLine() throws {
        let lesson = try Self.lesson([(info: "show", code: "let y = 1\nmissing + y")])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        let error = try #require(try session.run(cell: 1).error)
        // The cell's code starts on line 11; `missing` is on its second line, column 1.
        #expect(error.location == SourceLocation(file: "plugin-cells.md", line: 12, column: 1))
        #expect(error.message.hasPrefix("cannot find 'missing' in scope"))
    }

    @Test func aRoleNoPluginRegistersFailsWhenItsCellRuns() throws {
        let lesson = try Self.lesson([(info: "histogram", code: "t")], plugins: ["histogram"])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        let error = try #require(try session.run(cell: 1).error)
        #expect(error.description.hasPrefix("""
        plugin-cells.md:10:10: error: unknown cell role `histogram`: no loaded plugin registers it
            ```swift histogram
                     ^
            fix: load the plugin the lesson declares, `histogram`
        """))
        #expect(session.state(ofCell: 1) == .failed(executionCount: 1))
    }

    @Test func aPluginCellIsStaleWhenANameItsSourceMentionsChanges() throws {
        let lesson = try Self.lesson([
            (info: "", code: "var xs = [1.0]"),
            (info: "show", code: "xs"),
            (info: "echo", code: "not code: xs ???"),
        ])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        _ = session.runAll(includeOptional: false)
        #expect((1...3).allSatisfy { session.staleReasons(ofCell: $0).isEmpty })
        session.runEntry("xs.append(2.0)")
        #expect(session.staleReasons(ofCell: 2) == [.redefined(name: "xs", by: .prompt, executionCount: 4, isDefinition: false)])
        // A source that does not read as lesson code uses no names.
        #expect(session.staleReasons(ofCell: 3).isEmpty)
        #expect(try session.run(cell: 2).outputs == [.text("shows [Double] = [1.0, 2.0]\n")])
        #expect(session.staleReasons(ofCell: 2).isEmpty)
    }

    @Test func exportsShowAPluginCellsOutput() throws {
        let lesson = try Self.lesson([(info: "echo n=3", code: "a < b")])
        let session = NotebookSession(lesson: lesson, host: try Self.host())
        _ = session.runAll(includeOptional: false)
        let markdown = MarkdownExporter.export(lesson, transcript: session.transcript)
        #expect(markdown.contains("```swift echo n=3\na < b\n```\n\n```text\nn=3 | width 80 | a < b\n```"))
        let html = HTMLExporter.export(lesson, transcript: session.transcript)
        #expect(html.contains("<section class=\"cell cell-plugin\" data-role=\"echo\" id=\"cell-1\">\n"
                              + "<div class=\"cell-label\">[1] echo</div>"))
        #expect(html.contains("<pre class=\"output\">n=3 | width 80 | a &lt; b\n</pre>"))
    }
}

/// Three roles for the tests: `echo` (its settings, the width and its source, on one line),
/// `show` (evaluates its source: `shows ECHO`), and `broken` (throws).
private final class RolePlugin: ResLabPlugin {
    let name = "roles"
    let version = "1.0.0"

    func register(with registrar: PluginRegistrar) throws {
        try registrar.cellRole(CellRole(name: "echo", summary: "Echoes.") { source, settings, context in
            let listed = settings.keys.sorted().map { "\($0)=\(settings[$0] ?? "")" }.joined(separator: " ")
            return "\(listed) | width \(context.width) | \(source)"
        })
        try registrar.cellRole(CellRole(name: "show", summary: "Evaluates.") { source, _, context in
            "shows " + (try context.evaluate(source)?.echo ?? "nothing")
        })
        try registrar.cellRole(CellRole(name: "broken", summary: "Throws.") { _, _, _ in
            throw NativeError("the role broke")
        })
    }
}

/// A plugin registering one role named `roleName`.
private final class SingleRolePlugin: ResLabPlugin {
    let name = "single"
    let version = "1.0.0"
    let roleName: String

    init(roleName: String) { self.roleName = roleName }

    func register(with registrar: PluginRegistrar) throws {
        try registrar.cellRole(CellRole(name: roleName, summary: "") { _, _, _ in "" })
    }
}
