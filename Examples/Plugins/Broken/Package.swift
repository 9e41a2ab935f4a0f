// swift-tools-version:6.0
// Two shared libraries that are not loadable plugins, for the loader's tests: one without the
// entry points, one built for another API version.
import PackageDescription

let package = Package(
    name: "BrokenPlugins",
    products: [
        .library(name: "NoEntryPoint", type: .dynamic, targets: ["NoEntryPoint"]),
        .library(name: "WrongAPIVersion", type: .dynamic, targets: ["WrongAPIVersion"]),
    ],
    targets: [
        .target(name: "NoEntryPoint"),
        .target(name: "WrongAPIVersion"),
    ],
    swiftLanguageModes: [.v5]
)
