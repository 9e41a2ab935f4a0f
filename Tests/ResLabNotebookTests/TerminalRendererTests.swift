import Testing
@testable import ResLabNotebook

/// Snapshot tests: exact expected terminal text, written by hand.
@Suite struct TerminalRendererTests {
    func plain(_ markdown: String, width: Int = 40) -> String {
        TerminalRenderer(width: width, useColor: false).render(markdown: markdown)
    }

    func colored(_ markdown: String, width: Int = 40) -> String {
        TerminalRenderer(width: width, useColor: true).render(markdown: markdown)
    }

    @Test func headingsAndParagraphsWrap() {
        let markdown = """
        # Residual networks

        A *residual* block adds its input to its output, so the **identity** is easy to learn.

        ## Shapes

        ### Details
        """
        #expect(plain(markdown, width: 30) == """
        Residual networks
        ═════════════════

        A residual block adds its
        input to its output, so the
        identity is easy to learn.

        Shapes
        ──────

        Details

        """)
    }

    @Test func colourCodes() {
        #expect(colored("# Title\n\nSome *em*, **strong**, `code` and ~~gone~~.") == """
        \u{1B}[1;34mTitle\u{1B}[0m
        \u{1B}[1;34m═════\u{1B}[0m

        Some \u{1B}[3mem\u{1B}[0m, \u{1B}[1mstrong\u{1B}[0m, \u{1B}[36mcode\u{1B}[0m and \u{1B}[9mgone\u{1B}[0m.

        """)
    }

    @Test func inlineCodeAndLinksWithoutColour() {
        #expect(plain("Call `relu(x)`; see [the paper](https://arxiv.org/abs/1512.03385) or <https://example.org>.", width: 60) == """
        Call `relu(x)`; see the paper
        (https://arxiv.org/abs/1512.03385) or https://example.org.

        """)
    }

    @Test func nestedAndOrderedLists() {
        let markdown = """
        - first
          - inner one
          - inner two
        - second item that is long enough to wrap

        8. eight
        9. nine
        10. ten
        """
        #expect(plain(markdown, width: 24) == """
        • first
          ◦ inner one
          ◦ inner two
        • second item that is
          long enough to wrap

         8. eight
         9. nine
        10. ten

        """)
    }

    @Test func blockQuoteCodeBlockAndRule() {
        let markdown = """
        > Deeper plain networks train *worse*.

        ```text
        a[l+2] = g(z[l+2] + a[l])
        ```

        ---
        """
        #expect(plain(markdown, width: 20) == """
        │ Deeper plain
        │ networks train
        │ worse.

            a[l+2] = g(z[l+2] + a[l])

        ────────────────────

        """)
    }

    @Test func tableAlignsColumns() {
        let markdown = """
        | layer | params | note |
        |:------|-------:|:----:|
        | conv1 | 9408 | `7×7` |
        | fc | 12294 | out |
        """
        #expect(plain(markdown) == """
        ┌───────┬────────┬───────┐
        │ layer │ params │ note  │
        ├───────┼────────┼───────┤
        │ conv1 │   9408 │ `7×7` │
        │ fc    │  12294 │  out  │
        └───────┴────────┴───────┘

        """)
    }

    @Test func wideTableWrapsItsWidestColumn() {
        let markdown = """
        | depth | what happens to a plain network |
        |---|---|
        | 56 | training error is higher than at 20 |
        """
        #expect(plain(markdown, width: 30) == """
        ┌───────┬────────────────────┐
        │ depth │ what happens to a  │
        │       │ plain network      │
        ├───────┼────────────────────┤
        │ 56    │ training error is  │
        │       │ higher than at 20  │
        └───────┴────────────────────┘

        """)
    }

    @Test func htmlCommentsHiddenAndHardBreaks() {
        #expect(plain("<!-- note to self -->\n\nline one\\\nline two") == "line one\nline two\n")
    }

    @Test func longWordIsCut() {
        #expect(plain("abcdefghijklmnopqrstuvwxyz0123456789", width: 20) == "abcdefghijklmnopqrst\nuvwxyz0123456789\n")
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(DisplayWidth.of("残差") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("│ ab") == 4)
    }

    @Test func colourDecision() {
        #expect(TerminalColor.shouldUseColor(environment: [:], isTerminal: true))
        #expect(!TerminalColor.shouldUseColor(environment: [:], isTerminal: false))
        #expect(!TerminalColor.shouldUseColor(environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(TerminalColor.shouldUseColor(environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!TerminalColor.shouldUseColor(environment: ["TERM": "dumb"], isTerminal: true))
    }
}
