import CReadline
import Glibc

/// Lines from GNU readline on a terminal: editing, history, tab completion.
///
/// Readline runs in its callback mode (`rl_callback_handler_install` + `rl_callback_read_char`)
/// inside a `poll(2)` on standard input and the interrupt self-pipe: a blocking `readline()` could
/// only be left on Ctrl-C by a `longjmp` out of the signal handler, which Swift cannot survive.
/// Readline's own signal handlers are off (`rl_catch_signals = 0`); `InterruptSignal` owns SIGINT.
///
/// Readline is one set of globals per process, so only one `ReadlineLineSource` may exist at a time.
final class ReadlineLineSource: LineSource {
    /// The name `$if` tests in ~/.inputrc, kept for the whole process because readline keeps the
    /// pointer.
    private static let applicationName = UnsafePointer(strdup("reslab"))

    init(completions: ((String, Int) -> [String])?) {
        rl_readline_name = Self.applicationName
        rl_catch_signals = 0
        // Readline would otherwise export LINES and COLUMNS to every process the host starts.
        rl_change_environment = 0
        rl_initialize()
        // Settings are bound after `rl_initialize`, which reads ~/.inputrc, so ours win. Bracketed
        // paste writes `ESC[?2004h` around every prompt, which pollutes transcripts.
        rl_variable_bind("enable-bracketed-paste", "off")
        rl_variable_bind("show-all-if-ambiguous", "on")
        ReadlineCompletion.install(completions)
    }

    func readLine(prompt: String, initialText: String) -> LineReadResult {
        InterruptSignal.clearPending()
        ReadlineCallbacks.result = nil
        rl_reset_screen_size()
        rl_callback_handler_install(prompt, ReadlineCallbacks.lineHandler)
        if !initialText.isEmpty {
            rl_insert_text(initialText)
            rl_redisplay()
        }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: InterruptSignal.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        while ReadlineCallbacks.result == nil {
            let count = poll(&descriptors, nfds_t(descriptors[1].fd >= 0 ? 2 : 1), -1)
            if InterruptSignal.takePending() {
                abandonLine()
                return .interrupted
            }
            if count > 0 && descriptors[0].revents != 0 {
                rl_callback_read_char()
            } else if count < 0 && errno != EINTR {
                rl_callback_handler_remove()
                return .endOfInput
            }
        }
        let result = ReadlineCallbacks.result ?? .endOfInput
        // Readline does not end the line when Ctrl-D ends the input; the host's next output would
        // start after the prompt.
        if result == .endOfInput { write("\n") }
        return result
    }

    func setHistory(_ entries: [String]) {
        clear_history()
        for entry in entries { add_history(entry) }
    }

    func write(_ text: String) {
        fputs(text, rl_outstream ?? stdout)
        fflush(rl_outstream ?? stdout)
    }

    /// What readline's own SIGINT handling would do, as Python's readline module does it: drop the
    /// partial line and its undo list, restore the terminal, show `^C` and end the line.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        write("^C\n")
    }
}

/// The non-capturing C callbacks readline calls, and the state they hand back through.
enum ReadlineCallbacks {
    /// The line handler's outcome for the current `readLine`; `nil` while the user is typing.
    nonisolated(unsafe) static var result: LineReadResult?

    /// Called by readline with the accepted line (malloc'd, ours to free) or `nil` on Ctrl-D.
    /// Removing the handler here stops readline from showing the prompt again straight away.
    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        if let line {
            result = .line(String(cString: line))
            free(line)
        } else {
            result = .endOfInput
        }
        rl_callback_handler_remove()
    }
}
