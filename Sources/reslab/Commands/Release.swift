import ArgumentParser
import Foundation
import ResLab

/// `reslab release LESSON… --out DIR`: writes the student versions.
struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the student version of lessons: solutions replaced by templates, hidden tests left out.",
        discussion: """
            The release stops when a lesson or its hidden tests file is malformed, or when a line of \
            a reference solution would appear anywhere in the output. Run reslab validate first.
            """)

    @ArgumentParser.Argument(help: "The lessons (instructor's copies).")
    var lessons: [String]

    @Option(help: "The folder to write the student versions to (not the lessons' own folder).")
    var out: String

    func run() throws {
        var failed = false
        for path in lessons {
            do {
                let written = try LessonRelease.release(lessonAt: path, to: out)
                print("wrote \(written)")
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
