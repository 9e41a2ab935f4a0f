import ResLabFrontend
import ResLabPlugin
import ResLabScript

/// The `CellRunner` of the lesson language: one `ScriptSession` (so definitions persist from cell
/// to cell) against a plugin host's registry, with values shown through the host's renderers.
///
/// A cell's outputs are what it printed (one `.text`), then its final value when it has one: an
/// `.svg` when the value's type has a renderer whose HTML form is an SVG document (a plot), its
/// REPL echo as `.text` otherwise. Errors are reported at lesson positions.
///
/// Not for concurrent use; only `cancel()` may be called from another thread (or a signal
/// handler) while code runs.
public final class ScriptCellRunner: CellRunner {
    public let host: PluginHost
    public let script: ScriptSession
    private var mapping = ScriptErrorMapping()
    private var snippetCount = 0

    public init(host: PluginHost, limits: ExecutionLimits = .default) {
        self.host = host
        script = ScriptSession(registry: host.registry, limits: limits)
    }

    /// The flag that stops running code; raising it is async-signal-safe.
    public var cancellation: CancellationFlag { script.cancellation }

    /// Stops the running code at its next step (it ends with an "interrupted" error).
    public func cancel() { script.cancellation.cancel() }

    public func run(_ source: CellSource) -> CellRunResult {
        let result = execute(source, name: nil)
        return CellRunResult(outputs: result.outputs, error: result.error)
    }

    /// What running one snippet produced, with what the notebook needs beyond `CellRunResult`.
    public struct Run: Sendable {
        public var outputs: [CellOutput]
        public var value: Value?
        public var error: CellRunError?
        public var wasInterrupted: Bool
        /// Whether the code got past parsing and resolution (and so may have changed names).
        public var didStart: Bool
        public var analysis: SnippetAnalysis
    }

    /// Runs `source`, parsed under `name` (a unique name is made when nil; positions in errors
    /// are mapped back through `source` either way).
    public func execute(_ source: CellSource, name: String?) -> Run {
        snippetCount += 1
        let sourceName = name ?? "\(source.file)#\(snippetCount)"
        mapping.register(source, as: sourceName)
        let parsed = ScriptFrontend.parse(source.text, file: sourceName)
        guard let program = parsed.program else {
            return Run(outputs: [], value: nil, error: parsed.errors.first.map(mapping.map), wasInterrupted: false,
                       didStart: false, analysis: SnippetAnalysis())
        }
        let result = script.execute(program)
        var outputs: [CellOutput] = result.output.isEmpty ? [] : [.text(result.output)]
        if let value = result.value, result.succeeded {
            outputs.append(output(for: value))
        }
        let interrupted = result.errors.contains { $0.kind == .interrupted }
        // Errors found before running leave the session's names as they were.
        let didStart = !result.errors.contains { [.syntax, .unsupported, .resolution].contains($0.kind) }
        return Run(outputs: outputs, value: result.succeeded ? result.value : nil,
                   error: result.errors.first.map(mapping.map), wasInterrupted: interrupted,
                   didStart: didStart, analysis: result.analysis)
    }

    /// How a final value shows in a transcript: a plot's SVG, or the echo.
    public func output(for value: Value) -> CellOutput {
        if let svg = svg(for: value) { return .svg(svg) }
        return .text(value.echo)
    }

    /// The SVG document a renderer gives for `value`, if its type has one.
    public func svg(for value: Value) -> String? {
        guard case .native(let native) = value, let render = host.renderers[native.type.name]?.html,
              let html = render(value) else { return nil }
        let trimmed = html.drop { $0.isWhitespace }
        return trimmed.hasPrefix("<svg") || trimmed.hasPrefix("<?xml") ? html : nil
    }

    /// How `value` shows in a terminal `width` columns wide: its type's terminal renderer (a
    /// chart drawn in Unicode), or its REPL echo.
    public func terminalText(for value: Value, width: Int, useColor: Bool) -> String {
        if case .native(let native) = value, let render = host.renderers[native.type.name]?.terminal,
           let text = render(value, width, useColor) {
            return text
        }
        return value.echo
    }
}
