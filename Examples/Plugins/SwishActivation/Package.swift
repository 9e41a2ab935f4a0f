// swift-tools-version:6.0
// An outside ResLab plugin: the swish activation, x · sigmoid(βx), as a function and as a Keras-style
// layer with its gradient. Built apart from the host; depends only on the published plugin API.
import PackageDescription

let package = Package(
    name: "SwishActivation",
    products: [.library(name: "SwishActivation", type: .dynamic, targets: ["SwishActivation"])],
    dependencies: [.package(path: "../../../Packages/ResLabKit")],
    targets: [
        .target(name: "SwishActivation", dependencies: [.product(name: "ResLabKit", package: "ResLabKit")]),
    ],
    swiftLanguageModes: [.v5]
)
