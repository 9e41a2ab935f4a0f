import Foundation
import ResLabEngine
import ResLabPlugin
import ResLabScript

/// `showResidualBlock(aL:W1:b1:W2:b2:Ws:)`: the lecture's two-layer block on one example, unit by
/// unit, the main path and the shortcut side by side:
///
///     z[l+1] = W[l+1]·a[l] + b[l+1]      a[l+1] = g(z[l+1])
///     z[l+2] = W[l+2]·a[l+1] + b[l+2]    a[l+2] = g(z[l+2])            without the shortcut
///                                        a[l+2] = g(z[l+2] + a[l])     with it (W_s·a[l] when sizes differ)
///
/// with g = ReLU, a[l] a column vector (or a plain vector), W[l+1] of shape [n1, n0], W[l+2] of
/// shape [n2, n1], and W_s of shape [n2, n0]. Prints the table, the shapes, and a line saying
/// what the shortcut changed.
enum ResidualBlockView {
    static func register(with registrar: PluginRegistrar) throws {
        let optionalTensor = ScriptType.optional(tensorType)
        try registrar.function("showResidualBlock",
                               [.init("aL", tensorType), .init("W1", tensorType), .init("b1", tensorType),
                                .init("W2", tensorType), .init("b2", tensorType), .init("Ws", optionalTensor, default: .optional(nil))],
                               doc: "Prints a[l], z[l+1], a[l+1], z[l+2] and a[l+2] without and with the shortcut, unit by unit (g = ReLU).") { args, context in
            let shortcutWeight = try args.optional(5).map { value -> Tensor in
                guard let tensor = TensorBinding.tensorValue(from: value) else { throw NativeError.argument("Ws", expected: "Tensor", got: value) }
                return try TensorArgument.eager(tensor, op: "showResidualBlock", parameter: "Ws")
            }
            let trace = try ResidualBlockTrace(aL: try args.tensor(0, op: "showResidualBlock"), W1: try args.tensor(1, op: "showResidualBlock"),
                                               b1: try args.tensor(2, op: "showResidualBlock"), W2: try args.tensor(3, op: "showResidualBlock"),
                                               b2: try args.tensor(4, op: "showResidualBlock"), Ws: shortcutWeight)
            context.write(trace.table() + "\n")
            return .void
        }
    }
}

/// The block's values on one example, each as a column of numbers.
struct ResidualBlockTrace {
    let aL: [Float]
    let z1: [Float]
    let a1: [Float]
    let z2: [Float]
    let shortcut: [Float]
    let plain: [Float]
    let residual: [Float]
    let projected: Bool
    let shapes: [(String, [Int])]

    init(aL: Tensor, W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor, Ws: Tensor?) throws {
        let a = try Self.column(aL, "aL", "a[l]")
        let n0 = a.shape[0]
        try Self.check(W1, "W1", "W[l+1]", columns: n0, columnsOf: "a[l]")
        let n1 = W1.shape[0]
        let bias1 = try Self.column(b1, "b1", "b[l+1]", rows: n1, rowsOf: "W[l+1]")
        try Self.check(W2, "W2", "W[l+2]", columns: n1, columnsOf: "a[l+1]")
        let n2 = W2.shape[0]
        let bias2 = try Self.column(b2, "b2", "b[l+2]", rows: n2, rowsOf: "W[l+2]")
        let z1 = try matmul(W1, a) + bias1
        let a1 = relu(z1)
        let z2 = try matmul(W2, a1) + bias2
        let skip: Tensor
        if let Ws {
            try Self.check(Ws, "Ws", "W_s", columns: n0, columnsOf: "a[l]")
            guard Ws.shape[0] == n2 else {
                throw NativeError("showResidualBlock: W_s has \(Ws.shape[0]) rows but z[l+2] has \(n2) units",
                                  hint: "W_s maps a[l] to the size of z[l+2]: give it shape [\(n2), \(n0)]")
            }
            skip = try matmul(Ws, a)
        } else {
            guard n0 == n2 else {
                throw NativeError("showResidualBlock: a[l] has \(n0) units but z[l+2] has \(n2), so a[l] cannot be added to z[l+2]",
                                  hint: "project the shortcut with a 1×1 convolution: pass Ws:, a matrix of shape [\(n2), \(n0)], to add W_s·a[l]")
            }
            skip = a
        }
        self.aL = a.scalars
        self.z1 = z1.scalars
        self.a1 = a1.scalars
        self.z2 = z2.scalars
        shortcut = skip.scalars
        plain = relu(z2).scalars
        residual = relu(try z2 + skip).scalars
        projected = Ws != nil
        var shapes: [(String, [Int])] = [("a[l]", aL.shape), ("W[l+1]", W1.shape), ("b[l+1]", b1.shape), ("W[l+2]", W2.shape), ("b[l+2]", b2.shape)]
        if let Ws { shapes.append(("W_s", Ws.shape)) }
        self.shapes = shapes
    }

    /// A vector or an [n, 1] column as an [n, 1] column; `rows` checks its length.
    private static func column(_ tensor: Tensor, _ parameter: String, _ symbol: String,
                               rows: Int? = nil, rowsOf owner: String = "") throws -> Tensor {
        let isColumn = tensor.rank == 2 && tensor.shape[1] == 1
        guard tensor.rank == 1 || isColumn else {
            throw NativeError("showResidualBlock: \(symbol) (\(parameter)) must be a column vector of shape [n, 1], got shape \(tensor.shape)",
                              hint: tensor.rank == 2 ? "the table follows one example; pick one column, e.g. \(parameter)[0..<\(tensor.shape[0]), 0..<1]" : nil)
        }
        if let rows, tensor.shape[0] != rows {
            throw NativeError("showResidualBlock: \(symbol) has \(tensor.shape[0]) entries but \(owner) has \(rows) rows",
                              hint: "\(symbol) needs one entry per unit of its layer: shape [\(rows), 1]")
        }
        return isColumn ? tensor : try tensor.reshaped(to: [tensor.shape[0], 1])
    }

    private static func check(_ matrix: Tensor, _ parameter: String, _ symbol: String, columns: Int, columnsOf input: String) throws {
        guard matrix.rank == 2 else {
            throw NativeError("showResidualBlock: \(symbol) (\(parameter)) must be a matrix, got shape \(matrix.shape)")
        }
        guard matrix.shape[1] == columns else {
            throw NativeError("showResidualBlock: \(symbol) has \(matrix.shape[1]) columns but \(input) has \(columns) units",
                              hint: "\(symbol) needs one column per unit of \(input): shape [units, \(columns)]")
        }
    }

    // MARK: - The table

    /// The table (under 80 columns unless W_s adds its column), a legend of the formulas, the
    /// shapes, and what changed.
    func table() -> String {
        let skipName = projected ? "W_s·a[l]" : "a[l]"
        var columns: [(title: String, values: [Float])] = [
            ("a[l]", aL), ("z[l+1]", z1), ("a[l+1]", a1), ("z[l+2]", z2), ("a[l+2] plain", plain),
        ]
        if projected { columns.append((skipName, shortcut)) }
        columns.append(("a[l+2] residual", residual))
        let rows = columns.map(\.values.count).max() ?? 0
        let cells = columns.map { column in column.values.map(Self.format) }
        let unitWidth = max(4, String(rows).count)
        let widths = zip(columns, cells).map { column, cells in max(column.title.count, cells.map(\.count).max() ?? 0) }
        func line(_ first: String, _ fields: [String]) -> String {
            let padded = zip(fields, widths).map { field, width in String(repeating: " ", count: max(0, width - field.count)) + field }
            let text = String(repeating: " ", count: unitWidth - first.count) + first + " │ " + padded.joined(separator: " │ ")
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        var lines = ["The residual block on one example, unit by unit (g = ReLU):", ""]
        lines.append(line("unit", columns.map(\.title)))
        lines.append(String(repeating: "─", count: unitWidth + 1) + "┼"
                     + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼"))
        for row in 0..<rows {
            lines.append(line(String(row + 1), cells.map { row < $0.count ? $0[row] : "" }))
        }
        lines.append("")
        lines.append("z[l+1] = W[l+1]·a[l] + b[l+1]   a[l+1] = g(z[l+1])   z[l+2] = W[l+2]·a[l+1] + b[l+2]")
        lines.append("a[l+2] plain = g(z[l+2])   a[l+2] residual = g(z[l+2] + \(skipName))")
        lines.append("shapes: " + shapes.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        lines.append(summary(skipName: skipName))
        return lines.joined(separator: "\n")
    }

    /// One sentence on what the shortcut changed.
    private func summary(skipName: String) -> String {
        let changed = zip(plain, residual).enumerated().filter { $0.element.0 != $0.element.1 }.map { String($0.offset + 1) }
        if z2.allSatisfy({ $0 == 0 }) && !projected {
            return "z[l+2] is all zeros (W[l+2] = 0, b[l+2] = 0), so a[l+2] = g(a[l]): the block passes a[l] on"
                + (aL.allSatisfy { $0 >= 0 } ? " unchanged." : ", negative entries clipped to 0.")
        }
        if changed.isEmpty {
            return "Adding \(skipName) to z[l+2] before g changed no unit here."
        }
        return "Adding \(skipName) to z[l+2] before g changed \(changed.count) of \(plain.count) units (unit\(changed.count == 1 ? "" : "s") \(changed.joined(separator: ", ")))."
    }

    /// Four decimals, without a minus sign on zero.
    static func format(_ value: Float) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.4f", Double(value))
        return text == "-0.0000" ? "0.0000" : text
    }
}
