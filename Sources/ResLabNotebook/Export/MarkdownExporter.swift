/// A lesson with its outputs as Markdown: the prose as written, each cell as its fenced block
/// (with the code that ran), then each output as a ```` ```text ```` block, each plot as an inline
/// `<svg>` inside a `<div class="plot">` HTML block, and an error as a ```` ```text ```` block
/// starting with `error:`. Hints stay as they are written; hidden tests are never part of a `Lesson`'s
/// cells, so they cannot appear.
public enum MarkdownExporter {
    public static func export(_ lesson: Lesson, transcript: [CellTranscript]) -> String {
        let byCell = Dictionary(transcript.map { ($0.cellNumber, $0) }, uniquingKeysWith: { _, last in last })
        var parts: [String] = []
        if let frontMatter = frontMatterText(lesson) { parts.append(frontMatter) }
        for item in lesson.items {
            switch item {
            case let .prose(prose):
                parts.append(prose.markdown)
            case let .hint(hint):
                parts.append(fenced(hint.markdown, info: "hint exercise=\(hint.exerciseID)"))
            case let .cell(cell):
                let record = byCell[cell.number]
                parts.append(fenced(record?.source ?? cell.source.text, info: cell.infoString))
                for output in record?.outputs ?? [] {
                    switch output {
                    case let .text(text):
                        parts.append(fenced(text.hasSuffix("\n") ? String(text.dropLast()) : text, info: "text"))
                    case let .svg(svg):
                        parts.append(plotBlock(svg))
                    }
                }
                if let error = record?.error {
                    parts.append(fenced(error.description, info: "text"))
                }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func frontMatterText(_ lesson: Lesson) -> String? {
        guard lesson.sourceLines.first?.trimmingTrailingWhitespace() == "---",
              let closing = lesson.sourceLines.indices.dropFirst().first(where: {
                  ["---", "..."].contains(lesson.sourceLines[$0].trimmingTrailingWhitespace())
              }) else { return nil }
        return lesson.sourceLines[0...closing].joined(separator: "\n")
    }

    /// `text` in a code fence one backtick longer than any backtick run inside it.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + (text.isEmpty ? "" : text + "\n") + fence
    }

    /// An HTML block must not contain a blank line (it would end there), so blank lines are dropped.
    private static func plotBlock(_ svg: String) -> String {
        let lines = SVGContent.sanitized(svg).map { $0.splitLines().filter { !$0.trimmed().isEmpty } }
        guard let lines else { return fenced("[plot omitted: not a plain SVG document]", info: "text") }
        return (["<div class=\"plot\">"] + lines + ["</div>"]).joined(separator: "\n")
    }
}

/// Plots are embedded as they are, so only plain SVG is accepted: no scripts, no foreign content,
/// no event handlers, nothing loaded from elsewhere.
enum SVGContent {
    /// The SVG without an XML declaration, or nil when it is not safe to inline.
    static func sanitized(_ svg: String) -> String? {
        var text = svg.trimmed()
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = String(text[end.upperBound...]).trimmed()
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("<svg"), lower.hasSuffix("</svg>") else { return nil }
        let forbidden = ["<script", "<foreignobject", "javascript:", "<iframe", "<image", "href=\"http", "url(http"]
        if forbidden.contains(where: lower.contains) { return nil }
        // An event handler attribute: ` on...=`.
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        if words.contains(where: { $0.hasPrefix("on") && $0.contains("=") }) { return nil }
        return text
    }
}
