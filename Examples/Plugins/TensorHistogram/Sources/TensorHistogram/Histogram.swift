import Foundation

/// Counts of values in equal-width bins between the smallest and the largest value.
struct Histogram {
    let lower: Float
    let upper: Float
    let counts: [Int]
    /// Values that were NaN or infinite, left out of the bins.
    let skipped: Int

    init(values: [Float], bins: Int) {
        let finite = values.filter(\.isFinite)
        skipped = values.count - finite.count
        lower = finite.min() ?? 0
        upper = finite.max() ?? 0
        var counts = [Int](repeating: 0, count: max(bins, 1))
        let width = (upper - lower) / Float(counts.count)
        for value in finite {
            // The largest value belongs to the last bin, as NumPy's histogram puts it.
            let index = width > 0 ? min(Int((value - lower) / width), counts.count - 1) : 0
            counts[index] += 1
        }
        self.counts = counts
    }

    /// The lower edge of bin `index`.
    func edge(_ index: Int) -> Float {
        lower + (upper - lower) * Float(index) / Float(counts.count)
    }

    /// One line per bin: its range, a bar of `█` scaled to `width` columns, and its count.
    func renderText(width: Int) -> String {
        let largest = max(counts.max() ?? 0, 1)
        let barWidth = max(width - 32, 10)
        var lines = counts.indices.map { index -> String in
            let close = index == counts.count - 1 ? "]" : ")"
            let range = String(format: "[%9.4f, %9.4f", edge(index), edge(index + 1)) + close
            let bar = String(repeating: "█", count: counts[index] * barWidth / largest)
            return "\(range) \(bar) \(counts[index])"
        }
        if skipped > 0 { lines.append("(\(skipped) NaN or infinite values left out)") }
        return lines.joined(separator: "\n")
    }

    /// The same bars as an SVG document, for exports.
    func renderSVG() -> String {
        let largest = max(counts.max() ?? 0, 1)
        let barHeight = 18, chartWidth = 400, labelWidth = 170
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(labelWidth + chartWidth + 60)" height="\#(counts.count * barHeight + 10)">"#
        for (index, count) in counts.enumerated() {
            let y = 5 + index * barHeight
            let length = count * chartWidth / largest
            svg += String(format: #"<text x="0" y="%d" font-size="12">[%.3f, %.3f)</text>"#, y + 13, edge(index), edge(index + 1))
            svg += ##"<rect x="\##(labelWidth)" y="\##(y + 2)" width="\##(length)" height="\##(barHeight - 4)" fill="#4a7ab5"/>"##
            svg += #"<text x="\#(labelWidth + length + 4)" y="\#(y + 13)" font-size="12">\#(count)</text>"#
        }
        return svg + "</svg>"
    }
}
