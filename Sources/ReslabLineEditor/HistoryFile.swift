import Foundation

/// The history file: one entry per line, so that a multi-line entry comes back as one entry.
///
/// Format (UTF-8): each entry on a line of its own with `\` written as `\\` and a newline inside
/// the entry written as `\n`; blank lines are ignored. Entries are oldest first. Saving re-reads
/// the file, so two sessions that ran at the same time both keep their entries; then duplicates
/// collapse to their most recent use and only the newest `limit` entries are kept. The file is
/// replaced atomically (written beside it, then renamed), so a crash never leaves half a file.
struct HistoryFile {
    let path: String
    let limit: Int

    /// The entries in the file, oldest first; none if the file does not exist yet.
    func load() throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LineEditorError.historyUnreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LineEditorError.historyUnreadable(path: path, reason: "it is not UTF-8 text")
        }
        return Self.collapsed(text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true)
            .map { Self.decode(Substring($0)) })
    }

    /// Adds `newEntries` (this session's, oldest first) to what the file holds now and writes it.
    func save(appending newEntries: [String]) throws {
        let merged = Self.trimmed(Self.collapsed(try load() + newEntries), to: limit)
        let text = merged.map { Self.encode($0) + "\n" }.joined()
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw LineEditorError.historyUnwritable(path: path, reason: error.localizedDescription)
        }
    }

    /// `entries` with every duplicate removed except its last (most recent) occurrence.
    static func collapsed(_ entries: [String]) -> [String] {
        var seen = Set<String>()
        var kept: [String] = []
        for entry in entries.reversed() where seen.insert(entry).inserted {
            kept.append(entry)
        }
        return kept.reversed()
    }

    /// The newest `limit` entries.
    static func trimmed(_ entries: [String], to limit: Int) -> [String] {
        Array(entries.suffix(max(0, limit)))
    }

    /// One line of the file for `entry`. Works on Unicode scalars, not `Character`s, because
    /// Swift treats `\r\n` as one `Character` and a carriage return must not hide a newline.
    static func encode(_ entry: String) -> String {
        var line = String.UnicodeScalarView()
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": line.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": line.append(contentsOf: "\\n".unicodeScalars)
            case "\r": line.append(contentsOf: "\\r".unicodeScalars)
            default: line.append(scalar)
            }
        }
        return String(line)
    }

    /// Reverses `encode`; a backslash before any other character stays as it is.
    static func decode(_ line: Substring) -> String {
        var entry = String.UnicodeScalarView()
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": entry.append("\n")
                case "r": entry.append("\r")
                case "\\": entry.append("\\")
                default: entry.append("\\"); entry.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                entry.append(scalar)
            }
        }
        if escaped { entry.append("\\") }
        return String(entry)
    }
}
