import Foundation
import ResLabEngine
import ResLabPlugin
import ResLabScript

/// The child side of isolated grading: `reslab grade` starts one worker process per submission
/// (the hidden `reslab grade-worker` command), which calls `run` once.
///
/// The worker reads a `WorkerJob` from standard input until end of file, limits its own address
/// space, moves into its scratch folder, and grades, writing `WorkerMessage`s as JSON lines to a
/// private duplicate of its standard output. Standard output itself is then pointed at
/// `/dev/null`, so that nothing the learner's code makes print (a native writing to stdout)
/// can forge a line of the protocol.
public enum GradingWorker {
    /// Grades the job on standard input; returns the process's exit status (0 when a grade or a
    /// failure message was written).
    ///
    /// - Parameter makeHost: builds the plugin host the lesson's code runs against (the engine
    ///   bindings and the assertion helpers), called after the limits are in place.
    public static func run(makeHost: () throws -> PluginHost) -> Int32 {
        let results = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        guard results >= 0, null >= 0, dup2(null, STDOUT_FILENO) >= 0 else {
            FileHandle.standardError.write(Data("grade-worker: cannot set up its output\n".utf8))
            return 2
        }
        close(null)
        let output = MessageWriter(descriptor: results)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let job: WorkerJob
        do {
            job = try JSONDecoder().decode(WorkerJob.self, from: input)
        } catch {
            output.write(.failure("grade-worker: the job on standard input is not valid: \(error)"))
            return 2
        }
        limitAddressSpace(to: job.limits.memoryBytes)
        // A tensor may take at most a quarter of the address space, so that the engine refuses a
        // huge tensor with its own message before the allocator fails.
        MemoryBudget.bytes = min(MemoryBudget.bytes, job.limits.memoryBytes / 4)
        let lesson: Lesson
        let host: PluginHost
        do {
            let hidden = job.hiddenTestsText.map { ($0, job.hiddenTestsFile ?? "hidden tests") }
            lesson = try Lesson.parse(job.lessonText, file: job.lessonFile, hiddenTests: hidden)
            host = try makeHost()
        } catch {
            output.write(.failure("\(error)"))
            return 0
        }
        let submission = Submission.parse(job.submissionText, file: job.submissionName, isSwift: job.submissionIsSwift)
        let grader = Grader(lesson: lesson, host: host, limits: job.limits)
        let known = Dictionary(job.known.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grade = grader.grade(submission, includeHidden: true, known: known) { output.write(.event($0)) }
        output.write(.grade(grade))
        return 0
    }

    /// `setrlimit(RLIMIT_AS)`: past this, allocations fail (and the Swift runtime stops the
    /// process, which the parent reports as a crash in the test that was running).
    ///
    /// The limit is what the submission may use on top of what the worker already maps (the
    /// Swift runtime, Foundation and the engine reserve a few hundred MiB of address space
    /// before any lesson code runs) and of the interpreter's 512 MiB stack, which costs address
    /// space but almost no memory. The parent starts the worker with `MALLOC_ARENA_MAX=2`: each
    /// new glibc arena reserves 64–128 MiB of address space, and when that reservation fails under
    /// the limit glibc retries it on every allocation from that thread, which slowed grading of a
    /// correct submission a hundredfold and made its tests time out.
    private static func limitAddressSpace(to bytes: Int) {
        let mapped = currentAddressSpace() ?? 0
        let total = mapped + LargeStackThread.stackSize + (256 << 20) + bytes
        var limit = rlimit(rlim_cur: rlim_t(total), rlim_max: rlim_t(total))
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }

    /// The process's mapped address space (`VmSize` in `/proc/self/status`), in bytes.
    private static func currentAddressSpace() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmSize:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}

/// Writes messages as JSON lines to a file descriptor. A crash in the middle of a line leaves a
/// last line that does not parse, which the parent ignores.
private struct MessageWriter {
    let descriptor: Int32
    let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    func write(_ message: WorkerMessage) {
        guard var data = try? encoder.encode(message) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
