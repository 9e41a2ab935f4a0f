import Foundation
import Testing

/// The example plugins in `Examples/Plugins/`, each built as a package of its own with
/// `swift build`, loaded by path into the real `reslab` and used.
@Suite("Plugins built apart and loaded at run time", .serialized)
struct PluginTests {
    let home: TestHome
    let libraries: ExamplePlugins.Libraries

    init() throws {
        home = try TestHome()
        libraries = try ExamplePlugins.built.get()
    }

    @Test func swishLayerWorksEagerlyInAModelAndPassesTheGradientChecker() throws {
        let script = home.path("swish.swift")
        try """
        let x = Tensor([[-2.0, -0.5, 0.0, 1.5]])
        // The plugin's own loop against the engine's sigmoid: x · σ(x).
        print(abs(swish(x) - x * sigmoid(x)).max().scalarized() < 1e-6)
        print(swish(Tensor([[0.0]])).scalars)
        let report = checkGradients(at: x) { x in swish(x, beta: 1.5).sum() }
        print(report.passed)
        let input = Input(shape: [4])
        let output = Dense(units: 2)(Swish(beta: 1.0)(input))
        let model = Model(inputs: input, outputs: output)
        model.summary()
        print(model.predict(x: x).shape)
        """.write(toFile: script, atomically: true, encoding: .utf8)

        let run = try ReslabProcess.run(["run", script, "--plugin", libraries.swish], home: home)
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["true", "[0.0]", "true"])
        #expect(run.output.contains("swish (Swish)"))
        #expect(run.output.contains("Total params: 10"))  // Dense 4→2: 8 weights + 2 biases
        #expect(lines.last == "[1, 2]")
    }

    @Test func histogramCommandFunctionAndRendererWorkAtTheREPL() throws {
        let lessons = try REPLFixtures.install(in: home)
        _ = lessons
        let input = """
        :plugin load \(libraries.histogram)
        :plugins
        let t = Tensor([[1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0, 4.0]])
        :histogram t 4
        histogram(t, bins: 4).counts

        """
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: input, home: home)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Loaded histogram 1.0.0: types: Histogram; functions: histogram(_:bins:); commands: :histogram; "
                                    + "renderers: Histogram; cell roles: histogram"))
        #expect(run.output.contains("histogram 1.0.0 (\(libraries.histogram))"))
        // Range 1…4 in four bins of 0.75: one 1, two 2s, three 3s, four 4s (the maximum goes in the last bin).
        #expect(run.output.contains("[   1.0000,    1.7500) "))
        #expect(run.output.contains("[   3.2500,    4.0000] "))
        #expect(run.output.contains("[Int] = [1, 2, 3, 4]"))
    }

    @Test func pluginsThatCannotLoadSayWhyInOneLineAndTheSessionGoesOn() throws {
        _ = try REPLFixtures.install(in: home)
        let notALibrary = home.path("notes.so")
        try "just text".write(toFile: notALibrary, atomically: true, encoding: .utf8)
        let input = """
        :plugin load \(libraries.noEntryPoint)
        :plugin load \(libraries.wrongAPIVersion)
        :plugin load \(notALibrary)
        :plugin load \(home.path("missing.so"))
        :plugin load \(libraries.histogram)
        :plugin load \(libraries.histogram)
        1 + 1

        """
        let run = try ReslabProcess.run(["lessons/fixture.md"], input: input, home: home)
        #expect(run.status == 0, "\(run.errors)")
        let all = run.output + run.errors
        #expect(all.contains("cannot load plugin \(libraries.noEntryPoint): no entry point 'reslab_plugin_api_version': not a ResLab plugin"))
        #expect(all.contains("cannot load plugin \(libraries.wrongAPIVersion): built for plugin API version 999, this reslab has version 2"))
        #expect(all.contains("cannot load plugin \(notALibrary): not a shared library (no ELF header)"))
        #expect(all.contains("cannot load plugin \(home.path("missing.so")): no such file"))
        #expect(all.contains("cannot load plugin \(libraries.histogram): already loaded"))
        #expect(run.output.contains("Int = 2"))
    }

    @Test func aPluginNamedOnTheCommandLineThatFailsIsReportedAndReslabGoesOn() throws {
        let script = home.path("plain.swift")
        try "print(1 + 1)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let run = try ReslabProcess.run(["run", script, "--plugin", libraries.noEntryPoint], home: home)
        #expect(run.status == 0)
        #expect(run.errors.contains("cannot load plugin \(libraries.noEntryPoint): no entry point"))
        #expect(run.output == "2\n")
    }

    @Test func aLessonThatDeclaresAPluginLoadsIt() throws {
        let lesson = home.path("uses-swish.md")
        try """
        ---
        id: uses-swish
        title: Swish
        order: 1
        plugins: [\(libraries.swish)]
        ---

        # Swish

        ```swift
        print(swish(Tensor([[0.0]])).scalars)
        ```

        """.write(toFile: lesson, atomically: true, encoding: .utf8)
        let run = try ReslabProcess.run(["run", lesson], home: home)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("[0.0]\n"))
    }

    /// `Examples/Plugins/TensorHistogram/histogram-cells.md`: a code cell `let t = Tensor([[1, 2, 2,
    /// 3, 3, 3, 4, 4, 4, 4]])`, then `histogram` cells of `t` (bins=4, fence on line 19) and of
    /// `relu(t - 2.5)` (bins=2, line 25). At 72 columns a bar is at most 72 − 32 = 40 blocks long.
    @Test func aLessonsHistogramCellsShowTheHistogramOfTheirExpression() throws {
        let lesson = ExamplePlugins.histogramLesson
        let run = try ReslabProcess.run(["run", lesson, "--plugin", libraries.histogram], home: home,
                                        environment: ["COLUMNS": "72"])
        #expect(run.status == 0, "\(run.errors)")
        func bar(_ blocks: Int) -> String { String(repeating: "█", count: blocks) }
        let lines = run.output.split(separator: "\n").map(String.init)
        let expected = [
            "── cell 2 · line 19 · histogram ──",
            "10 values, shape [1, 10]",
            // Range 1…4 in four bins of 0.75 holds one 1, two 2s, three 3s and four 4s; bars 40·n/4.
            "[   1.0000,    1.7500) \(bar(10)) 1",
            "[   1.7500,    2.5000) \(bar(20)) 2",
            "[   2.5000,    3.2500) \(bar(30)) 3",
            "[   3.2500,    4.0000] \(bar(40)) 4",
            "── cell 3 · line 25 · histogram ──",
            "10 values, shape [1, 10]",
            // relu(t − 2.5) = 0, 0, 0, 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5: six below 0.75, four above;
            // the shorter bar is 40·4/6 = 26 blocks (rounded down).
            "[   0.0000,    0.7500) \(bar(40)) 6",
            "[   0.7500,    1.5000] \(bar(26)) 4",
        ]
        let start = try #require(lines.firstIndex(of: expected[0]))
        #expect(Array(lines[start...].prefix(expected.count)) == expected)
        #expect(lines.last?.hasPrefix("✔ 3 cells ran") == true)

        // The export carries the same text as the cell's output; the REPL shows it on arrival.
        let export = try ReslabProcess.run(["export", lesson, "--to", "md", "--plugin", libraries.histogram], home: home)
        #expect(export.status == 0, "\(export.errors)")
        #expect(export.output.contains("```swift histogram bins=2\nrelu(t - 2.5)\n```\n\n```text\n10 values, shape [1, 10]\n"
                                       + "[   0.0000,    0.7500) "))
        let repl = try ReslabProcess.run([lesson, "--plugin", libraries.histogram], input: ":next\n", home: home,
                                         environment: ["COLUMNS": "72"])
        #expect(repl.status == 0, "\(repl.errors)")
        #expect(repl.output.contains("cell 2 of 3 · line 19 · histogram"))
        #expect(repl.output.contains("[   3.2500,    4.0000] \(bar(40)) 4\n"))
    }

    @Test func aLessonWhoseCellRoleNoLoadedPluginRegistersSaysWhichPluginToLoad() throws {
        let lesson = ExamplePlugins.histogramLesson
        let run = try ReslabProcess.run(["run", lesson], home: home)
        #expect(run.status == 2)
        #expect(!run.output.contains("10 values"))
        #expect(run.errors.contains("warning: \(lesson) uses plugin `histogram`, which is not loaded; load it with --plugin PATH"))
        // Both histogram cells are named, each at its role on its fence line.
        #expect(run.errors.contains("""
        \(lesson):19:10: error: unknown cell role `histogram`: no loaded plugin registers it
            ```swift histogram bins=4
                     ^
            fix: load the plugin the lesson declares, `histogram` (reslab --plugin PATH, :plugin load PATH, \
        or the plugins folder); known roles: code, exercise, test (built in)
        """))
        #expect(run.errors.contains("\(lesson):25:10: error: unknown cell role `histogram`"))

        // The instructor's check fails on it too, and passes once the plugin is loaded.
        let invalid = try ReslabProcess.run(["validate", lesson], home: home)
        #expect(invalid.status == 1)
        #expect(invalid.output.contains("  ✗ a loaded plugin registers every plugin cell's role (2 plugin cells: `histogram`)\n"))
        let valid = try ReslabProcess.run(["validate", lesson, "--plugin", libraries.histogram], home: home)
        #expect(valid.status == 0, "\(valid.output)\(valid.errors)")
        #expect(valid.output.contains("  ✓ a loaded plugin registers every plugin cell's role (2 plugin cells: `histogram`)\n"))

        // So does the release: without the plugin nothing is written; with it the student copy is.
        let out = home.path("released")
        let refused = try ReslabProcess.run(["release", lesson, "--out", out], home: home)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(lesson):19:10: error: unknown cell role `histogram`: no loaded plugin registers it"))
        #expect(!FileManager.default.fileExists(atPath: out + "/histogram-cells.md"))
        let released = try ReslabProcess.run(["release", lesson, "--out", out, "--plugin", libraries.histogram], home: home)
        #expect(released.status == 0, "\(released.errors)")
        #expect(FileManager.default.fileExists(atPath: out + "/histogram-cells.md"))
    }

    @Test func pluginsInTheUserPluginsFolderLoadAtStartUp() throws {
        let folder = home.path("config/reslab/plugins")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/libSwishActivation.so", withDestinationPath: libraries.swish)
        let script = home.path("uses-swish.swift")
        try "print(swish(Tensor([[0.0]])).scalars)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let run = try ReslabProcess.run(["run", script], home: home)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "[0.0]\n")
    }
}

/// Builds the example plugin packages once per test run, each with its own `swift build`, into one
/// scratch folder under the root package's `.build` (so ResLabKit compiles once for all three).
enum ExamplePlugins {
    struct Libraries {
        let swish: String
        let histogram: String
        let noEntryPoint: String
        let wrongAPIVersion: String
    }

    struct BuildFailure: Error, CustomStringConvertible {
        let package: String
        let log: String
        var description: String { "swift build of \(package) failed:\n\(log)" }
    }

    static let built: Result<Libraries, Error> = Result { try build() }

    /// A lesson whose cells use the TensorHistogram plugin's `histogram` cell role.
    static var histogramLesson: String {
        repositoryRoot.appendingPathComponent("Examples/Plugins/TensorHistogram/histogram-cells.md").path
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The scratch folder every example package builds into.
    static var scratch: URL { repositoryRoot.appendingPathComponent(".build/plugin-examples") }

    private static func build() throws -> Libraries {
        for package in ["Plugins/SwishActivation", "Plugins/TensorHistogram", "Plugins/Broken"] {
            try buildPackage(package)
        }
        // `debug` is a symbolic link to the triple-named folder; the host reports resolved paths.
        let products = scratch.appendingPathComponent("debug").resolvingSymlinksInPath()
        func library(_ name: String) -> String { products.appendingPathComponent("lib\(name).so").path }
        return Libraries(swish: library("SwishActivation"), histogram: library("TensorHistogram"),
                         noEntryPoint: library("NoEntryPoint"), wrongAPIVersion: library("WrongAPIVersion"))
    }

    /// Serialises the example builds: two `swift build`s sharing one scratch folder at once (the
    /// plugin tests and the example program's test run in parallel) left a stale library behind.
    private static let buildLock = NSLock()

    /// Runs `swift build` on the package at `Examples/PACKAGE` into the shared scratch folder.
    static func buildPackage(_ package: String) throws {
        buildLock.lock()
        defer { buildLock.unlock() }
        let examples = repositoryRoot.appendingPathComponent("Examples")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--package-path", examples.appendingPathComponent(package).path,
                             "--scratch-path", scratch.path]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("example-build-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        guard process.terminationStatus == 0 else { throw BuildFailure(package: package, log: text) }
    }
}
