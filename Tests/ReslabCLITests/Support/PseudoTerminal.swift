import Foundation
import Glibc

/// Runs a program on a real pseudo-terminal, as a learner's terminal would, for tests that type at
/// it and read what it shows.
///
/// The program is the session leader with the terminal's slave side as its controlling terminal
/// and standard input, output and error (so Ctrl-C becomes SIGINT and readline sees a terminal).
/// Output is collected with control sequences stripped (`ANSIStripper`); `expect` waits for a
/// string in the output that follows the previous match, like pexpect. A program that does not
/// show what was expected in time is killed and the error carries everything it wrote.
///
/// Wait for a prompt before pressing a control key. Between prompts a readline program has the
/// terminal in cooked mode: text typed then is kept for the next prompt, but Ctrl-D is the
/// kernel's end-of-file marker (readline later reads it as a NUL) and Ctrl-C arrives while no
/// prompt is waiting for it.
///
///     let terminal = try PseudoTerminal(executable: path, arguments: [historyFile],
///                                       environment: home.environment())
///     try terminal.expect("probe> ")
///     try terminal.send("x.sh", .tab, .enter)
///     try terminal.expect(#"entry: "x.shape""#)
///     try terminal.expect("probe> ")
///     try terminal.send(.controlD)
///     #expect(try terminal.waitForExit() == .exited(0))
final class PseudoTerminal {
    /// How the program ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exited with status \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            }
        }
    }

    enum Failure: Error, CustomStringConvertible {
        case cannotStart(String)
        case timedOut(waitingFor: String, seconds: Double, output: String)
        case ended(Termination, waitingFor: String, output: String)

        var description: String {
            switch self {
            case .cannotStart(let reason):
                return "cannot start the program: \(reason)"
            case .timedOut(let expected, let seconds, let output):
                return "no \(expected.debugDescription) after \(seconds) s (program killed); output after the last match:\n\(output)"
            case .ended(let termination, let expected, let output):
                return "the program \(termination) before showing \(expected.debugDescription); output after the last match:\n\(output)"
            }
        }
    }

    let processID: pid_t
    private let master: Int32
    private let slave: Int32
    private var stripper = ANSIStripper()
    private var text: [UInt8] = []
    private var matchedUpTo = 0
    private var termination: Termination?

    /// Starts `executable` with `arguments` and exactly `environment` on a terminal of
    /// `columns` × `rows`.
    init(executable: String, arguments: [String] = [], environment: [String: String],
         columns: UInt16 = 80, rows: UInt16 = 24) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure.cannotStart("openpty: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master
        // The test keeps the slave open too, so reading the master never fails with EIO just
        // because the program has not opened its side yet; the program's exit is seen by waitpid.
        self.slave = slave
        var name = [CChar](repeating: 0, count: 256)
        let nameStatus = ttyname_r(slave, &name, name.count)
        guard nameStatus == 0 else {
            close(master); close(slave)
            throw Failure.cannotStart("ttyname_r: \(String(cString: strerror(nameStatus)))")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (posix_spawn runs POSIX_SPAWN_SETSID before the file actions), the
        // slave becomes the program's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // Other tests' pipes must not leak into the program, or their readers would wait for it.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master); close(slave)
            throw Failure.cannotStart("\(executable): \(String(cString: strerror(status)))")
        }
        processID = pid
    }

    deinit {
        kill()
        close(master)
        close(slave)
    }

    // MARK: - Input

    /// Types `text` (sent as UTF-8, as is: use `TerminalKey.enter` rather than `\n`).
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure.cannotStart("writing to the terminal: \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Presses `keys` in order.
    func send(_ keys: TerminalKey...) throws {
        try send(keys.map(\.rawValue).joined())
    }

    /// Types `text`, then presses `keys`.
    func send(_ text: String, _ keys: TerminalKey...) throws {
        try send(text + keys.map(\.rawValue).joined())
    }

    // MARK: - Output

    /// Waits until the output after the previous match contains `expected`; returns that output up
    /// to and including the match, and moves past it.
    @discardableResult
    func expect(_ expected: String, timeout: Double = 20) throws -> String {
        let needle = Array(expected.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = firstMatch(of: needle) {
                defer { matchedUpTo = end }
                return String(decoding: text[matchedUpTo..<end], as: UTF8.self)
            }
            if let termination = reap() {
                readAvailable(waitingUpTo: 0)
                if let end = firstMatch(of: needle) {
                    defer { matchedUpTo = end }
                    return String(decoding: text[matchedUpTo..<end], as: UTF8.self)
                }
                throw Failure.ended(termination, waitingFor: expected, output: unmatchedOutput)
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                kill()
                throw Failure.timedOut(waitingFor: expected, seconds: timeout, output: unmatchedOutput)
            }
            readAvailable(waitingUpTo: min(remaining, 0.1))
        }
    }

    /// Everything the program wrote so far, control sequences stripped.
    var output: String {
        readAvailable(waitingUpTo: 0)
        return String(decoding: text, as: UTF8.self)
    }

    /// The output after the last match.
    var unmatchedOutput: String {
        String(decoding: text[matchedUpTo...], as: UTF8.self)
    }

    // MARK: - Ending

    /// Waits for the program to end (reading its output meanwhile); kills it after `timeout`.
    func waitForExit(timeout: Double = 20) throws -> Termination {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let termination = reap() {
                readAvailable(waitingUpTo: 0)
                return termination
            }
            guard deadline.timeIntervalSinceNow > 0 else {
                kill()
                throw Failure.timedOut(waitingFor: "<exit>", seconds: timeout, output: unmatchedOutput)
            }
            readAvailable(waitingUpTo: 0.05)
        }
    }

    /// Kills the program (SIGKILL) if it still runs, and reaps it.
    func kill() {
        guard reap() == nil else { return }
        Glibc.kill(processID, SIGKILL)
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        termination = Self.termination(status)
    }

    // MARK: - Internals

    /// glibc's `POSIX_SPAWN_SETSID` (`<spawn.h>`, glibc ≥ 2.26), which Swift's Glibc module does
    /// not import because it is declared only under `_GNU_SOURCE`.
    private static let spawnSetSID: Int32 = 0x80

    /// The descriptors open in this process now (a descriptor closed meanwhile is harmless: the
    /// spawn's close action on it is ignored).
    private static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }
    }

    private func firstMatch(of needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, text.count - matchedUpTo >= needle.count else {
            return needle.isEmpty ? matchedUpTo : nil
        }
        for start in matchedUpTo...(text.count - needle.count)
        where text[start..<(start + needle.count)].elementsEqual(needle) {
            return start + needle.count
        }
        return nil
    }

    /// Reads what the program wrote, waiting up to `seconds` for the first byte.
    private func readAvailable(waitingUpTo seconds: Double) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var wait = Int32(seconds * 1000)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while poll(&descriptor, 1, wait) > 0 {
            let count = read(master, &chunk, chunk.count)
            guard count > 0 else { return }
            text.append(contentsOf: stripper.feed(chunk[..<count]))
            wait = 0
        }
    }

    /// How the program ended, or `nil` while it runs.
    private func reap() -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        guard waitpid(processID, &status, WNOHANG) == processID else { return nil }
        termination = Self.termination(status)
        return termination
    }

    /// Decodes a `waitpid` status (the WIFEXITED/WEXITSTATUS macros are not imported into Swift).
    private static func termination(_ status: Int32) -> Termination {
        status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }
}
