import Foundation
import Testing
@testable import ResLabNotebook

@Suite struct ProgressStoreTests {
    @Test func defaultPathFollowsXDG() {
        #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/a"])
            == "/tmp/state/reslab/progress.json")
        #expect(ProgressStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/reslab/progress.json")
        // Relative and empty values are ignored, as the XDG specification says.
        #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/a"])
            == "/home/a/.local/state/reslab/progress.json")
        #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/home/a"])
            == "/home/a/.local/state/reslab/progress.json")
    }

    @Test func saveAndLoadRoundTrip() throws {
        let folder = try TemporaryFolder()
        let store = ProgressStore(path: ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": folder.path]))
        #expect(store.load().progress == Progress())
        #expect(store.load().recovery == nil)

        var progress = Progress(currentLesson: "identity-block")
        progress.update(lesson: "identity-block") {
            $0.currentCell = 4
            $0.passed["identity-block"] = ExerciseScore(points: 3, outOf: 3)
            $0.hintsShown["identity-block"] = 1
        }
        try store.save(progress)
        #expect(store.load().progress == progress)
        #expect(try folder.contents("reslab") == ["progress.json"])
        // Stable, readable JSON: sorted keys, so two saves of the same progress are byte for byte equal.
        #expect(try folder.read("reslab/progress.json") == """
        {
          "currentLesson" : "identity-block",
          "lessons" : {
            "identity-block" : {
              "currentCell" : 4,
              "hintsShown" : {
                "identity-block" : 1
              },
              "passed" : {
                "identity-block" : {
                  "outOf" : 3,
                  "points" : 3
                }
              }
            }
          },
          "version" : 1
        }
        """)
    }

    @Test func corruptFileIsKeptAndProgressStartsAfresh() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("{\"version\": 1, \"lessons\": {", to: "reslab/progress.json")
        let store = ProgressStore(path: path)
        let now = Date(timeIntervalSince1970: 1_700_000_000) // 2023-11-14 22:13:20 UTC
        let (progress, recovery) = store.load(now: now)
        #expect(progress == Progress())
        let backup = folder.path + "/reslab/progress.json.corrupt-20231114T221320Z"
        #expect(recovery == ProgressStore.Recovery(reason: "it is not valid progress JSON", backupPath: backup))
        #expect(try folder.read("reslab/progress.json.corrupt-20231114T221320Z") == "{\"version\": 1, \"lessons\": {")
        #expect(!FileManager.default.fileExists(atPath: path))

        // A second corrupt file in the same second does not overwrite the first backup.
        try folder.write("not json", to: "reslab/progress.json")
        #expect(store.load(now: now).recovery?.backupPath == backup + "-2")

        // Saving afterwards works as usual.
        try store.save(Progress(currentLesson: "a"))
        #expect(store.load().progress.currentLesson == "a")
    }

    @Test func otherVersionIsSetAside() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("{\"version\": 2, \"lessons\": {}}", to: "progress.json")
        let (progress, recovery) = ProgressStore(path: path).load()
        #expect(progress == Progress())
        #expect(recovery?.reason == "it is version 2 of the format, this reslab reads version 1")
    }
}
