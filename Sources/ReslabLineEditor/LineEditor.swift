import Glibc

/// The REPL's input: GNU readline on a terminal, plain line reads from a pipe or a file.
///
/// - Entries: `readEntry()` keeps reading continuation lines while `completeness` says the text
///   is incomplete (see `EntryAssembler` for the exact rules) and returns the lines joined by `\n`.
/// - History (terminal only): the file at `historyPath` is read at start; every entry, multi-line
///   ones whole, is added with duplicates collapsed to their latest use; `close()` merges this
///   session's entries into the file and trims it to `historyLimit` entries.
/// - Completion (terminal only): on Tab, `completions(line, cursor)` gets the whole line and the
///   cursor (in `Character`s) and returns candidates for `CompletionWord.word(in:cursor:)`, each
///   replacing that word whole; candidates that do not start with the word are ignored.
/// - Ctrl-C at a prompt abandons the entry and shows a fresh prompt; while code runs inside
///   `runInterruptibly`, it calls the host's cancel action instead; it never ends the process.
///   Ctrl-D on an empty line, or the end of piped input, makes `readEntry()` return `nil`.
///
/// Readline is process-wide state: keep one `LineEditor` open at a time and call `close()` before
/// opening another. Call it from one thread.
public final class LineEditor {
    /// The prompt of an entry's first line. Readline counts every byte as visible: wrap colour
    /// escapes in `\u{1}` … `\u{2}`.
    public var prompt: String
    /// The prompt of continuation lines.
    public var continuationPrompt: String
    /// Whether lines come from readline on a terminal (else plain reads, no prompts, no history).
    public let isInteractive: Bool

    private let source: LineSource
    private let completeness: (String) -> Completeness
    private let historyFile: HistoryFile?
    private let historyLimit: Int
    private var history: [String]
    private var sessionEntries: [String] = []
    private let previousInterruptAction: sigaction
    private var retiredCancelAction: Unmanaged<InterruptSignal.CancelAction>?
    private var isClosed = false

    /// Opens the editor and installs its Ctrl-C handler.
    ///
    /// - Parameters:
    ///   - historyPath: the history file (created at `close()` if missing); `nil` keeps none.
    ///   - historyLimit: how many entries the history keeps, in memory and in the file (the newest).
    ///   - interactive: `nil` uses readline when standard input and output are both terminals.
    ///   - completeness: the parser's verdict on the text typed so far.
    ///   - completions: tab-completion candidates; `nil` turns completion off.
    /// - Throws: `LineEditorError.historyUnreadable` if the history file exists but cannot be read
    ///   (it is not overwritten then).
    public init(prompt: String = "> ", continuationPrompt: String = "... ",
                historyPath: String? = nil, historyLimit: Int = 1000, interactive: Bool? = nil,
                completeness: @escaping (String) -> Completeness,
                completions: ((_ line: String, _ cursor: Int) -> [String])? = nil) throws {
        self.prompt = prompt
        self.continuationPrompt = continuationPrompt
        self.completeness = completeness
        let historyFile = historyPath.map { HistoryFile(path: $0, limit: historyLimit) }
        self.historyFile = historyFile
        self.historyLimit = historyLimit
        let interactive = interactive ?? (isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0)
        self.isInteractive = interactive
        history = interactive ? HistoryFile.trimmed(try historyFile?.load() ?? [], to: historyLimit) : []
        if interactive {
            source = ReadlineLineSource(completions: completions)
            source.setHistory(history)
        } else {
            source = PlainLineSource()
        }
        previousInterruptAction = InterruptSignal.install()
    }

    /// Closes the editor if the host did not; a failure to save the history is lost here, so hosts
    /// call `close()` themselves and report it.
    deinit {
        try? close()
    }

    /// The next entry (one or more lines joined by `\n`), or `nil` at the end of input.
    public func readEntry() -> String? {
        let assembler = EntryAssembler(primaryPrompt: prompt, continuationPrompt: continuationPrompt,
                                       completeness: completeness)
        guard let entry = assembler.readEntry(from: source) else { return nil }
        if isInteractive { remember(entry) }
        return entry
    }

    /// Asks a yes/no question (`question [y/N] `) until answered; an empty answer, Ctrl-C and the
    /// end of input mean no. Answers are not added to the history. Without a terminal the question
    /// and the answer read are written out, so a piped transcript shows what was agreed to.
    public func confirm(_ question: String) -> Bool {
        let prompt = question + " [y/N] "
        while true {
            if !isInteractive { source.write(prompt) }
            switch source.readLine(prompt: prompt, initialText: "") {
            case .interrupted:
                return false
            case .endOfInput:
                if !isInteractive { source.write("\n") }
                return false
            case .line(let answer):
                if !isInteractive { source.write(answer + "\n") }
                switch answer.filter({ !$0.isWhitespace }).lowercased() {
                case "y", "yes": return true
                case "", "n", "no": return false
                default: source.write("Please answer y or n.\n")
                }
            }
        }
    }

    /// Runs `body` with Ctrl-C routed to `cancel` instead of the prompt.
    ///
    /// `cancel` runs inside the signal handler, so it must be async-signal-safe: set an atomic flag
    /// that `body` polls, nothing else (no allocation, no locks, no printing). It may run on any
    /// thread and more than once.
    public func runInterruptibly<Result>(onInterrupt cancel: @escaping @Sendable () -> Void,
                                         _ body: () throws -> Result) rethrows -> Result {
        retiredCancelAction?.release()
        retiredCancelAction = InterruptSignal.arm(cancel)
        defer { InterruptSignal.disarm() }
        return try body()
    }

    /// Saves this session's history and gives SIGINT back to its previous handler. Safe to call
    /// more than once; later calls do nothing.
    public func close() throws {
        guard !isClosed else { return }
        isClosed = true
        InterruptSignal.uninstall(restoring: previousInterruptAction)
        retiredCancelAction?.release()
        retiredCancelAction = nil
        if isInteractive, let historyFile, !sessionEntries.isEmpty {
            try historyFile.save(appending: sessionEntries)
        }
    }

    /// Adds `entry` to the in-memory history, which keeps the newest `historyLimit` entries
    /// (readline's list is rebuilt, since a duplicate must leave its old place).
    private func remember(_ entry: String) {
        sessionEntries.append(entry)
        history = HistoryFile.collapsed(history + [entry])
        history = HistoryFile.trimmed(history, to: historyLimit)
        source.setHistory(history)
    }
}
