import ResLabScript
import SwiftDiagnostics
import SwiftOperators
@_spi(Compiler) import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// The lesson language's front end: Swift's own parser (swift-syntax), its diagnostics, operator
/// folding by Swift's standard precedence groups, and lowering to `ResLabScript`'s AST.
public enum ScriptFrontend {
    /// The deepest nesting of brackets and braces the parser accepts (swift-syntax's release
    /// default; parsing runs on a large stack, so debug builds take it too).
    public static let maximumNestingLevel = 256

    /// A parsed and lowered snippet, or everything wrong with it.
    public struct ParseResult: Sendable {
        /// Nil when there are errors.
        public let program: Program?
        /// Every syntax error the parser found, or every construct outside the subset.
        public let errors: [ScriptError]
    }

    /// Parses `text` as lesson code named `file` in positions.
    public static func parse(_ text: String, file: String = "<input>") -> ParseResult {
        LargeStackThread.run { parseOnCurrentThread(text, file: file) }
    }

    private static func parseOnCurrentThread(_ text: String, file: String) -> ParseResult {
        let source = SourceFile(name: file, text: text)
        let tree = syntaxTree(text)
        let syntaxErrors = convert(ParseDiagnosticsGenerator.diagnostics(for: tree), tree: tree, source: source)
        guard syntaxErrors.isEmpty else { return ParseResult(program: nil, errors: syntaxErrors) }
        // Folding by Swift's precedence groups reports what the compiler would: `a < b == c`
        // mixes non-associative operators, an unknown operator has no precedence.
        var foldingErrors: [Diagnostic] = []
        let folded = OperatorTable.standardOperators.foldAll(tree) { foldingErrors.append($0.asDiagnostic) }
            .as(SourceFileSyntax.self) ?? tree
        guard foldingErrors.isEmpty else {
            return ParseResult(program: nil, errors: convert(foldingErrors, tree: tree, source: source))
        }
        let lowerer = Lowerer(source: source, tree: folded)
        let statements = lowerer.lower(folded)
        guard lowerer.errors.isEmpty else { return ParseResult(program: nil, errors: lowerer.errors) }
        return ParseResult(program: Program(source: source, statements: statements), errors: [])
    }

    static func syntaxTree(_ text: String) -> SourceFileSyntax {
        var text = text
        return text.withUTF8 { buffer in Parser.parse(source: buffer, maximumNestingLevel: maximumNestingLevel) }
    }

    /// swift-syntax's error diagnostics (every one of them, in source order) as language errors.
    private static func convert(_ diagnostics: [Diagnostic], tree: SourceFileSyntax, source: SourceFile) -> [ScriptError] {
        let converter = SourceLocationConverter(fileName: source.name, tree: tree)
        return diagnostics
            .filter { $0.diagMessage.severity == .error }
            .map { diagnostic in
                let position = diagnostic.location(converter: converter)
                let hint = diagnostic.fixIts.first.map { fixIt -> String in
                    let text = fixIt.message.message
                    return text.prefix(1).uppercased() == text.prefix(1) ? text : text.prefix(1).uppercased() + text.dropFirst()
                }
                return ScriptError(.syntax, diagnostic.message,
                                   at: ResLabScript.SourceLocation(source: source, line: position.line, column: position.column),
                                   hint: hint)
            }
    }
}

extension ScriptSession {
    /// Parses, resolves and runs `text` in this session. Never throws: syntax errors, constructs
    /// outside the subset, resolution errors and the runtime error are all in `errors`.
    ///
    ///     let session = ScriptSession(registry: registry)
    ///     let result = session.run("let x = [1.0, 2.5]\nx", file: "cell 1")
    ///     result.output      // what it printed
    ///     result.echo        // "[Double] = [1.0, 2.5]"
    ///     result.errors.rendered
    public func run(_ text: String, file: String = "<input>") -> ExecutionResult {
        let parsed = ScriptFrontend.parse(text, file: file)
        guard let program = parsed.program else {
            return ExecutionResult(output: "", value: nil, errors: parsed.errors, analysis: SnippetAnalysis())
        }
        return execute(program)
    }

    /// What `text` would define, use and mutate, and its errors, without running it.
    public func analyze(_ text: String, file: String = "<input>") -> (errors: [ScriptError], analysis: SnippetAnalysis) {
        let parsed = ScriptFrontend.parse(text, file: file)
        guard let program = parsed.program else { return (parsed.errors, SnippetAnalysis()) }
        return check(program)
    }
}
