/// A CommonMark (with GitHub's tables, strikethrough and autolinks) document as a Swift value.
///
/// `MarkdownParser` builds it from cmark-gfm's node tree once, so that the rest of the notebook never
/// holds a cmark pointer: renderers and the lesson parser walk these values.
public indirect enum MarkdownBlock: Equatable, Sendable {
    case paragraph([MarkdownInline])
    /// A heading of level 1...6.
    case heading(level: Int, [MarkdownInline])
    case blockQuote([MarkdownBlock])
    case list(MarkdownList)
    case codeBlock(MarkdownCodeBlock)
    /// Raw HTML as written (an HTML comment is also an HTML block).
    case htmlBlock(String)
    case thematicBreak
    case table(MarkdownTable)
}

/// An inline element of a paragraph, heading or table cell.
public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    /// A line break in the source that is not a hard break: a space when the text is wrapped.
    case softBreak
    /// A hard line break (two trailing spaces or a backslash at the end of a line).
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(destination: String, title: String, [MarkdownInline])
    case image(source: String, title: String, alt: [MarkdownInline])
}

/// A bullet or ordered list. Each item is a sequence of blocks.
public struct MarkdownList: Equatable, Sendable {
    public var isOrdered: Bool
    /// The number of the first item of an ordered list (1 for bullet lists).
    public var start: Int
    /// A tight list has no blank lines between its items.
    public var isTight: Bool
    public var items: [[MarkdownBlock]]

    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [[MarkdownBlock]]) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
    }
}

/// A fenced or indented code block, with where it sits in the source.
public struct MarkdownCodeBlock: Equatable, Sendable {
    /// The info string as cmark reads it (trimmed, backslash escapes resolved); empty when indented.
    public var info: String
    /// The code, each line ending in "\n", fence indentation removed.
    public var literal: String
    public var isFenced: Bool
    /// 1-based source lines of the opening fence and of the block's last line (the closing fence
    /// when there is one).
    public var startLine: Int
    public var endLine: Int
    /// Spaces before the opening fence (0...3).
    public var fenceIndent: Int
    /// Length of the opening fence (3 or more) and its character (`` ` `` or `~`).
    public var fenceLength: Int
    public var fenceCharacter: Character

    public init(info: String, literal: String, isFenced: Bool, startLine: Int, endLine: Int,
                fenceIndent: Int, fenceLength: Int, fenceCharacter: Character) {
        self.info = info
        self.literal = literal
        self.isFenced = isFenced
        self.startLine = startLine
        self.endLine = endLine
        self.fenceIndent = fenceIndent
        self.fenceLength = fenceLength
        self.fenceCharacter = fenceCharacter
    }

    /// The first word of the info string (the language), or "" when there is none.
    public var language: String {
        String(info.prefix { !$0.isWhitespace })
    }
}

/// A GitHub table: a header row and body rows of cells, each cell a run of inlines.
public struct MarkdownTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    public var header: [[MarkdownInline]]
    public var rows: [[[MarkdownInline]]]

    public init(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// A top-level block with the source lines it spans (1-based, inclusive).
public struct MarkdownTopLevelBlock: Equatable, Sendable {
    public var block: MarkdownBlock
    public var startLine: Int
    public var endLine: Int
}

extension MarkdownInline {
    /// The text a reader sees, without any markup (used for alt text, table widths and titles).
    public var plainText: String {
        switch self {
        case let .text(text), let .code(text): return text
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .html: return ""
        case let .emphasis(children), let .strong(children), let .strikethrough(children),
             let .link(_, _, children), let .image(_, _, children):
            return children.plainText
        }
    }
}

extension Array where Element == MarkdownInline {
    /// The concatenated plain text of these inlines.
    public var plainText: String {
        map(\.plainText).joined()
    }
}
