import CCmarkGFM

/// Parses Markdown with cmark-gfm (CommonMark plus GitHub's tables, strikethrough and autolinks)
/// and copies its node tree into `MarkdownBlock` values.
///
/// Line numbers are cmark's: 1-based lines of the text given. The parser never fails: CommonMark
/// gives every input a meaning.
public enum MarkdownParser {
    /// The top-level blocks of `text`, each with the lines it spans.
    public static func parse(_ text: String) -> [MarkdownTopLevelBlock] {
        guard let document = parseDocument(text) else { return [] }
        defer { cmark_node_free(document) }
        var blocks: [MarkdownTopLevelBlock] = []
        for node in children(of: document) {
            guard let block = convertBlock(node) else { continue }
            blocks.append(MarkdownTopLevelBlock(
                block: block,
                startLine: Int(cmark_node_get_start_line(node)),
                endLine: Int(cmark_node_get_end_line(node))))
        }
        return blocks
    }

    /// Just the blocks of `text`, for prose that needs no positions (hints, table cells).
    public static func parseBlocks(_ text: String) -> [MarkdownBlock] {
        parse(text).map(\.block)
    }

    // MARK: - cmark

    /// The GitHub extensions every lesson may use, registered once per process.
    private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "strikethrough", "autolink"]
        return names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }()

    private static func parseDocument(_ text: String) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for ext in extensions {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    // MARK: - Blocks

    private static func convertBlocks(_ node: OpaquePointer) -> [MarkdownBlock] {
        children(of: node).compactMap(convertBlock)
    }

    private static func convertBlock(_ node: OpaquePointer) -> MarkdownBlock? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(convertInlines(node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), convertInlines(node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(convertBlocks(node))
        case CMARK_NODE_LIST:
            let isOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return .list(MarkdownList(
                isOrdered: isOrdered,
                start: isOrdered ? Int(cmark_node_get_list_start(node)) : 1,
                isTight: cmark_node_get_list_tight(node) != 0,
                items: children(of: node).map(convertBlocks)))
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(convertCodeBlock(node))
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            // Extension blocks have no fixed enum value; cmark names them.
            if string(cmark_node_get_type_string(node)) == "table" {
                return .table(convertTable(node))
            }
            return nil
        }
    }

    private static func convertCodeBlock(_ node: OpaquePointer) -> MarkdownCodeBlock {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        let isFenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
        return MarkdownCodeBlock(
            info: string(cmark_node_get_fence_info(node)),
            literal: string(cmark_node_get_literal(node)),
            isFenced: isFenced,
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            fenceIndent: isFenced ? Int(offset) : 0,
            fenceLength: isFenced ? Int(length) : 0,
            fenceCharacter: character == 0x7E ? "~" : "`")
    }

    private static func convertTable(_ node: OpaquePointer) -> MarkdownTable {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [MarkdownTable.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columns {
                switch raw[column] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        } else {
            alignments = Array(repeating: .none, count: columns)
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        for row in children(of: node) {
            let cells = children(of: row).map(convertInlines)
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return MarkdownTable(alignments: alignments, header: header, rows: rows)
    }

    // MARK: - Inlines

    private static func convertInlines(_ node: OpaquePointer) -> [MarkdownInline] {
        children(of: node).compactMap(convertInline)
    }

    private static func convertInline(_ node: OpaquePointer) -> MarkdownInline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .html(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(convertInlines(node))
        case CMARK_NODE_STRONG: return .strong(convertInlines(node))
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)),
                         title: string(cmark_node_get_title(node)),
                         convertInlines(node))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)),
                          title: string(cmark_node_get_title(node)),
                          alt: convertInlines(node))
        default:
            if string(cmark_node_get_type_string(node)) == "strikethrough" {
                return .strikethrough(convertInlines(node))
            }
            return nil
        }
    }
}
