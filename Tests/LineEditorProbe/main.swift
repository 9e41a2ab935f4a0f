// LineEditorProbe: a few lines of REPL around ReslabLineEditor, driven by ReslabCLITests in a real
// pseudo-terminal until the real REPL exists (and afterwards as the LineEditor's own check).
//
// Usage: LineEditorProbe [HISTORY_FILE [HISTORY_LIMIT]]
// Entries: `sleep` runs up to 20 s, stopped by Ctrl-C through the cancel action; `:reset` asks for
// confirmation; `:quit` leaves; anything else is echoed as `entry: "<Swift-escaped text>"`.
// Completeness: incomplete while `{`, `(` or `[` are open (indent 4 per level), invalid when a
// closing bracket has no opener.
import Glibc
import ReslabLineEditor
import Synchronization

final class CancelFlag: Sendable {
    let isSet = Atomic<Bool>(false)
}

func bracketCompleteness(_ text: String) -> Completeness {
    var depth = 0
    for character in text {
        if "{([".contains(character) { depth += 1 }
        if "})]".contains(character) { depth -= 1 }
        if depth < 0 { return .invalid }
    }
    return depth == 0 ? .complete : .incomplete(indent: 4 * depth)
}

func completions(line: String, cursor: Int) -> [String] {
    let word = CompletionWord.word(in: line, cursor: cursor)
    let before = line[..<word.startIndex]
    if word.hasPrefix(":") { return [":help", ":quit", ":reset"] }
    if before.hasSuffix("x.") { return ["scalars", "shape", "sum"] }
    if before.hasSuffix("Conv2D(") { return ["filters: ", "kernelSize: ", "strides: "] }
    return ["Conv2D", "x", "xs"]
}

func sleepUntilCancelled(_ editor: LineEditor) {
    let flag = CancelFlag()
    let finished: Bool = editor.runInterruptibly(onInterrupt: { flag.isSet.store(true, ordering: .relaxed) }) {
        // Printed once Ctrl-C is routed to the flag, so a test that waits for it cannot race.
        print("running")
        for _ in 0..<2000 {
            if flag.isSet.load(ordering: .relaxed) { return false }
            usleep(10_000)
        }
        return true
    }
    print(finished ? "finished" : "cancelled")
}

let arguments = CommandLine.arguments.dropFirst()
let historyPath = arguments.first
let historyLimit = arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
do {
    let editor = try LineEditor(prompt: "probe> ", continuationPrompt: "  ...> ", historyPath: historyPath,
                                historyLimit: historyLimit, completeness: bracketCompleteness,
                                completions: completions)
    loop: while let entry = editor.readEntry() {
        switch entry {
        case ":quit": break loop
        case "sleep": sleepUntilCancelled(editor)
        case ":reset": print(editor.confirm("Reset the exercise?") ? "reset confirmed" : "reset declined")
        default: print("entry: \(entry.debugDescription)")
        }
    }
    try editor.close()
    print("bye")
} catch {
    fputs("LineEditorProbe: \(error)\n", stderr)
    exit(1)
}
