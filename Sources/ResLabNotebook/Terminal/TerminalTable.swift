/// A Markdown table drawn with box-drawing characters:
///
///     ┌───────┬──────┐
///     │ layer │ size │
///     ├───────┼──────┤
///     │ conv1 │ 9408 │
///     └───────┴──────┘
///
/// Each column is as wide as its widest cell; when the table does not fit the width, the widest
/// columns give up columns first and their cells wrap.
struct TerminalTable {
    let table: MarkdownTable
    let useColor: Bool

    func render(width: Int) -> [StyledLine] {
        let columns = max(table.alignments.count, table.header.count)
        guard columns > 0 else { return [] }
        func cells(_ row: [[MarkdownInline]], style: TextStyle) -> [InlineWrapper] {
            (0..<columns).map { column in
                var wrapper = InlineWrapper(useColor: useColor)
                if column < row.count { wrapper.add(row[column], style: style) }
                return wrapper
            }
        }
        let header = cells(table.header, style: .bold)
        let body = table.rows.map { cells($0, style: []) }
        let natural = (0..<columns).map { column in
            ([header] + body).map { $0[column].wrapped(width: Int.max / 2).map(\.width).max() ?? 0 }.max() ?? 0
        }
        // Borders take `│ ` before each column, ` ` after it and a final `│`.
        let available = max(columns, width - 3 * columns - 1)
        var widths = natural.map { max(1, $0) }
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
              widths[widest] > 1 {
            widths[widest] -= 1
        }

        func rule(_ left: String, _ middle: String, _ right: String) -> StyledLine {
            StyledLine(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right,
                       style: .dim)
        }
        func rowLines(_ row: [InlineWrapper]) -> [StyledLine] {
            let wrapped = zip(row, widths).map { $0.wrapped(width: $1) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { lineIndex in
                var line = StyledLine()
                for column in 0..<columns {
                    line.append("│ ", style: .dim)
                    let cellLines = wrapped[column]
                    let content = lineIndex < cellLines.count ? cellLines[lineIndex] : StyledLine()
                    let alignment = column < table.alignments.count ? table.alignments[column] : .none
                    for run in content.padded(to: widths[column], alignment: alignment).runs {
                        line.append(run.text, style: run.style)
                    }
                    line.append(" ", style: [])
                }
                line.append("│", style: .dim)
                return line
            }
        }
        var lines = [rule("┌", "┬", "┐")]
        lines += rowLines(header)
        lines.append(rule("├", "┼", "┤"))
        for row in body { lines += rowLines(row) }
        lines.append(rule("└", "┴", "┘"))
        return lines
    }
}
