import ArgumentParser
import ResLab

/// `reslab`: the command line. Each subcommand lives in a file of its own (`Commands/`).
@main
struct Reslab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reslab",
        abstract: "A terminal notebook for learning residual networks by running them.",
        subcommands: [Bench.self, Run.self, Train.self])
}
