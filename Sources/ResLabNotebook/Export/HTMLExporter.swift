/// A lesson with its outputs as one self-contained HTML page: styles inline, plots as inline SVG,
/// no scripts and nothing loaded from elsewhere; every text escaped. The page is also well-formed
/// XML, so tests (and tools) can parse it strictly.
///
/// Structure: `<header>` (title, objectives), then in lesson order `<section class="prose">`,
/// `<section class="cell cell-ROLE" id="cell-N">` (`class="cell cell-plugin" data-role="NAME"` for a
/// plugin cell) (label, `<pre class="source">`, then
/// `<div class="outputs">` with `<pre class="output">`, `<figure class="plot">` and
/// `<pre class="output error">`), and `<details class="hint">` for hints.
public enum HTMLExporter {
    public static func export(_ lesson: Lesson, transcript: [CellTranscript]) -> String {
        let byCell = Dictionary(transcript.map { ($0.cellNumber, $0) }, uniquingKeysWith: { _, last in last })
        let escape = HTMLEscaping.escape
        var body: [String] = []
        var header = "<header>\n<p class=\"lesson-id\">\(escape(lesson.id))</p>\n<h1 class=\"lesson-title\">\(escape(lesson.title))</h1>"
        if !lesson.frontMatter.objectives.isEmpty {
            header += "\n<ul class=\"objectives\">\n"
                + lesson.frontMatter.objectives.map { "<li>\(escape($0))</li>" }.joined(separator: "\n") + "\n</ul>"
        }
        body.append(header + "\n</header>")
        for item in lesson.items {
            switch item {
            case let .prose(prose):
                body.append("<section class=\"prose\">\n\(HTMLProseRenderer.render(prose.blocks))\n</section>")
            case let .hint(hint):
                body.append("<details class=\"hint\">\n<summary>Hint \(hint.number) for \(escape(hint.exerciseID))</summary>\n"
                    + HTMLProseRenderer.render(hint.blocks) + "\n</details>")
            case let .cell(cell):
                body.append(cellSection(cell, record: byCell[cell.number]))
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(escape(lesson.title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    private static func cellSection(_ cell: Cell, record: CellTranscript?) -> String {
        let escape = HTMLEscaping.escape
        var label = record?.executionCount.map { "[\($0)]" } ?? "[ ]"
        switch cell.role {
        case .code: label += cell.isOptional ? " optional" : ""
        case .exercise: label += " exercise \(cell.exerciseID ?? "")"
        case .test: label += " test for \(cell.exerciseID ?? "")"
        case .plugin(let name): label += " \(name)"
        }
        // A plugin's role is any word, so it goes in an attribute of its own rather than in a class name.
        let kind = cell.role.pluginRoleName.map { "cell-plugin\" data-role=\"\(escape($0))" } ?? "cell-\(cell.role.name)"
        var parts = [
            "<section class=\"cell \(kind)\" id=\"cell-\(cell.number)\">",
            "<div class=\"cell-label\">\(escape(label))</div>",
            "<pre class=\"source\"><code class=\"language-swift\">\(escape(record?.source ?? cell.source.text))</code></pre>",
        ]
        let outputs = record?.outputs ?? []
        if !outputs.isEmpty || record?.error != nil {
            parts.append("<div class=\"outputs\">")
            for output in outputs {
                switch output {
                case let .text(text):
                    parts.append("<pre class=\"output\">\(escape(text))</pre>")
                case let .svg(svg):
                    if let safe = SVGContent.sanitized(svg) {
                        parts.append("<figure class=\"plot\">\n\(safe)\n</figure>")
                    } else {
                        parts.append("<pre class=\"output\">[plot omitted: not a plain SVG document]</pre>")
                    }
                }
            }
            if let error = record?.error {
                parts.append("<pre class=\"output error\">\(escape(error.description))</pre>")
            }
            parts.append("</div>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// Light and dark themes follow the reader's system setting.
    static let stylesheet = """
    :root { color-scheme: light dark; --fg: #1d2125; --bg: #ffffff; --muted: #5f6b76; --code-bg: #f3f5f7;
      --border: #d5dbe1; --accent: #2463b5; --error: #b42318; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e6e9ec; --bg: #16191c; --muted: #9aa5b1;
      --code-bg: #1f2429; --border: #39424b; --accent: #7fb0f0; --error: #f97066; } }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    header { border-bottom: 1px solid var(--border); margin-bottom: 1.5rem; }
    .lesson-id { color: var(--muted); font-size: 0.85rem; margin: 0; }
    h1, h2, h3 { line-height: 1.25; }
    a { color: var(--accent); }
    code, pre { font-family: "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9rem; }
    :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { background: var(--code-bg); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto; }
    blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid var(--border); color: var(--muted); }
    table { border-collapse: collapse; }
    th, td { border: 1px solid var(--border); padding: 0.3rem 0.6rem; }
    .cell { margin: 1.25rem 0; }
    .cell-label { color: var(--muted); font-size: 0.8rem; font-family: monospace; }
    .cell-exercise .source { border-left: 3px solid var(--accent); }
    .outputs pre.output { background: transparent; border-left: 3px solid var(--border); border-radius: 0; }
    .outputs pre.error { color: var(--error); border-left-color: var(--error); }
    figure.plot { margin: 0.5rem 0; }
    figure.plot svg { max-width: 100%; height: auto; }
    details.hint { border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
    details.hint summary { cursor: pointer; color: var(--accent); }
    """
}
