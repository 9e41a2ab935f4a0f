import ArgumentParser
import Foundation
import ResLab

/// `reslab run FILE`: runs a lesson (`.md`, see `LessonBatchRun`) or a script (`.swift`) without a
/// terminal, printing every output as it comes and exiting non-zero on the first error.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lesson (.md) or a lesson-language script (.swift) and print its output.",
        discussion: """
            The script runs with every built-in plugin (tensors, layers, models, data sets, plots). \
            Errors are reported as FILE:LINE:COL: error: MESSAGE, with the line, a caret and a hint, \
            on standard error; the first one ends the run with exit status 1. A lesson runs its cells \
            in order (optional cells only with --include-optional; test cells never), each under a \
            header naming the cell and its line; a lesson that cannot be loaded exits with status 2.
            """)

    @ArgumentParser.Argument(help: "The lesson (.md) or script (.swift) to run.")
    var file: String

    @Flag(help: "Run a lesson's optional cells too (long training runs).")
    var includeOptional = false

    @Option(name: .customLong("plugin"), help: "Load a plugin from this shared library before a lesson runs (repeatable).")
    var plugins: [String] = []

    @Option(help: "Seconds the script may run before it is stopped.")
    var timeLimit: Double = ExecutionLimits.default.maxSeconds

    @Option(help: "Steps (statements, loop iterations, calls) the script may take.")
    var stepLimit: Int = ExecutionLimits.default.maxSteps

    func validate() throws {
        guard timeLimit > 0, stepLimit > 0 else { throw ValidationError("--time-limit and --step-limit must be positive") }
    }

    func run() throws {
        guard file.hasSuffix(".swift") || file.hasSuffix(".md") else {
            throw ValidationError("reslab run takes a lesson ending in .md or a script ending in .swift; got \(file)")
        }
        var limits = ExecutionLimits.default
        limits.maxSeconds = timeLimit
        limits.maxSteps = stepLimit
        limits.howToRaise = [
            .time: "if the work is really this long, give it more time: reslab run --time-limit SECONDS \(file)",
            .steps: "an endless loop? If the work is really this long, raise the budget: reslab run --step-limit N \(file)",
        ]
        if file.hasSuffix(".md") {
            let status = LessonBatchRun(path: file, includeOptional: includeOptional, pluginPaths: plugins, limits: limits).run()
            guard status == .passed else { throw ExitCode(status.rawValue) }
            return
        }
        guard try ScriptRunner.run(path: file, host: try makeStandardHost(), limits: limits) else { throw ExitCode(1) }
    }
}

/// Running one `.swift` script in a fresh session of a host: the part of `reslab run` that other
/// file kinds (lessons) run beside.
enum ScriptRunner {
    /// Runs the script at `path`, streaming what it prints to `output` and writing its errors,
    /// rendered, to `errors`. Returns whether it ran to its end. Throws only when the file cannot
    /// be read.
    static func run(path: String, host: PluginHost, limits: ExecutionLimits = .default,
                    output: @escaping (String) -> Void = ScriptRunner.standardOutput,
                    errors: (String) -> Void = ScriptRunner.standardError) throws -> Bool {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
        let session = ScriptSession(registry: host.registry, limits: limits, outputSink: output)
        let result = session.run(text, file: path)
        guard result.succeeded else {
            errors(result.errors.rendered + "\n")
            return false
        }
        return true
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
