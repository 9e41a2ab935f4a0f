import ResLab

/// Lessons and a small plugin for the notebook session tests (plain lesson language: no engine).
enum SessionFixtures {
    /// A lesson whose cells are `cells` in order, each fenced as ```` ```swift INFO ````.
    static func lesson(_ cells: [(info: String, code: String)], file: String = "lesson.md") throws -> Lesson {
        var text = "---\nid: session-test\ntitle: Session test\norder: 1\n---\n# Session test\n"
        for cell in cells {
            text += "\nSome prose.\n\n```swift\(cell.info.isEmpty ? "" : " " + cell.info)\n\(cell.code)\n```\n"
        }
        return try Lesson.parse(text, file: file)
    }

    /// Plain code cells.
    static func lesson(codes: [String]) throws -> Lesson {
        try lesson(codes.map { (info: "", code: $0) })
    }

    /// A session on `lesson` with the test plugin installed.
    static func session(_ lesson: Lesson) throws -> NotebookSession {
        let host = PluginHost()
        try host.install(TestPlugin())
        return NotebookSession(lesson: lesson, host: host)
    }
}

/// `Bars([1.0, 2.0])`: a value with a `shape` and a renderer whose HTML form is an SVG document;
/// `stopSoon()` raises the session's cancellation, as Ctrl-C would, so a loop calling it is
/// interrupted at its next step.
final class TestPlugin: ResLabPlugin {
    struct Bars { var values: [Double] }

    let name = "session-test"
    let version = "1.0.0"

    func register(with registrar: PluginRegistrar) throws {
        try registrar.defineType(Bars.self, name: "Bars") { type in
            type.initializer([NativeParameter("_", .array(.double))]) { args, _ in
                Bars(values: try args.array(0).map { try $0.asDouble() })
            }
            .property("shape", .array(.int), get: { .array([.int($0.values.count)]) })
            .display { "Bars(\($0.values))" }
        }
        try registrar.renderer(ValueRenderer(
            typeName: "Bars",
            terminal: { value, width, _ in "bars drawn in \(width) columns: \(value)" },
            html: { value in "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>\(value)</title></svg>" }))
        try registrar.function("stopSoon", []) { _, context in
            context.cancellation.cancel()
            return .void
        }
    }
}
