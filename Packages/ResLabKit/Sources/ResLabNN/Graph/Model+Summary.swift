extension Model {
    /// Keras' `model.summary()` table (TensorFlow 2.x layout), as a string.
    ///
    /// A functional model with branches gets four columns, 98 characters wide: "Layer (type)",
    /// "Output Shape", "Param #", "Connected to" (`layer[node][tensor]`, one line per input). A
    /// chain of single-input layers, and every `Sequential`, gets the first three, 65 wide. Then
    /// `Total params: 23,600,006`, `Trainable params: …`, `Non-trainable params: …`, where
    /// non-trainable weights are batch norm's moving mean and variance (and frozen layers).
    public func summary() throws -> String {
        let network = try builtNetwork()
        let sequentialLike = self is Sequential || network.isSequentialLike
        let lineLength = sequentialLike ? 65 : 98
        let positions = (sequentialLike ? [0.45, 0.85, 1.0] : [0.33, 0.55, 0.67, 1.0])
            .map { Int(Double(lineLength) * $0) }
        var lines = ["Model: \"\(name)\"", String(repeating: "_", count: lineLength)]
        let header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        lines.append(row(Array(header.prefix(positions.count)), positions))
        lines.append(String(repeating: "=", count: lineLength))

        for (position, entry) in try summaryRows().enumerated() {
            var fields = [entry.layer, entry.outputShape, entry.params]
            if sequentialLike {
                lines.append(row(fields, positions))
            } else {
                fields.append(entry.connections.first ?? "")
                lines.append(row(fields, positions))
                for connection in entry.connections.dropFirst() {
                    lines.append(row(["", "", "", connection], positions))
                }
            }
            let separator: Character = position == layers.count - 1 ? "=" : "_"
            lines.append(String(repeating: separator, count: lineLength))
        }
        let trainableCount = trainableWeights.reduce(0) { $0 + $1.value.count }
        let frozenCount = nonTrainableWeights.reduce(0) { $0 + $1.value.count }
        lines.append("Total params: \(groupedThousands(trainableCount + frozenCount))")
        lines.append("Trainable params: \(groupedThousands(trainableCount))")
        lines.append("Non-trainable params: \(groupedThousands(frozenCount))")
        lines.append(String(repeating: "_", count: lineLength))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row of the summary: `name (Type)`, output shape, parameter count, and the inputs of
    /// each of the layer's calls in this model, as `layer[node][tensor]`.
    struct SummaryRow {
        let layer: String
        let outputShape: String
        let params: String
        let connections: [String]
    }

    /// The summary's rows, in Keras' layer order.
    func summaryRows() throws -> [SummaryRow] {
        let network = try builtNetwork()
        // The nodes of each layer that belong to this model, in the layer's call order.
        var nodesOfLayer: [ObjectIdentifier: [Node]] = [:]
        for node in network.steps.map(\.node) + network.inputs.map(\.node) {
            nodesOfLayer[ObjectIdentifier(node.layer), default: []].append(node)
        }
        return layers.map { layer in
            let connections = (nodesOfLayer[ObjectIdentifier(layer)] ?? [])
                .sorted { $0.index < $1.index }
                .flatMap { node in node.inputs.map { "\($0.layer.name)[\($0.node.index)][0]" } }
            let params = layer.isBuilt || layer is Model ? "\(layer.countParams())" : "0 (unused)"
            return SummaryRow(layer: layer.description, outputShape: summaryShape(of: layer), params: params,
                              connections: connections)
        }
    }

    /// Keras' `layer.output_shape`: the one shape of its calls, "multiple" when they differ, and
    /// a list for an input layer.
    private func summaryShape(of layer: Layer) -> String {
        let shapes = layer.symbolicOutputShapes
        guard let first = shapes.first, shapes.allSatisfy({ $0 == first }) else { return "multiple" }
        return layer is InputLayer ? "[\(formatShape(first))]" : formatShape(first)
    }

    /// Keras' `print_row`: each field cut to its column and padded to the column's end, with at
    /// least one space before the next field.
    private func row(_ fields: [String], _ positions: [Int]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line = String(line.dropLast()) + " " }
            line += field
            line = String(line.prefix(positions[index]))
            line += String(repeating: " ", count: max(0, positions[index] - line.count))
        }
        return line
    }
}

/// `23600006` → `23,600,006`.
func groupedThousands(_ value: Int) -> String {
    let digits = Array(String(value.magnitude))
    var text = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return value < 0 ? "-" + text : text
}
