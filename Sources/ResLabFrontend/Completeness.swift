import ResLabScript
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Whether a REPL entry is ready to run.
public enum Completeness: Sendable, Equatable {
    /// Parses without errors: run it.
    case complete
    /// Everything wrong is missing at the end (an open brace, a trailing operator, an open
    /// multi-line string): read another line.
    case incomplete
    /// An error that more text cannot fix: run it to show the error.
    case invalid
}

extension ScriptFrontend {
    /// Asks Swift's parser whether `text` is a complete entry.
    public static func completeness(of text: String) -> Completeness {
        LargeStackThread.run {
            let tree = syntaxTree(text)
            let errors = ParseDiagnosticsGenerator.diagnostics(for: tree).filter { $0.diagMessage.severity == .error }
            guard !errors.isEmpty else { return .complete }
            // A single-line string cannot continue on the next line: its missing quote is an error.
            if UnterminatedStringFinder.hasUnterminatedSingleLineString(tree) { return .invalid }
            var lastToken = tree.lastToken(viewMode: .sourceAccurate)
            while let token = lastToken, token.tokenKind == .endOfFile { lastToken = token.previousToken(viewMode: .sourceAccurate) }
            guard let end = lastToken?.endPositionBeforeTrailingTrivia else { return .invalid }
            return errors.allSatisfy { $0.position >= end } ? .incomplete : .invalid
        }
    }
}

private final class UnterminatedStringFinder: SyntaxVisitor {
    private var found = false

    static func hasUnterminatedSingleLineString(_ tree: SourceFileSyntax) -> Bool {
        let finder = UnterminatedStringFinder(viewMode: .sourceAccurate)
        finder.walk(tree)
        return finder.found
    }

    override func visit(_ node: StringLiteralExprSyntax) -> SyntaxVisitorContinueKind {
        if node.openingQuote.tokenKind == .stringQuote, node.closingQuote.presence == .missing { found = true }
        return .visitChildren
    }
}
