import Testing
import ReslabLineEditor

@Suite struct CompletionWordTests {
    @Test(arguments: [
        ("x.sh", 4, "sh"),
        ("Conv2D(fil", 10, "fil"),
        ("Conv2D(filters: 3, ker", 22, "ker"),
        (":ne", 3, ":ne"),
        ("let y = relu(x", 14, "x"),
        ("a + b", 1, "a"),
        ("x.", 2, ""),
        ("", 0, ""),
        ("é.shap", 6, "shap"),
        ("x.sh", 99, "sh"),
    ])
    func theWordEndsAtTheCursorAndBreaksAtPunctuation(line: String, cursor: Int, word: String) {
        #expect(CompletionWord.word(in: line, cursor: cursor) == Substring(word))
    }
}
