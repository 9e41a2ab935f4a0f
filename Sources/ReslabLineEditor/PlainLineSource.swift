import Glibc

/// Lines from a descriptor that is not a terminal (a pipe or a file), read with `read(2)`: no
/// prompts, no escape sequences, so piped scripts produce clean output. Waits in `poll(2)` beside
/// the interrupt self-pipe so that Ctrl-C (from a terminal the process still has) abandons the
/// entry being read, as at an interactive prompt.
final class PlainLineSource: LineSource {
    private let input: Int32
    private var buffer: [UInt8] = []
    private var reachedEnd = false

    init(input: Int32 = STDIN_FILENO) {
        self.input = input
    }

    func readLine(prompt: String, initialText: String) -> LineReadResult {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            switch waitForInput() {
            case .interrupted: return .interrupted
            case .failed: reachedEnd = true
            case .ready: fill()
            }
        }
    }

    func setHistory(_ entries: [String]) {}

    func write(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    private enum Wait { case ready, interrupted, failed }

    private func waitForInput() -> Wait {
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: InterruptSignal.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            let count = poll(&descriptors, nfds_t(descriptors[1].fd >= 0 ? 2 : 1), -1)
            if InterruptSignal.takePending() { return .interrupted }
            if count > 0 && descriptors[0].revents != 0 { return .ready }
            if count < 0 && errno != EINTR { return .failed }
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(input, &chunk, chunk.count)
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            reachedEnd = true
        }
    }
}
