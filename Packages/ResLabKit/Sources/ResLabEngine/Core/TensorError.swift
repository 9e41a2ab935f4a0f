import Foundation

/// Everything the engine refuses, with the op and the shapes involved.
///
/// The engine never traps on bad input: ops throw one of these, and `description` is the text a
/// learner sees.
public enum TensorError: Error, Equatable, CustomStringConvertible {
    case invalidShape(op: String, shape: [Int])
    case scalarCountMismatch(op: String, shape: [Int], count: Int)
    case overBudget(op: String, shape: [Int], bytes: Int, budget: Int)
    /// Any other refusal: the op and a sentence saying what is wrong and, where it helps, what to do.
    case invalidArgument(op: String, message: String)

    public var description: String {
        switch self {
        case let .invalidShape(op, shape):
            return "\(op): shape \(shape) has a negative extent"
        case let .scalarCountMismatch(op, shape, count):
            return "\(op): shape \(shape) holds \(shape.reduce(1, *)) elements but \(count) were given"
        case let .overBudget(op, shape, bytes, budget):
            let size = bytes == Int.max ? "more than Int.max bytes" : "\(formatBytes(bytes))"
            return "\(op): a tensor of shape \(shape) needs \(size), over the memory budget of \(formatBytes(budget)); "
                + "use a smaller shape, or raise the budget with RESLAB_MEMORY_BUDGET (e.g. RESLAB_MEMORY_BUDGET=8G)"
        case let .invalidArgument(op, message):
            return "\(op): \(message)"
        }
    }
}

func formatBytes(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : "\(String(format: "%.1f", value)) \(units[unit])"
}
