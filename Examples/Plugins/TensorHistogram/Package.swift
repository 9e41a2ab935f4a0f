// swift-tools-version:6.0
// An outside ResLab plugin: a `:histogram` REPL command and a renderer that draws a tensor's values
// as a histogram. Built apart from the host; depends only on the published plugin API.
import PackageDescription

let package = Package(
    name: "TensorHistogram",
    products: [.library(name: "TensorHistogram", type: .dynamic, targets: ["TensorHistogram"])],
    dependencies: [.package(path: "../../../Packages/ResLabKit")],
    targets: [
        .target(name: "TensorHistogram", dependencies: [.product(name: "ResLabKit", package: "ResLabKit")]),
    ],
    swiftLanguageModes: [.v5]
)
