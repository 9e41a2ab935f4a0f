import Foundation

/// Where `fit`, `evaluate` and `predict` write their progress, and how.
///
/// The text goes through `write` (no newline is added; lines end in "\n", a progress bar redraws
/// with "\r"), so a REPL or a notebook can capture it instead of standard output.
public struct TrainingOutput {
    public enum Style: Equatable {
        /// Nothing (Keras' `verbose=0`).
        case silent
        /// A progress bar redrawn after every step, a line per epoch (Keras' `verbose=1`); for terminals.
        case progressBar
        /// One line per epoch (Keras' `verbose=2`); for logs and captured output.
        case linePerEpoch
    }

    public var style: Style
    public var write: (String) -> Void

    public init(style: Style, write: @escaping (String) -> Void) {
        self.style = style
        self.write = write
    }

    /// Standard output: a progress bar when it is a terminal, one line per epoch otherwise.
    /// Written through C's `stdout` and flushed, so it stays in order with `print`.
    public static var standardOutput: TrainingOutput {
        TrainingOutput(style: isatty(STDOUT_FILENO) == 1 ? .progressBar : .linePerEpoch) { text in
            fputs(text, stdout)
            fflush(stdout)
        }
    }

    /// No output at all.
    public static var silent: TrainingOutput { TrainingOutput(style: .silent) { _ in } }

    /// One line per epoch, handed to `write`.
    public static func lines(_ write: @escaping (String) -> Void) -> TrainingOutput {
        TrainingOutput(style: .linePerEpoch, write: write)
    }
}

/// Keras' `Progbar` text: `12/34 [=======>......................] - ETA: 3s - loss: 1.2345`.
struct ProgressLine {
    let total: Int
    let output: TrainingOutput
    let start = Date()

    /// After step `done` of `total`: redraws the bar (progress-bar style only).
    func step(_ done: Int, values: [(String, Double)]) {
        guard output.style == .progressBar else { return }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        var bar = String(repeating: "=", count: max(0, filled - (done < total ? 1 : 0)))
        if done < total { bar += ">" }
        bar += String(repeating: ".", count: max(0, width - bar.count))
        let elapsed = Date().timeIntervalSince(start)
        let timing: String
        if done < total {
            let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
            timing = "ETA: \(Int(eta.rounded()))s"
        } else {
            timing = "\(Int(elapsed.rounded()))s \(perStep(elapsed))"
        }
        let digits = String(total).count
        let count = String(repeating: " ", count: max(0, digits - String(done).count)) + String(done)
        output.write("\r\(count)/\(total) [\(bar)] - \(timing)\(formatValues(values))")
        if done == total { output.write("\n") }
    }

    /// The epoch's closing line (line-per-epoch style), or the end of the bar's line.
    func finish(values: [(String, Double)]) {
        switch output.style {
        case .silent: return
        case .progressBar:
            step(total, values: values)
        case .linePerEpoch:
            let elapsed = Date().timeIntervalSince(start)
            output.write("\(total)/\(total) - \(Int(elapsed.rounded()))s - \(perStep(elapsed))\(formatValues(values))\n")
        }
    }

    private func perStep(_ elapsed: TimeInterval) -> String {
        let seconds = elapsed / Double(max(total, 1))
        return seconds >= 1 ? "\(Int(seconds.rounded()))s/step" : "\(Int((seconds * 1000).rounded()))ms/step"
    }
}

/// ` - loss: 1.2345 - accuracy: 0.5000`: four decimals, or scientific notation below 1e-3, as Keras.
func formatValues(_ values: [(String, Double)]) -> String {
    values.map { name, value in
        " - \(name): " + (Swift.abs(value) > 1e-3 ? String(format: "%.4f", value) : String(format: "%.4e", value))
    }.joined()
}
