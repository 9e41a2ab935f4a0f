import Foundation
import ResLab

/// The formats `reslab export` and `:export` write.
enum ExportFormat: String, CaseIterable {
    case md, html

    /// The lesson with its outputs in this format.
    func render(_ lesson: Lesson, transcript: [CellTranscript]) -> String {
        switch self {
        case .md: return MarkdownExporter.export(lesson, transcript: transcript)
        case .html: return HTMLExporter.export(lesson, transcript: transcript)
        }
    }

    /// Writes the export to `path` atomically.
    func write(_ lesson: Lesson, transcript: [CellTranscript], to path: String) throws {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        try Data(render(lesson, transcript: transcript).utf8).write(to: url, options: .atomic)
    }
}
