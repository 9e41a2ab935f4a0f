/// Splits an exercise cell into the learner's template and the reference solution.
///
/// In the instructor's copy a solution region is
///
///     // BEGIN SOLUTION
///     ...reference code...
///     // END SOLUTION
///
/// optionally followed at once by a template region whose lines are commented out, so that the
/// instructor's copy runs the solution:
///
///     // BEGIN TEMPLATE
///     // let x = Conv2D(filters: F1, kernelSize: 1)(x)   // fill in the padding
///     // END TEMPLATE
///
/// The template keeps every line outside the regions. A solution region becomes the uncommented
/// template lines when there is a template region, or else one line `// YOUR CODE HERE` indented
/// like the `// BEGIN SOLUTION` marker.
struct SolutionRegions {
    static let placeholder = "// YOUR CODE HERE"

    enum Marker: String, CaseIterable {
        case beginSolution = "BEGIN SOLUTION"
        case endSolution = "END SOLUTION"
        case beginTemplate = "BEGIN TEMPLATE"
        case endTemplate = "END TEMPLATE"

        /// `// BEGIN SOLUTION` etc. alone on its line (any indentation, any spaces after `//`).
        static func exact(_ line: String) -> Marker? {
            let text = line.trimmed()
            guard text.hasPrefix("//") else { return nil }
            return Marker(rawValue: String(text.dropFirst(2)).trimmed())
        }

        /// A line that mentions a marker but is not one (`/* BEGIN SOLUTION */`, `// begin solution`):
        /// refused, because release would otherwise keep the solution that follows it.
        static func nearMiss(_ line: String) -> Marker? {
            guard exact(line) == nil else { return nil }
            let words = line.uppercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
            return allCases.first { words.contains($0.rawValue) }
        }
    }

    /// The student's lines, each with its file line.
    var template: [(text: String, line: Int)] = []
    /// The lines inside solution regions, with their file lines.
    var solutionLines: [String] = []
    var solutionLineNumbers: [Int] = []
    var regionCount = 0

    /// Reads `lines` (an exercise cell's code, `lineNumbers` their file lines).
    /// Appends to `problems` (file line, column, message, fix) for every malformed marker.
    init(lines: [String], lineNumbers: [Int], problems: inout [(line: Int, column: Int, message: String, fix: String)]) {
        enum State {
            case code
            case solution(beginLine: Int, indent: String)
            /// Just after `// END SOLUTION`: a template region may open on this line.
            case afterSolution(beginLine: Int, indent: String)
            case templateRegion(beginLine: Int, lines: [(text: String, line: Int)])
        }
        var state = State.code
        func column(_ text: String) -> Int { text.leadingIndentation.unicodeScalars.count + 1 }

        for (text, line) in zip(lines, lineNumbers) {
            if let near = Marker.nearMiss(text) {
                problems.append((line, column(text), "`\(text.trimmed())` looks like a `// \(near.rawValue)` marker but is not one",
                                 "write the marker alone on its line, exactly `// \(near.rawValue)`"))
                continue
            }
            let marker = Marker.exact(text)
            if case let .afterSolution(beginLine, indent) = state {
                if marker == .beginTemplate {
                    state = .templateRegion(beginLine: line, lines: [])
                    continue
                }
                template.append((indent + Self.placeholder, beginLine))
                state = .code
            }
            switch (state, marker) {
            case (.code, .beginSolution?):
                state = .solution(beginLine: line, indent: text.leadingIndentation)
                regionCount += 1
            case (.code, let other?):
                let fix = other == .beginTemplate || other == .endTemplate
                    ? "put the template region directly after a `// END SOLUTION` line"
                    : "open the region with `// BEGIN SOLUTION` above it"
                problems.append((line, column(text), "`// \(other.rawValue)` without a matching opening marker", fix))
            case (.code, nil):
                template.append((text, line))
            case (.solution, .endSolution?):
                if case let .solution(beginLine, indent) = state {
                    state = .afterSolution(beginLine: beginLine, indent: indent)
                }
            case (.solution(let beginLine, _), let other?):
                problems.append((line, column(text), "`// \(other.rawValue)` inside the solution region opened on line \(beginLine)",
                                 "close the solution region with `// END SOLUTION` first"))
            case (.solution, nil):
                solutionLines.append(text)
                solutionLineNumbers.append(line)
            case (.templateRegion(_, let collected), .endTemplate?):
                template.append(contentsOf: collected)
                state = .code
            case (.templateRegion(let beginLine, _), let other?):
                problems.append((line, column(text), "`// \(other.rawValue)` inside the template region opened on line \(beginLine)",
                                 "close the template region with `// END TEMPLATE` first"))
            case (.templateRegion(let beginLine, var collected), nil):
                if let uncommented = Self.uncomment(text) {
                    collected.append((uncommented, line))
                    state = .templateRegion(beginLine: beginLine, lines: collected)
                } else {
                    problems.append((line, column(text), "template lines must be commented out in the instructor's copy",
                                     "start the line with `//`; release removes the first `// ` of each template line"))
                }
            case (.afterSolution, _):
                break // handled above
            }
        }
        switch state {
        case .code:
            break
        case let .afterSolution(beginLine, indent):
            template.append((indent + Self.placeholder, beginLine))
        case let .solution(beginLine, _):
            problems.append((beginLine, 1, "the solution region opened here has no `// END SOLUTION`",
                             "add a line `// END SOLUTION` after the reference solution, inside the cell"))
        case let .templateRegion(beginLine, _):
            problems.append((beginLine, 1, "the template region opened here has no `// END TEMPLATE`",
                             "add a line `// END TEMPLATE` after the template lines, inside the cell"))
        }
    }

    /// A template line with its first `//` (and one space after it) removed, keeping the indentation
    /// before it; a blank line stays blank. Nil when the line is not a comment.
    static func uncomment(_ line: String) -> String? {
        let indent = line.leadingIndentation
        let rest = line.dropFirst(indent.count)
        if String(rest).trimmed().isEmpty { return "" }
        guard rest.hasPrefix("//") else { return nil }
        let body = rest.dropFirst(2)
        return indent + (body.hasPrefix(" ") ? String(body.dropFirst()) : String(body))
    }
}
