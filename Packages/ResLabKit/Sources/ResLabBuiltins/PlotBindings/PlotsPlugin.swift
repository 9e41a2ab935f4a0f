import Foundation
import ResLabNN
import ResLabPlugin
import ResLabScript

/// The built-in plugin `plots`: `lineChart(…)` and `barChart(…)` make chart values that print as
/// terminal drawings (Unicode braille), render as SVG for HTML exports, and save as SVG files
/// (`chart.saveSVG(to:)`, through the host's `FileAccessPolicy`).
///
///     let history = model.fit(x: x, y: y, epochs: 10)
///     lineChart(series: ["training": history.loss, "validation": history["val_loss"] ?? []], title: "loss")
///     barChart(labels: names, values: norms, title: "gradient norm per layer", logScale: true)
public final class PlotsPlugin: ResLabPlugin {
    public let name = "plots"
    public let version = "1.0.0"
    private let fileAccess: FileAccessPolicy

    public init(fileAccess: FileAccessPolicy = FileAccessPolicy()) {
        self.fileAccess = fileAccess
    }

    public func register(with registrar: PluginRegistrar) throws {
        let lines = try registrar.defineType(LineChart.self, name: "LineChart", doc: "A line chart of named series.")
        let bars = try registrar.defineType(BarChart.self, name: "BarChart", doc: "A horizontal bar chart of labelled values.")
        let scale: (Bool) -> PlotScale = { $0 ? .logarithmic : .linear }

        try registrar.function("lineChart", [.init("x", .optional(.any), default: .optional(nil)), .init("series", .any),
                                             .init("title", .string, default: .string("")), .init("xLabel", .string, default: .string("epoch")),
                                             .init("yLabel", .string, default: .string("")), .init("logScale", .bool, default: .bool(false))],
                               returns: .named("LineChart"),
                               doc: "A line per named series ([name: [values]]), at x = 1, 2, … or at the given x values; logScale: a base-10 y axis.") { args, _ in
            let x = try args.optional(0).map { try PlotValues.numbers($0, parameter: "x") }
            let series = try PlotValues.series(args[1], x: x)
            return lines.wrap(LineChart(title: try args.string(2), xLabel: try args.string(3), yLabel: try args.string(4),
                                        yScale: scale(try args.bool(5)), series: series))
        }
        try registrar.function("lineChart", [.init("_", .named("History"), name: "history"), .init("title", .string, default: .string("")),
                                             .init("logScale", .bool, default: .bool(false))],
                               returns: .named("LineChart"), doc: "Every series of a training History (loss, accuracy, val_…) per epoch.") { args, _ in
            let history = try args.native(0, as: History.self)
            let series = history.history.keys.sorted().map { PlotSeries(name: $0, values: history[$0] ?? []) }
            return lines.wrap(LineChart(title: try args.string(1), xLabel: "epoch", yScale: scale(try args.bool(2)), series: series))
        }
        try registrar.function("barChart", [.init("labels", .array(.string)), .init("values", .any),
                                            .init("title", .string, default: .string("")), .init("valueLabel", .string, default: .string("")),
                                            .init("logScale", .bool, default: .bool(false))],
                               returns: .named("BarChart"), doc: "One bar per label; logScale: a base-10 value axis.") { args, _ in
            let labels = try args.array(0).map { try $0.asString("labels") }
            let values = try PlotValues.numbers(args[1], parameter: "values")
            guard labels.count == values.count else {
                throw NativeError("barChart needs one value per label: \(labels.count) labels, \(values.count) values")
            }
            return bars.wrap(BarChart(title: try args.string(2), valueLabel: try args.string(3), scale: scale(try args.bool(4)),
                                      labels: labels, values: values))
        }

        let fileAccess = self.fileAccess
        lines
            .property("svg", .string, doc: "The chart as a standalone SVG document.") { .string(try $0.renderSVG()) }
            .method("saveSVG", [.init("to", .string, name: "path")], doc: "Writes the chart as an SVG file.") { chart, args, _ in
                try Data(try chart.renderSVG().utf8).write(to: try fileAccess.authorize(try args.string(0), .write), options: .atomic)
                return .void
            }
            .display { chart in (try? chart.renderTerminal()) ?? "LineChart(\(chart.title))" }
            .echo { chart in (try? chart.renderTerminal()) ?? "LineChart(\(chart.title))" }
        bars
            .property("svg", .string, doc: "The chart as a standalone SVG document.") { .string(try $0.renderSVG()) }
            .method("saveSVG", [.init("to", .string, name: "path")], doc: "Writes the chart as an SVG file.") { chart, args, _ in
                try Data(try chart.renderSVG().utf8).write(to: try fileAccess.authorize(try args.string(0), .write), options: .atomic)
                return .void
            }
            .display { chart in (try? chart.renderTerminal()) ?? "BarChart(\(chart.title))" }
            .echo { chart in (try? chart.renderTerminal()) ?? "BarChart(\(chart.title))" }

        try registrar.renderer(ValueRenderer(
            typeName: "LineChart",
            terminal: { value, width, colour in lines.unwrap(value).flatMap { try? $0.renderTerminal(width: min(width, 100), colour: colour) } },
            markdown: { value in lines.unwrap(value).flatMap { try? $0.renderTerminal() }.map { "```\n\($0)\n```" } },
            html: { value in lines.unwrap(value).flatMap { try? $0.renderSVG() } }))
        try registrar.renderer(ValueRenderer(
            typeName: "BarChart",
            terminal: { value, width, colour in bars.unwrap(value).flatMap { try? $0.renderTerminal(width: min(width, 100), colour: colour) } },
            markdown: { value in bars.unwrap(value).flatMap { try? $0.renderTerminal() }.map { "```\n\($0)\n```" } },
            html: { value in bars.unwrap(value).flatMap { try? $0.renderSVG() } }))
    }
}

/// Numbers for charts from lesson values: arrays of Int, Double or Float, or a tensor's scalars.
enum PlotValues {
    static func numbers(_ value: Value, parameter: String) throws -> [Double] {
        if let tensor = TensorBinding.tensorValue(from: value) {
            return try TensorArgument.eager(tensor, op: "chart", parameter: parameter).scalars.map(Double.init)
        }
        return try value.asArray(parameter).map { try $0.asDouble(parameter) }
    }

    /// `["plain": [...], "residual": [...]]` as series, in the dictionary's order.
    static func series(_ value: Value, x: [Double]?) throws -> [PlotSeries] {
        guard case .dictionary(let dictionary) = value else {
            throw NativeError.argument("series", expected: "[String: [Double]] (a name for each line)", got: value)
        }
        return try zip(dictionary.keys, dictionary.values).map { key, values in
            let name = try key.asString("series")
            let numbers = try numbers(values, parameter: "series[\"\(name)\"]")
            guard let x else { return PlotSeries(name: name, values: numbers) }
            return try PlotSeries(name: name, x: x, y: numbers)
        }
    }
}
