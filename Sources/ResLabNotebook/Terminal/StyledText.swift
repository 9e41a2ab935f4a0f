/// A run of text with one style.
struct StyledRun: Equatable {
    var text: String
    var style: TextStyle
}

/// One line of styled runs, as the renderer builds it before turning it into a string.
struct StyledLine: Equatable {
    var runs: [StyledRun] = []

    var width: Int { runs.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    init(_ runs: [StyledRun] = []) { self.runs = runs }
    init(_ text: String, style: TextStyle = []) { runs = text.isEmpty ? [] : [StyledRun(text: text, style: style)] }

    mutating func append(_ text: String, style: TextStyle) {
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(StyledRun(text: text, style: style))
        }
    }

    /// Adds `prefix` before the line's runs.
    func prefixed(by prefix: StyledLine) -> StyledLine {
        var line = prefix
        for run in runs { line.append(run.text, style: run.style) }
        return line
    }

    /// `width` columns: the line padded with spaces, placed left, right or centred.
    func padded(to width: Int, alignment: MarkdownTable.Alignment) -> StyledLine {
        let room = max(0, width - self.width)
        let left: Int
        switch alignment {
        case .right: left = room
        case .center: left = room / 2
        case .left, .none: left = 0
        }
        var line = StyledLine(String(repeating: " ", count: left))
        for run in runs { line.append(run.text, style: run.style) }
        line.append(String(repeating: " ", count: room - left), style: [])
        return line
    }

    /// The line as terminal text: styled runs wrapped in SGR codes when `useColor`, plain text
    /// otherwise; trailing spaces removed.
    func rendered(useColor: Bool) -> String {
        var text = ""
        for run in runs {
            if useColor, !run.style.isEmpty {
                text += run.style.sgr + run.text + TextStyle.reset
            } else {
                text += run.text
            }
        }
        return text.trimmingTrailingWhitespace()
    }
}

/// Inline content as words and breakable spaces, then wrapped to a width.
struct InlineWrapper {
    enum Piece: Equatable {
        case word(String, TextStyle)
        case space(TextStyle)
        case hardBreak
    }

    var pieces: [Piece] = []
    /// Without colour, inline code keeps its backticks so that it still stands out.
    let useColor: Bool

    init(useColor: Bool) { self.useColor = useColor }

    mutating func add(_ inlines: [MarkdownInline], style: TextStyle = []) {
        for inline in inlines { add(inline, style: style) }
    }

    mutating func add(_ inline: MarkdownInline, style: TextStyle) {
        switch inline {
        case let .text(text):
            addText(text, style: style)
        case .softBreak:
            pieces.append(.space(style))
        case .lineBreak:
            pieces.append(.hardBreak)
        case let .code(code):
            addText(useColor ? code : "`\(code)`", style: style.union(.code))
        case let .html(html):
            addText(html, style: style.union(.dim))
        case let .emphasis(children):
            add(children, style: style.union(.italic))
        case let .strong(children):
            add(children, style: style.union(.bold))
        case let .strikethrough(children):
            if useColor {
                add(children, style: style.union(.strikethrough))
            } else {
                addText("~~", style: style)
                add(children, style: style)
                addText("~~", style: style)
            }
        case let .link(destination, _, children):
            add(children, style: useColor ? style.union(.underline) : style)
            // An autolink's text is its URL: say it once.
            let text = children.plainText
            if text != destination, text != destination.replacingOccurrences(of: "mailto:", with: "") {
                pieces.append(.space(style))
                addText("(\(destination))", style: style.union(.dim))
            }
        case let .image(source, _, alt):
            addText("[image: \(alt.plainText)]", style: style.union(.dim))
            pieces.append(.space(style))
            addText("(\(source))", style: style.union(.dim))
        }
    }

    /// Splits text at spaces into words and breakable spaces; a word that continues the previous
    /// one (no space between, e.g. `**bold**,`) is glued to it when wrapping.
    private mutating func addText(_ text: String, style: TextStyle) {
        var word = ""
        for character in text {
            if character == " " || character == "\t" || character == "\n" {
                if !word.isEmpty { pieces.append(.word(word, style)) }
                word = ""
                pieces.append(.space(style))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { pieces.append(.word(word, style)) }
    }

    /// The pieces laid out in lines of at most `width` columns (a word longer than the width is cut).
    func wrapped(width: Int) -> [StyledLine] {
        let width = max(1, width)
        // Glue words that touch into units that wrap together.
        var units: [[StyledRun]] = []
        var spaceBefore: [TextStyle?] = []
        var pendingSpace: TextStyle?
        var lastWasWord = false
        var lines: [StyledLine] = []
        var hardBreakAfter: Set<Int> = []
        for piece in pieces {
            switch piece {
            case let .word(text, style):
                if lastWasWord, !units.isEmpty {
                    units[units.count - 1].append(StyledRun(text: text, style: style))
                } else {
                    units.append([StyledRun(text: text, style: style)])
                    spaceBefore.append(pendingSpace)
                }
                pendingSpace = nil
                lastWasWord = true
            case let .space(style):
                if pendingSpace == nil { pendingSpace = style }
                lastWasWord = false
            case .hardBreak:
                hardBreakAfter.insert(units.count - 1)
                pendingSpace = nil
                lastWasWord = false
            }
        }
        var line = StyledLine()
        for (index, unit) in units.enumerated() {
            let unitWidth = unit.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let space = spaceBefore[index]
            let needed = (line.runs.isEmpty || space == nil ? 0 : 1) + unitWidth
            if !line.runs.isEmpty, line.width + needed > width {
                lines.append(line)
                line = StyledLine()
            } else if !line.runs.isEmpty, let space {
                line.append(" ", style: space)
            }
            for run in unit {
                for character in run.text {
                    let characterWidth = DisplayWidth.of(character)
                    if line.width + characterWidth > width, !line.runs.isEmpty {
                        lines.append(line)
                        line = StyledLine()
                    }
                    line.append(String(character), style: run.style)
                }
            }
            if hardBreakAfter.contains(index) {
                lines.append(line)
                line = StyledLine()
            }
        }
        if !line.runs.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
