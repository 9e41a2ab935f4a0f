/// Printing tensors as NumPy prints arrays: nested brackets, aligned columns, lines wrapped at 75
/// characters, and beyond 1000 elements only the first and last three items of each axis with
/// "..." between them (NumPy's `threshold` and `edgeitems`).
extension Tensor: CustomStringConvertible {
    public var description: String {
        if rank == 0 { return scalars.first?.description ?? "nan" }
        let summarize = count > TensorPrinter.threshold
        var printer = TensorPrinter(tensor: self, summarize: summarize)
        return printer.render()
    }
}

struct TensorPrinter {
    static let threshold = 1000
    static let edgeItems = 3
    static let lineWidth = 75

    let tensor: Tensor
    let summarize: Bool
    let strides: [Int]
    var formatter = FloatFormatter(for: [])

    init(tensor: Tensor, summarize: Bool) {
        self.tensor = tensor
        self.summarize = summarize
        strides = Shape.strides(tensor.shape)
    }

    /// The indices shown along an axis of extent `extent`: all, or the edges when summarising
    /// (nil marks the "..." between them).
    func shownIndices(_ extent: Int) -> [Int?] {
        guard summarize, extent > 2 * Self.edgeItems else { return (0..<extent).map { $0 } }
        return (0..<Self.edgeItems).map { $0 } + [nil] + ((extent - Self.edgeItems)..<extent).map { $0 }
    }

    mutating func render() -> String {
        // Only the elements shown decide the format, as in NumPy.
        var shown: [Float] = []
        collect(axis: 0, offset: 0, into: &shown)
        formatter = FloatFormatter(for: shown)
        return format(axis: 0, offset: 0, hangingIndent: " ", width: Self.lineWidth)
    }

    private func collect(axis: Int, offset: Int, into values: inout [Float]) {
        if axis == tensor.rank {
            values.append(tensor.scalars[offset])
            return
        }
        for index in shownIndices(tensor.shape[axis]).compactMap({ $0 }) {
            collect(axis: axis + 1, offset: offset + index * strides[axis], into: &values)
        }
    }

    /// NumPy's `_formatArray` recursion: the last axis is a wrapped line of elements, higher axes
    /// are their sub-arrays one per line, separated by (axes left - 1) blank lines.
    private func format(axis: Int, offset: Int, hangingIndent: String, width: Int) -> String {
        if axis == tensor.rank { return formatter.format(tensor.scalars[offset]) }
        let nextIndent = hangingIndent + " "
        let items = shownIndices(tensor.shape[axis])
        var text = ""
        if axis == tensor.rank - 1 {
            var line = hangingIndent
            for (position, item) in items.enumerated() {
                let word = item.map { format(axis: axis + 1, offset: offset + $0 * strides[axis], hangingIndent: nextIndent, width: width - 1) } ?? "..."
                if line.count + word.count > width && line.count > hangingIndent.count {
                    text += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
                    line = hangingIndent
                }
                line += word
                if position < items.count - 1 { line += " " }
            }
            text += line
        } else {
            let separator = String(repeating: "\n", count: tensor.rank - axis - 1)
            for (position, item) in items.enumerated() {
                let nested = item.map { format(axis: axis + 1, offset: offset + $0 * strides[axis], hangingIndent: nextIndent, width: width - 1) } ?? "..."
                text += hangingIndent + nested + (position < items.count - 1 ? separator : "")
            }
        }
        return "[" + text.dropFirst(hangingIndent.count) + "]"
    }
}
