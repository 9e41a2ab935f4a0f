import Testing

@Suite struct ANSIStripperTests {
    private func strip(_ chunks: String...) -> String {
        var stripper = ANSIStripper()
        return String(decoding: chunks.flatMap { stripper.feed(Array($0.utf8)) }, as: UTF8.self)
    }

    @Test func removesColourCursorAndTitleSequences() {
        #expect(strip("\u{1B}[1;31mred\u{1B}[0m plain") == "red plain")
        #expect(strip("a\u{1B}[2Kb\u{1B}[?2004hc") == "abc")
        #expect(strip("\u{1B}]0;title\u{07}text") == "text")
        #expect(strip("\u{1B}]0;title\u{1B}\\text") == "text")
        #expect(strip("\u{1B}(Bx\u{1B}=y") == "xy")
    }

    @Test func keepsNewlinesAndTabsButDropsOtherControls() {
        #expect(strip("a\r\nb\tc\u{07}\u{08}d") == "a\nb\tcd")
    }

    @Test func aSequenceSplitAcrossReadsIsStillRemoved() {
        #expect(strip("x\u{1B}", "[3", "1my", "\u{1B}]0;t", "itle\u{07}z") == "xyz")
    }

    @Test func keepsUTF8Text() {
        #expect(strip("⣿ loss é") == "⣿ loss é")
    }
}
