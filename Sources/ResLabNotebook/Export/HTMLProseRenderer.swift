/// Markdown blocks as HTML for the exported page: well-formed (it parses as XML), every text
/// escaped, raw HTML from the lesson shown as text (comments dropped), images that would load from
/// elsewhere turned into links so the page stays self-contained.
enum HTMLProseRenderer {
    static func render(_ blocks: [MarkdownBlock]) -> String {
        blocks.map(render).joined(separator: "\n")
    }

    static func render(_ block: MarkdownBlock) -> String {
        switch block {
        case let .paragraph(inlines):
            return "<p>\(render(inlines))</p>"
        case let .heading(level, inlines):
            return "<h\(level)>\(render(inlines))</h\(level)>"
        case let .blockQuote(children):
            return "<blockquote>\n\(render(children))\n</blockquote>"
        case let .list(list):
            let tag = list.isOrdered ? "ol" : "ul"
            let start = list.isOrdered && list.start != 1 ? " start=\"\(list.start)\"" : ""
            let items = list.items.map { item -> String in
                // A tight list's paragraphs are bare text, as CommonMark renders them.
                let content = item.map { block -> String in
                    if list.isTight, case let .paragraph(inlines) = block { return render(inlines) }
                    return render(block)
                }
                return "<li>" + content.joined(separator: "\n") + "</li>"
            }
            return "<\(tag)\(start)>\n" + items.joined(separator: "\n") + "\n</\(tag)>"
        case let .codeBlock(code):
            let language = code.language.isEmpty ? "" : " class=\"language-\(HTMLEscaping.escape(code.language))\""
            return "<pre><code\(language)>\(HTMLEscaping.escape(code.literal))</code></pre>"
        case let .htmlBlock(html):
            if html.trimmed().hasPrefix("<!--") { return "" }
            return "<pre class=\"raw-html\">\(HTMLEscaping.escape(html))</pre>"
        case .thematicBreak:
            return "<hr />"
        case let .table(table):
            return renderTable(table)
        }
    }

    private static func renderTable(_ table: MarkdownTable) -> String {
        func cell(_ tag: String, _ inlines: [MarkdownInline], _ column: Int) -> String {
            let alignment = column < table.alignments.count ? table.alignments[column] : .none
            let style: String
            switch alignment {
            case .none: style = ""
            case .left: style = " style=\"text-align: left\""
            case .center: style = " style=\"text-align: center\""
            case .right: style = " style=\"text-align: right\""
            }
            return "<\(tag)\(style)>\(render(inlines))</\(tag)>"
        }
        let header = "<tr>" + table.header.enumerated().map { cell("th", $1, $0) }.joined() + "</tr>"
        let rows = table.rows.map { row in "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>" }
        return "<table>\n<thead>\n\(header)\n</thead>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    static func render(_ inlines: [MarkdownInline]) -> String {
        inlines.map(render).joined()
    }

    private static func render(_ inline: MarkdownInline) -> String {
        switch inline {
        case let .text(text): return HTMLEscaping.escape(text)
        case .softBreak: return "\n"
        case .lineBreak: return "<br />\n"
        case let .code(code): return "<code>\(HTMLEscaping.escape(code))</code>"
        case let .html(html): return html.hasPrefix("<!--") ? "" : HTMLEscaping.escape(html)
        case let .emphasis(children): return "<em>\(render(children))</em>"
        case let .strong(children): return "<strong>\(render(children))</strong>"
        case let .strikethrough(children): return "<del>\(render(children))</del>"
        case let .link(destination, title, children):
            guard let url = HTMLEscaping.safeURL(destination) else { return render(children) }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscaping.escape(title))\""
            return "<a href=\"\(HTMLEscaping.escape(url))\"\(titleAttribute)>\(render(children))</a>"
        case let .image(source, _, alt):
            let altText = HTMLEscaping.escape(alt.plainText)
            if source.lowercased().hasPrefix("data:image/") {
                return "<img src=\"\(HTMLEscaping.escape(source))\" alt=\"\(altText)\" />"
            }
            guard let url = HTMLEscaping.safeURL(source) else { return "[image: \(altText)]" }
            return "<a class=\"image-link\" href=\"\(HTMLEscaping.escape(url))\">[image: \(altText)]</a>"
        }
    }
}
