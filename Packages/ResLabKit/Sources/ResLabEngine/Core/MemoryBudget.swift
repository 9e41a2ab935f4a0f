import Foundation

/// The largest tensor, in bytes, that ResLab will allocate.
///
/// A lesson that asks for `Tensor(zeros: [100000, 100000])` gets a `TensorError.overBudget`
/// instead of the process being killed by the kernel. The default is a quarter of physical memory;
/// `RESLAB_MEMORY_BUDGET` (bytes, or with a `K`, `M` or `G` suffix) overrides it at start-up.
public enum MemoryBudget {
    nonisolated(unsafe) public static var bytes: Int = defaultBytes()

    static func defaultBytes() -> Int {
        if let text = ProcessInfo.processInfo.environment["RESLAB_MEMORY_BUDGET"],
           let parsed = parse(text) {
            return parsed
        }
        return Int(clamping: ProcessInfo.processInfo.physicalMemory / 4)
    }

    /// Parses `"512M"`, `"2G"`, `"1048576"`; nil when the text is not a size.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = trimmed.last, let multiplier = multipliers[last] {
            guard let value = Int(trimmed.dropLast()), value >= 0 else { return nil }
            return value.multipliedReportingOverflow(by: multiplier).overflow ? nil : value * multiplier
        }
        guard let value = Int(trimmed), value >= 0 else { return nil }
        return value
    }
}
