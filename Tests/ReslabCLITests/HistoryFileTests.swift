import Foundation
import Testing
@testable import ReslabLineEditor

@Suite struct HistoryFileTests {
    @Test func multiLineEntriesAndBackslashesSurviveTheFileFormat() {
        let entries = ["func f() {\n    return 1\n}", #"print("a\nb")"#, "ends with \\", "cr\r\nlf"]
        let lines = entries.map(HistoryFile.encode)
        #expect(lines == [#"func f() {\n    return 1\n}"#, #"print("a\\nb")"#, #"ends with \\"#, #"cr\r\nlf"#])
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        #expect(lines.map { HistoryFile.decode(Substring($0)) } == entries)
        // A backslash before anything else is kept as written.
        #expect(HistoryFile.decode(#"a\tb\"#) == #"a\tb\"#)
    }

    @Test func duplicatesCollapseToTheirLatestUseAndTrimmingKeepsTheNewest() {
        #expect(HistoryFile.collapsed(["a", "b", "a", "c", "b"]) == ["a", "c", "b"])
        #expect(HistoryFile.trimmed(["a", "b", "c"], to: 2) == ["b", "c"])
        #expect(HistoryFile.trimmed(["a"], to: 0) == [])
    }

    @Test func savingMergesWithWhatAnotherSessionWroteMeanwhile() throws {
        let home = try TestHome()
        let file = HistoryFile(path: home.path("nested/folder/history"), limit: 3)
        #expect(try file.load() == [])
        try file.save(appending: ["a", "b"])
        // Another session saved after this file was loaded.
        try file.save(appending: ["c"])
        try file.save(appending: ["a", "d"])
        #expect(try file.load() == ["c", "a", "d"])
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "c\na\nd\n")
    }

    @Test func aFileThatIsNotUTF8IsReportedNotOverwritten() throws {
        let home = try TestHome()
        let path = home.path("history")
        try Data([0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(throws: LineEditorError.historyUnreadable(path: path, reason: "it is not UTF-8 text")) {
            try HistoryFile(path: path, limit: 10).load()
        }
    }
}
