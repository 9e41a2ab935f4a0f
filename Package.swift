// swift-tools-version:6.0
// ResLab: a terminal notebook for learning residual networks by running them.
//
// Layout (see README.md, "How the code is laid out"):
// - Packages/ResLabKit: the engine, the layers, the lesson language's runtime and the plugin API,
//   built as one shared library that the host and outside plugins both link.
// - Sources/: what only the host needs: the Swift-syntax front end of the lesson language, the
//   notebook (lessons, sessions, grading), the `ResLab` umbrella library and the `reslab` executable.
import PackageDescription

let package = Package(
    name: "ResLab",
    products: [
        .library(name: "ResLab", targets: ["ResLab"]),
        .executable(name: "reslab", targets: ["reslab"]),
    ],
    dependencies: [
        .package(path: "Packages/ResLabKit"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CReadline", pkgConfig: "readline", providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "ResLabFrontend", dependencies: [
            .product(name: "ResLabKit", package: "ResLabKit"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftOperators", package: "swift-syntax"),
        ]),
        .target(name: "ResLabNotebook", dependencies: [
            "ResLabFrontend", "CCmarkGFM",
            .product(name: "ResLabKit", package: "ResLabKit"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "ResLab", dependencies: [
            "ResLabFrontend", "ResLabNotebook",
            .product(name: "ResLabKit", package: "ResLabKit"),
        ]),
        // The REPL's line input over GNU readline, a library of its own so a test probe can use it.
        .target(name: "ReslabLineEditor", dependencies: ["CReadline"]),
        .executableTarget(name: "reslab", dependencies: [
            "ResLab", "ReslabLineEditor",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Tests of the front end, the notebook, grading and the real `reslab` binary. The engine's,
        // the layers' and the interpreter core's tests live in Packages/ResLabKit/Tests.
        // The `// expect:` reader the golden-script tests of the front end and of the bindings share.
        .target(name: "GoldenScriptSupport", dependencies: [.product(name: "ResLabKit", package: "ResLabKit")],
                path: "Tests/GoldenScriptSupport"),
        .testTarget(name: "ResLabFrontendTests", dependencies: [
            "ResLab", "GoldenScriptSupport", .product(name: "ResLabTestSupport", package: "ResLabKit"),
        ], exclude: ["Scripts"]),  // golden lesson-language scripts, read at run time
        // Golden scripts on tensors and layers with the standard host, and the real `reslab run`.
        .testTarget(name: "ResLabBindingsTests", dependencies: [
            "ResLab", "GoldenScriptSupport", "reslab", .product(name: "ResLabTestSupport", package: "ResLabKit"),
        ], exclude: ["Scripts", "MustRun"]),  // scripts read at run time; the program and its NumPy check
        .testTarget(name: "ResLabNotebookTests", dependencies: [
            "ResLab", .product(name: "ResLabTestSupport", package: "ResLabKit"),
        ]),
        .testTarget(name: "ReslabCLITests", dependencies: [
            "ReslabLineEditor", "LineEditorProbe", "reslab",
            .product(name: "ResLabTestSupport", package: "ResLabKit"),
        ]),
        // A small program around ReslabLineEditor that ReslabCLITests drives in a pseudo-terminal.
        .executableTarget(name: "LineEditorProbe", dependencies: ["ReslabLineEditor"], path: "Tests/LineEditorProbe"),
    ],
    swiftLanguageModes: [.v5]
)
