/// A persistent run of lesson code: the globals of every snippet run so far, one registry of
/// natives, the limits, and the cancellation flag. A notebook keeps one per open lesson; the REPL
/// one per prompt; `reslab run` one per file.
///
/// Running a snippet resolves it against the names defined so far, then interprets it on a
/// thread with a large stack. A top-level `let` may be declared again by a later snippet (running
/// a notebook cell a second time replaces its definitions).
///
/// Not for concurrent use: run one snippet at a time (the host waits for `execute`); only
/// `cancellation` may be touched from another thread meanwhile.
public final class ScriptSession {
    public let registry: NativeRegistry
    public var limits: ExecutionLimits
    /// Raise it (from any thread, a signal handler included) to stop the running snippet.
    public let cancellation = CancellationFlag()
    /// Receives output as it is printed, in addition to the result's `output` (the REPL streams
    /// a training loop's progress through it).
    public var outputSink: ((String) -> Void)?

    let globals = Environment(parent: nil)

    public init(registry: NativeRegistry = NativeRegistry(), limits: ExecutionLimits = .default,
                outputSink: ((String) -> Void)? = nil) {
        self.registry = registry
        self.limits = limits
        self.outputSink = outputSink
    }

    // MARK: - Globals

    /// The names defined by earlier snippets, as the resolver sees them.
    public var globalNames: [GlobalName] {
        globals.bindings.map { name, binding in
            var function: FunctionDecl?
            if case .function(let value) = binding.value { function = value.declaration }
            return GlobalName(name: name, isConstant: binding.isConstant, type: binding.type, function: function)
        }
    }

    /// The current value of a global, or nil when there is none (or it is a `let` not yet given a value).
    public func value(of name: String) -> Value? {
        guard let binding = globals.lookup(name), binding.isInitialized else { return nil }
        return binding.value
    }

    /// Forgets every global (a fresh kernel).
    public func reset() { globals.removeAll() }

    // MARK: - Running

    /// Resolves `program` against the session's globals without running it.
    public func check(_ program: Program) -> (errors: [ScriptError], analysis: SnippetAnalysis) {
        Resolver(registry: registry, globals: globalNames).resolve(program)
    }

    /// Resolves and runs a lowered snippet. Never throws: every problem is in the result's `errors`.
    public func execute(_ program: Program) -> ExecutionResult {
        let (errors, analysis) = check(program)
        guard errors.isEmpty else { return ExecutionResult(output: "", value: nil, errors: errors, analysis: analysis) }
        cancellation.reset()
        let collected = OutputCollector(forwardTo: outputSink)
        let interpreter = Interpreter(registry: registry, globals: globals, limits: limits, cancellation: cancellation,
                                      output: collected.write)
        let outcome: Result<Value?, ScriptError> = LargeStackThread.run {
            do {
                return .success(try interpreter.run(program))
            } catch let error as ScriptError {
                return .failure(error)
            } catch {
                return .failure(ScriptError(.runtime, String(describing: error), at: program.statements.first?.location
                                            ?? SourceLocation(source: program.source, line: 1, column: 1)))
            }
        }
        switch outcome {
        case .success(let value):
            return ExecutionResult(output: collected.text, value: value, errors: [], analysis: analysis)
        case .failure(let error):
            return ExecutionResult(output: collected.text, value: nil, errors: [error], analysis: analysis)
        }
    }
}

/// Gathers an execution's output and forwards each piece as it comes.
private final class OutputCollector: @unchecked Sendable {
    // Unchecked: written only by the interpreter's thread, read after it has ended.
    private(set) var text = ""
    private let forward: ((String) -> Void)?

    init(forwardTo forward: ((String) -> Void)?) { self.forward = forward }

    func write(_ piece: String) {
        text += piece
        forward?(piece)
    }
}
