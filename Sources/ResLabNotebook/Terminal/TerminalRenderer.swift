/// Renders Markdown prose for a terminal: word-wrapped to a width, with ANSI styles when asked.
///
/// Layout, block by block (one blank line between blocks):
/// - headings: level 1 underlined with `═`, level 2 with `─`, deeper levels as bold text;
/// - emphasis italic, strong bold, strikethrough struck (`~~x~~` without colour); inline code cyan
///   (kept in backticks without colour); links as `text (url)`; images as `[image: alt] (url)`;
/// - lists indented under `•`/`◦`/`▪` bullets by depth, or right-aligned numbers `1.`;
/// - block quotes behind `│ `; code blocks indented four spaces (cyan with colour), never wrapped;
/// - tables in box-drawing borders with each column aligned as the table says, columns narrowed and
///   their cells wrapped when the table is wider than the width;
/// - thematic breaks as a line of `─`; HTML comments hidden, other raw HTML shown dim.
public struct TerminalRenderer: Sendable {
    /// Columns available (at least 20 are used).
    public var width: Int
    public var useColor: Bool

    public init(width: Int, useColor: Bool) {
        self.width = max(20, width)
        self.useColor = useColor
    }

    /// `markdown` parsed and rendered; every line ends in "\n".
    public func render(markdown: String) -> String {
        render(MarkdownParser.parseBlocks(markdown))
    }

    /// `blocks` rendered; every line ends in "\n" (empty input gives "").
    public func render(_ blocks: [MarkdownBlock]) -> String {
        let lines = renderBlocks(blocks, width: width, depth: 0, tight: false)
        return lines.map { $0.rendered(useColor: useColor) + "\n" }.joined()
    }

    /// A code listing as the renderer shows code blocks: indented four spaces, tinted with colour.
    public func renderCode(_ code: String) -> String {
        codeLines(code).map { $0.rendered(useColor: useColor) + "\n" }.joined()
    }

    // MARK: - Blocks

    private func renderBlocks(_ blocks: [MarkdownBlock], width: Int, depth: Int, tight: Bool) -> [StyledLine] {
        var lines: [StyledLine] = []
        for block in blocks {
            let rendered = renderBlock(block, width: width, depth: depth)
            if rendered.isEmpty { continue }
            if !lines.isEmpty, !tight { lines.append(StyledLine()) }
            lines += rendered
        }
        return lines
    }

    private func renderBlock(_ block: MarkdownBlock, width: Int, depth: Int) -> [StyledLine] {
        switch block {
        case let .paragraph(inlines):
            return wrap(inlines, width: width)
        case let .heading(level, inlines):
            let text = wrap(inlines, width: width, style: level <= 2 ? .heading : .bold)
            guard level <= 2 else { return text }
            let rule = String(repeating: level == 1 ? "═" : "─", count: text.map(\.width).max() ?? 0)
            return text + [StyledLine(rule, style: .heading)]
        case let .blockQuote(children):
            let bar = StyledLine("│ ", style: .dim)
            return renderBlocks(children, width: width - 2, depth: depth, tight: false).map { $0.prefixed(by: bar) }
        case let .list(list):
            return renderList(list, width: width, depth: depth)
        case let .codeBlock(code):
            return codeLines(code.literal)
        case let .htmlBlock(html):
            if html.trimmed().hasPrefix("<!--") { return [] }
            return html.fileLines().map { StyledLine($0, style: .dim) }
        case .thematicBreak:
            return [StyledLine(String(repeating: "─", count: width), style: .dim)]
        case let .table(table):
            return TerminalTable(table: table, useColor: useColor).render(width: width)
        }
    }

    private func renderList(_ list: MarkdownList, width: Int, depth: Int) -> [StyledLine] {
        let markers: [String] = list.items.indices.map { index in
            if list.isOrdered { return "\(list.start + index)." }
            return ["•", "◦", "▪"][min(depth, 2)]
        }
        let markerWidth = (markers.map { DisplayWidth.of($0) }.max() ?? 1) + 1
        var lines: [StyledLine] = []
        for (item, marker) in zip(list.items, markers) {
            if !lines.isEmpty, !list.isTight { lines.append(StyledLine()) }
            var body = renderBlocks(item, width: width - markerWidth, depth: depth + 1, tight: list.isTight)
            if body.isEmpty { body = [StyledLine()] }
            // Numbers align on their right, bullets sit in the first column.
            let padding = String(repeating: " ", count: markerWidth - DisplayWidth.of(marker))
            let first = list.isOrdered ? padding.dropLast() + marker + " " : marker + padding
            let indent = StyledLine(String(repeating: " ", count: markerWidth))
            for (index, line) in body.enumerated() {
                lines.append(line.prefixed(by: index == 0 ? StyledLine(String(first)) : indent))
            }
        }
        return lines
    }

    private func codeLines(_ code: String) -> [StyledLine] {
        var text = code
        if text.hasSuffix("\n") { text.removeLast() }
        return text.splitLines().map { line in
            line.isEmpty ? StyledLine() : StyledLine("    ").appending(line, style: .code)
        }
    }

    private func wrap(_ inlines: [MarkdownInline], width: Int, style: TextStyle = []) -> [StyledLine] {
        var wrapper = InlineWrapper(useColor: useColor)
        wrapper.add(inlines, style: style)
        return wrapper.wrapped(width: width)
    }
}

extension StyledLine {
    /// The line with `text` added at its end.
    func appending(_ text: String, style: TextStyle) -> StyledLine {
        var line = self
        line.append(text, style: style)
        return line
    }
}
