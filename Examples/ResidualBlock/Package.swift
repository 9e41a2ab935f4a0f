// swift-tools-version:6.0
// ResLab from Swift: the lecture's residual block on numbers, then a small residual network built
// from the course's identity and convolutional blocks and trained on the synthetic hand signs.
import PackageDescription

let package = Package(
    name: "ResidualBlock",
    dependencies: [.package(path: "../../Packages/ResLabKit")],
    targets: [
        .executableTarget(name: "ResidualBlock", dependencies: [.product(name: "ResLabKit", package: "ResLabKit")]),
    ],
    swiftLanguageModes: [.v5]
)
