import Foundation
import Testing
@testable import ResLabNotebook

@Suite struct LessonCatalogueTests {
    func lesson(id: String, order: Int) -> String {
        "---\nid: \(id)\ntitle: Lesson \(id)\norder: \(order)\n---\nText.\n"
    }

    func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(lesson(id: "identity-block", order: 3), to: "a.md")
        try folder.write(lesson(id: "plain-deep", order: 1), to: "z.md")
        try folder.write(lesson(id: "residual-block", order: 2), to: "m.md")
        try folder.write("# About these lessons\n", to: "README.md")
        try folder.write("```swift test exercise=x points=1 message=m\n```\n", to: "a.hidden.md")
        return folder
    }

    @Test func ordersByFrontMatter() throws {
        let folder = try folder()
        let catalogue = try LessonCatalogue(folder: folder.path)
        #expect(catalogue.entries.map(\.frontMatter.id) == ["plain-deep", "residual-block", "identity-block"])
        #expect(catalogue.entries.map { ($0.path as NSString).lastPathComponent } == ["z.md", "m.md", "a.md"])
        #expect(catalogue.failures.isEmpty)
        #expect(catalogue.first?.frontMatter.id == "plain-deep")
        #expect(catalogue.entry(after: "residual-block")?.frontMatter.id == "identity-block")
        #expect(catalogue.entry(after: "identity-block") == nil)
    }

    @Test func resolvesPathsAndIDs() throws {
        let folder = try folder()
        let catalogue = try LessonCatalogue(folder: folder.path)
        #expect(try catalogue.resolve("residual-block") == folder.path + "/m.md")
        #expect(try catalogue.resolve(folder.path + "/a.md") == folder.path + "/a.md")
        #expect(throws: LessonCatalogue.CatalogueError.notFound(
            reference: "identty-block", known: ["plain-deep", "residual-block", "identity-block"],
            suggestion: "identity-block")) {
            try catalogue.resolve("identty-block")
        }
    }

    @Test func brokenLessonsAreListedNotFatal() throws {
        let folder = try folder()
        try folder.write("---\nid: broken\n---\n", to: "broken.md")
        let catalogue = try LessonCatalogue(folder: folder.path)
        #expect(catalogue.entries.count == 3)
        #expect(catalogue.failures.count == 1)
        #expect(catalogue.failures.first?.diagnostics.first?.location.file == folder.path + "/broken.md")
    }

    @Test func duplicateIDsAreRefused() throws {
        let folder = try folder()
        try folder.write(lesson(id: "plain-deep", order: 9), to: "b.md")
        #expect(throws: LessonCatalogue.CatalogueError.duplicateID(
            id: "plain-deep", paths: [folder.path + "/b.md", folder.path + "/z.md"])) {
            try LessonCatalogue(folder: folder.path)
        }
    }

    @Test func defaultFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/repo/lessons", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/repo/.build/debug", withIntermediateDirectories: true)
        #expect(LessonCatalogue.defaultFolder(environment: ["RESLAB_LESSONS": "/x"], currentFolder: "/", executablePath: nil) == "/x")
        #expect(LessonCatalogue.defaultFolder(environment: [:], currentFolder: folder.path + "/repo", executablePath: nil)
            == folder.path + "/repo/lessons")
        let found = LessonCatalogue.defaultFolder(environment: [:], currentFolder: "/",
                                                  executablePath: folder.path + "/repo/.build/debug/reslab")
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            == URL(fileURLWithPath: folder.path + "/repo/lessons").resolvingSymlinksInPath().path)
    }

    @Test func editDistance() {
        #expect(LessonCatalogue.editDistance("kitten", "sitting") == 3)
        #expect(LessonCatalogue.editDistance("", "abc") == 3)
        #expect(LessonCatalogue.editDistance("same", "same") == 0)
    }
}
