/// One REPL command: `:NAME ARGUMENTS`.
struct ReplCommandEntry {
    /// The name without the colon (`goto`).
    let name: String
    /// `:goto N`, for `:help`.
    let usage: String
    /// One line for `:help`.
    let summary: String
    /// Runs the command with the text after its name (trimmed). A thrown error is shown as
    /// `error: …` and the REPL goes on.
    let run: (_ arguments: String, _ repl: ReplSession) throws -> Void
}

/// The REPL's own commands, by name. Plugin commands (`PluginHost.commands`) are looked up after
/// these, so a plugin cannot take over a built-in command.
///
/// Extension point: a part of the host that brings commands of its own (grading brings `:check`,
/// `:hint` and `:reset`) writes a `register…Commands()` method in an extension of this class, in a
/// file of its own, and adds its call to `standard()`.
final class ReplCommandTable {
    private(set) var entries: [String: ReplCommandEntry] = [:]

    struct DuplicateCommand: Error, CustomStringConvertible {
        let name: String
        var description: String { "the REPL command :\(name) is registered twice" }
    }

    /// Adds `entry`; a name that is already taken is a programming error reported as `DuplicateCommand`.
    func register(_ entry: ReplCommandEntry) throws {
        guard entries[entry.name] == nil else { throw DuplicateCommand(name: entry.name) }
        entries[entry.name] = entry
    }

    func register(_ name: String, usage: String? = nil, summary: String,
                  run: @escaping (_ arguments: String, _ repl: ReplSession) throws -> Void) throws {
        try register(ReplCommandEntry(name: name, usage: usage ?? ":" + name, summary: summary, run: run))
    }

    func entry(named name: String) -> ReplCommandEntry? { entries[name] }

    /// Every command, in alphabetical order.
    var all: [ReplCommandEntry] { entries.values.sorted { $0.name < $1.name } }

    /// The table the REPL starts with.
    static func standard() throws -> ReplCommandTable {
        let table = ReplCommandTable()
        try table.registerNavigationCommands()
        try table.registerCellCommands()
        try table.registerInspectionCommands()
        try table.registerSessionCommands()
        return table
    }
}

/// A command used the wrong way, or asked for something that is not there: shown as `error: …`.
struct ReplError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
