import ArgumentParser
import ResLab

/// `reslab`: the command line. Each subcommand lives in a file of its own (`Commands/`); without
/// one, `reslab [LESSON]` opens the REPL.
@main
struct Reslab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reslab",
        abstract: "A terminal notebook for learning residual networks by running them.",
        subcommands: [Repl.self, Run.self, Export.self, Check.self, Validate.self, Release.self, Grade.self, GradeWorker.self,
                      Bench.self, Train.self],
        defaultSubcommand: Repl.self)
}
