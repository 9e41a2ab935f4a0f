import ArgumentParser

/// `reslab bench …`: measurements of the engine (kernels) and of whole models.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the engine's speed.",
        subcommands: [BenchModel.self])
}
