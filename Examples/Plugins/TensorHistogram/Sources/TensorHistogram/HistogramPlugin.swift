import ResLabBuiltins
import ResLabPlugin

/// Registers `histogram(_:bins:)`, a `Histogram` value with a renderer for the terminal, Markdown
/// and HTML, the REPL command `:histogram NAME [BINS]`, and the lesson cell role `histogram`
/// (```` ```swift histogram bins=8 ```` around an expression giving a tensor).
final class HistogramPlugin: ResLabPlugin {
    let name = "histogram"
    let version = "1.0.0"

    func register(with registrar: PluginRegistrar) throws {
        let histogramType = try registrar.defineType(Histogram.self, name: "Histogram",
                                                     doc: "Counts of a tensor's values in equal-width bins.") { type in
            type
                .property("counts", .array(.int), get: { .array($0.counts.map(Value.int)) })
                .display { $0.renderText(width: 72) }
        }

        try registrar.function("histogram", [.init("_", .named("Tensor")), .init("bins", .int, default: .int(10))],
                               returns: .named("Histogram"),
                               doc: "The histogram of a tensor's values.") { args, _ in
            let tensor = try TensorBinding.tensor(converting: args[0], parameter: "x")
            let bins = try args.int("bins")
            guard (1...1000).contains(bins) else {
                throw NativeError("histogram: bins must be between 1 and 1000, got \(bins)")
            }
            return histogramType.wrap(Histogram(values: tensor.scalars, bins: bins))
        }

        try registrar.renderer(ValueRenderer(
            typeName: "Histogram",
            terminal: { value, width, _ in histogramType.unwrap(value)?.renderText(width: width) },
            markdown: { value in histogramType.unwrap(value).map { "```text\n\($0.renderText(width: 72))\n```" } },
            html: { value in histogramType.unwrap(value)?.renderSVG() }))

        try registrar.command(ReplCommand(
            name: "histogram", summary: "Show the histogram of a tensor's values.",
            usage: ":histogram NAME [BINS]") { arguments, context in
            let words = arguments.split(separator: " ").map(String.init)
            guard let name = words.first else { throw NativeError("usage: :histogram NAME [BINS]") }
            guard let value = context.value(named: name) else { throw NativeError("no value named '\(name)'") }
            guard let tensor = TensorBinding.tensor(from: value) else {
                throw NativeError("'\(name)' is a \(value.type), not a Tensor with numbers")
            }
            let bins = words.count > 1 ? Int(words[1]) : 10
            guard let bins, (1...1000).contains(bins) else { throw NativeError("BINS must be a number from 1 to 1000") }
            return Histogram(values: tensor.scalars, bins: bins).renderText(width: context.width)
        })

        try registrar.cellRole(CellRole(
            name: "histogram",
            summary: "The histogram of the tensor the cell's expression gives; setting bins=N (default 10).") { source, settings, context in
            if let unknown = settings.keys.sorted().first(where: { $0 != "bins" }) {
                throw NativeError("a histogram cell takes only bins=N, not \(unknown)=")
            }
            let bins = settings["bins"].map { Int($0) } ?? 10
            guard let bins, (1...1000).contains(bins) else {
                throw NativeError("bins=\(settings["bins"] ?? "") is not a number from 1 to 1000")
            }
            // The cell's code runs in the lesson's session: any expression giving a Tensor.
            guard let value = try context.evaluate(source) else {
                throw NativeError("a histogram cell ends in an expression giving a Tensor, e.g. `weights` or `relu(z)`")
            }
            guard let tensor = TensorBinding.tensor(from: value) else {
                throw NativeError("the histogram cell's expression gives a \(value.type), not a Tensor")
            }
            let histogram = Histogram(values: tensor.scalars, bins: bins)
            return "\(tensor.count) values, shape \(tensor.shape)\n" + histogram.renderText(width: context.width)
        })
    }
}

@_cdecl("reslab_plugin_api_version")
public func pluginAPIVersion() -> Int32 { ResLabPluginAPI.version }

@_cdecl("reslab_plugin_create")
public func createPlugin() -> UnsafeMutableRawPointer { ResLabPluginAPI.export(HistogramPlugin()) }
