// swift-tools-version:6.0
// ResLabKit: the part of ResLab that the `reslab` host and every plugin share.
//
// It is one *dynamic* library, built once and loaded once. A plugin built apart from the host
// links the same `libResLabKit.so`, so `Tensor`, the language's values and the plugin protocol are
// one set of types on both sides of `dlopen` (two static copies make casts across the boundary fail
// silently). SwiftPM does not let a target depend on a product of its own package, which is why
// this library lives in a package of its own that the root package depends on by path.
import PackageDescription

let package = Package(
    name: "ResLabKit",
    products: [
        .library(
            name: "ResLabKit", type: .dynamic,
            targets: ["ResLabEngine", "ResLabNN", "ResLabScript", "ResLabPlugin", "ResLabBuiltins"]),
        // Helpers the test targets of both packages share (approximate comparison and the like).
        .library(name: "ResLabTestSupport", targets: ["ResLabTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        // The engine's own AVX-512 kernels in C (GEMM for the convolutions, Adam's update).
        // Optimised even in debug builds: the test suite runs debug, and unoptimised kernels
        // would make every convolution crawl.
        .target(name: "CReslabKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "ResLabEngine", dependencies: ["COpenBLAS", "CReslabKernels"]),
        .target(name: "ResLabNN", dependencies: [
            "ResLabEngine", "CHDF5", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "ResLabScript"),
        .target(name: "ResLabPlugin", dependencies: ["ResLabScript", "ResLabNN"]),
        .target(name: "ResLabBuiltins", dependencies: ["ResLabEngine", "ResLabNN", "ResLabScript", "ResLabPlugin"]),
        .target(name: "ResLabTestSupport", dependencies: ["ResLabEngine"]),
        // Golden/ holds the NumPy script and its output; the tests find them through #filePath.
        .testTarget(name: "ResLabEngineTests", dependencies: ["ResLabEngine", "ResLabTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ResLabNNTests", dependencies: ["ResLabNN", "ResLabTestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "ResLabPluginTests", dependencies: ["ResLabPlugin"]),
        .testTarget(name: "ResLabScriptTests", dependencies: ["ResLabScript", "ResLabTestSupport"]),
        .testTarget(name: "ResLabBuiltinsTests", dependencies: ["ResLabBuiltins", "ResLabTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
