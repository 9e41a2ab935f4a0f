import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ResLabNotebook

@Suite struct ExportTests {
    static let lessonText = LessonFixtures.lesson("""
    # Shapes & <sizes>

    Compare `a < b` with [the paper](https://arxiv.org/abs/1512.03385 "ResNet") and [bad](javascript:alert(1)).

    ![diagram](https://example.org/block.png)

    <script>alert("raw html")</script>

    | a | b |
    |---|--:|
    | 1 | 2 |

    ```swift exercise id=e
    let s = "<b>&</b>"
    ```

    ```hint exercise=e
    Use **less** `<` code.
    ```

    ```swift
    print(s)
    ```
    """)

    static let plot = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">

      <polyline points="0,20 20,5 40,10" fill="none" stroke="black" />
    </svg>
    """

    func lesson() throws -> Lesson { try Lesson.parse(Self.lessonText, file: "l.md") }

    var transcript: [CellTranscript] {
        [
            CellTranscript(cellNumber: 1, executionCount: 1, source: "let s = \"<i>edited</i>\"", outputs: []),
            CellTranscript(cellNumber: 2, executionCount: 2,
                           outputs: [.text("<b>&</b>\n"), .svg(Self.plot), .text("```fence``` inside\n")],
                           error: CellRunError(message: "x < y failed", location: SourceLocation(file: "l.md", line: 27, column: 1))),
        ]
    }

    @Test func markdownExport() throws {
        let markdown = MarkdownExporter.export(try lesson(), transcript: transcript)
        #expect(markdown.hasPrefix("---\nid: t\ntitle: T\norder: 1\n---\n\n# Shapes & <sizes>\n"))
        #expect(markdown.contains("```swift exercise id=e\nlet s = \"<i>edited</i>\"\n```"))
        #expect(markdown.contains("```hint exercise=e\nUse **less** `<` code.\n```"))
        #expect(markdown.contains("```swift\nprint(s)\n```\n\n```text\n<b>&</b>\n```\n\n<div class=\"plot\">\n<svg "))
        // The blank line inside the SVG is dropped so that the HTML block is not cut short.
        #expect(markdown.contains("viewBox=\"0 0 40 20\">\n  <polyline"))
        #expect(!markdown.contains("<?xml"))
        // Output holding a triple backtick gets a longer fence.
        #expect(markdown.contains("````text\n```fence``` inside\n````"))
        #expect(markdown.hasSuffix("```text\nl.md:27:1: error: x < y failed\n```\n"))
    }

    @Test func markdownExportParsesBack() throws {
        let markdown = MarkdownExporter.export(try lesson(), transcript: transcript)
        let blocks = MarkdownParser.parseBlocks(markdown)
        let texts = blocks.compactMap { block -> String? in
            if case let .codeBlock(code) = block, code.language == "text" { return code.literal }
            return nil
        }
        #expect(texts == ["<b>&</b>\n", "```fence``` inside\n", "l.md:27:1: error: x < y failed\n"])
        #expect(blocks.contains { if case let .htmlBlock(html) = $0 { return html.contains("</svg>") } else { return false } })
    }

    @Test func htmlExportEscapesAndStaysSelfContained() throws {
        let html = HTMLExporter.export(try lesson(), transcript: transcript)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h1>Shapes &amp; &lt;sizes&gt;</h1>"))
        #expect(html.contains("<code>a &lt; b</code>"))
        #expect(html.contains("<a href=\"https://arxiv.org/abs/1512.03385\" title=\"ResNet\">the paper</a>"))
        #expect(html.contains(" and bad."))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<pre class=\"raw-html\">&lt;script&gt;alert(&quot;raw html&quot;)&lt;/script&gt;"))
        #expect(html.contains("<a class=\"image-link\" href=\"https://example.org/block.png\">[image: diagram]</a>"))
        #expect(html.contains("<code class=\"language-swift\">let s = &quot;&lt;i&gt;edited&lt;/i&gt;&quot;</code>"))
        #expect(html.contains("<pre class=\"output\">&lt;b&gt;&amp;&lt;/b&gt;\n</pre>"))
        #expect(html.contains("<figure class=\"plot\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<pre class=\"output error\">l.md:27:1: error: x &lt; y failed</pre>"))
        #expect(html.contains("<summary>Hint 1 for e</summary>\n<p>Use <strong>less</strong> <code>&lt;</code> code.</p>"))
        #expect(html.contains("<td style=\"text-align: right\">2</td>"))
        // Self-contained: no scripts, no stylesheets or images fetched from elsewhere.
        for forbidden in ["<script", "<link", "<img", "src=\"http", "@import"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test func htmlIsWellFormed() throws {
        let html = HTMLExporter.export(try lesson(), transcript: transcript)
        let document = try XMLDocument(xmlString: html, options: [])
        let sections = try document.nodes(forXPath: "//section[contains(@class, 'cell')]")
        #expect(sections.count == 2)
        let ids = try document.nodes(forXPath: "//section/@id").compactMap(\.stringValue)
        #expect(ids == ["cell-1", "cell-2"])
        let labels = try document.nodes(forXPath: "//div[@class='cell-label']").compactMap(\.stringValue)
        #expect(labels == ["[1] exercise e", "[2]"])
        #expect(try document.nodes(forXPath: "//figure/*[local-name()='svg']").count == 1)
    }

    @Test func unsafeSVGIsNotInlined() {
        #expect(SVGContent.sanitized("<svg><script>alert(1)</script></svg>") == nil)
        #expect(SVGContent.sanitized("<svg onload=\"alert(1)\"></svg>") == nil)
        #expect(SVGContent.sanitized("<div></div>") == nil)
        #expect(SVGContent.sanitized("<svg width=\"1\"></svg>") == "<svg width=\"1\"></svg>")
    }
}
