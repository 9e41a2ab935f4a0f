import Foundation

/// A small lesson in the plain lesson language (no engine needed) and a way to run `reslab` with
/// piped standard input, for the REPL, `run` and `export` tests.
enum REPLFixtures {
    /// Five cells: two code cells, an exercise, its test, an optional cell. Line numbers of the
    /// fences: 12, 19, 24, 30, 34.
    static let lesson = """
    ---
    id: fixture
    title: A small lesson
    order: 1
    objectives:
      - Step through cells
    ---
    # A small lesson

    Some **prose** before the first cell.

    ```swift
    var rate = 0.5
    print("rate is \\(rate)")
    ```

    Prose before cell two.

    ```swift
    let doubled = rate * 2
    doubled
    ```

    ```swift exercise id=twice points=1
    func twice(_ x: Int) -> Int {
        return x * 2
    }
    ```

    ```swift test exercise=twice points=1 message="twice(2) must be 4"
    let four = twice(2)
    ```

    ```swift optional
    print("the optional cell ran")
    ```

    Closing prose.

    """

    /// A lesson whose third cell fails at line 21, column 11 (the `/` of `a / zero`).
    static let failingLesson = """
    ---
    id: failing
    title: A failing lesson
    order: 2
    ---
    Prose.

    ```swift
    let a = 6
    print("a is \\(a)")
    ```

    ```swift
    let zero = 0
    ```

    More prose.

    ```swift
    print("before the error")
    let b = a / zero
    print("never printed")
    ```

    ```swift
    print("cell 4 never runs")
    ```

    """

    /// Writes the lessons into `home`'s `lessons/` folder (the malformed one beside it, so the
    /// catalogue stays clean); returns that folder.
    @discardableResult
    static func install(in home: TestHome) throws -> String {
        let folder = home.path("lessons")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try lesson.write(toFile: folder + "/fixture.md", atomically: true, encoding: .utf8)
        try failingLesson.write(toFile: folder + "/failing.md", atomically: true, encoding: .utf8)
        try plotLesson.write(toFile: folder + "/plotting.md", atomically: true, encoding: .utf8)
        try malformedLesson.write(toFile: home.path("malformed.md"), atomically: true, encoding: .utf8)
        return folder
    }
}

/// `reslab` run to its end with standard input from a string and output captured.
struct ReslabProcess {
    let status: Int32
    let output: String
    let errors: String

    /// Runs `reslab ARGUMENTS` in `home` (its folder is the working directory) with exactly
    /// `home.environment(extra)`, feeding `input` to standard input.
    static func run(_ arguments: [String], input: String = "", home: TestHome,
                    environment extra: [String: String] = [:]) throws -> ReslabProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("reslab"))
        process.arguments = arguments
        process.environment = home.environment(extra)
        process.currentDirectoryURL = home.root
        let id = UUID().uuidString
        let inputFile = home.path("stdin-\(id)"), outputFile = home.path("stdout-\(id)"), errorFile = home.path("stderr-\(id)")
        try input.write(toFile: inputFile, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputFile))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        try process.run()
        process.waitUntilExit()
        return ReslabProcess(status: process.terminationStatus,
                             output: try String(contentsOfFile: outputFile, encoding: .utf8),
                             errors: try String(contentsOfFile: errorFile, encoding: .utf8))
    }
}

extension REPLFixtures {
    /// A lesson with a plot (the standard host's `plots` plugin) and a tensor.
    static let plotLesson = """
    ---
    id: plotting
    title: Plotting
    order: 3
    plugins: [plots]
    ---
    A loss curve.

    ```swift
    let x = Tensor([[1.0, 2.0], [3.0, 4.0]])
    x.shape
    ```

    ```swift
    lineChart(series: ["loss": [1.0, 0.5, 0.25]], title: "falling loss")
    ```

    """

    /// A lesson the lesson parser rejects: a test for an exercise that does not exist (line 7).
    static let malformedLesson = """
    ---
    id: malformed
    title: Malformed
    order: 4
    ---

    ```swift test exercise=nowhere points=1 message="x"
    let y = 1
    ```

    """
}
