import Foundation

/// The lines a child process writes to a pipe, collected on a thread of their own so that the
/// parent can wait for the next one with a deadline.
final class LineReader: @unchecked Sendable {
    // Unchecked Sendable: `lines`, `buffer` and `ended` are only touched under `condition`'s lock.
    private let condition = NSCondition()
    private var lines: [String] = []
    private var buffer = Data()
    private var ended = false
    private let thread: Thread

    init(_ handle: FileHandle) {
        let box = Box()
        thread = Thread {
            while true {
                let data = handle.availableData
                box.reader?.receive(data)
                if data.isEmpty { return }
            }
        }
        box.reader = self
        thread.start()
    }

    /// Lets the thread reach the reader it was created for (the thread starts after `init` ends).
    private final class Box: @unchecked Sendable {
        weak var reader: LineReader?
    }

    private func receive(_ data: Data) {
        condition.lock()
        defer { condition.unlock(); condition.broadcast() }
        if data.isEmpty {
            ended = true
            return
        }
        buffer.append(data)
        while let newline = buffer.firstIndex(of: 0x0A) {
            lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
            buffer.removeSubrange(buffer.startIndex...newline)
        }
    }

    /// What the wait for the next line gave.
    enum Next {
        case line(String)
        /// The pipe closed (the child exited or died) and every line has been read.
        case end
        case timedOut
    }

    /// The next line, waiting until `deadline` at most.
    func next(before deadline: Date) -> Next {
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty && !ended {
            if !condition.wait(until: deadline) { return lines.isEmpty ? (ended ? .end : .timedOut) : .line(lines.removeFirst()) }
        }
        return lines.isEmpty ? .end : .line(lines.removeFirst())
    }

    /// Everything still unread, as text (a child's standard error after it ended).
    func remainingText() -> String {
        condition.lock()
        defer { condition.unlock() }
        return (lines + [String(decoding: buffer, as: UTF8.self)]).joined(separator: "\n")
    }
}
