import ResLabEngine

/// He et al.'s shortcut option A: the input subsampled by `strides` (every `strides`-th row and
/// column, starting with the first) with zero channels appended up to `filters`. It has no
/// parameters, so a CIFAR ResNet keeps the paper's parameter count.
///
/// `[n, h, w, c]` → `[n, ⌈h / s⌉, ⌈w / s⌉, filters]`, which matches a same-padded convolution of
/// stride s on the main path.
public final class ChannelPaddingShortcut: Layer {
    public let filters: Int
    public let strides: Int

    public init(filters: Int, strides: Int, name: String? = nil) throws {
        guard filters > 0, strides > 0 else {
            throw NNError.invalidArgument(
                op: "ChannelPaddingShortcut(filters: \(filters), strides: \(strides))",
                message: "filters and strides must be positive numbers")
        }
        self.filters = filters
        self.strides = strides
        super.init(name: name)
    }

    public override func outputShape(for inputShapes: [[Int?]]) throws -> [Int?] {
        let input = inputShapes[0]
        guard input.count == 4 else {
            throw NNError.incompatibleInput(
                layer: description,
                message: "expects a rank-4 input (batch, height, width, channels) but was given \(formatShape(input))")
        }
        if let channels = input[3], channels > filters {
            throw NNError.incompatibleInput(
                layer: description,
                message: "can only add channels: the input has \(channels), more than the \(filters) asked for")
        }
        return [input[0], input[1].map { ($0 + strides - 1) / strides }, input[2].map { ($0 + strides - 1) / strides }, filters]
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        var x = inputs[0]
        if strides > 1 {
            // A 1×1 max pool of stride s picks every s-th row and column: the subsampling, with its
            // gradient, from an op the engine already has.
            x = try maxPool2D(x, filterSize: (1, 1), strides: (strides, strides), padding: .valid)
        }
        let extra = filters - x.shape[3]
        return extra == 0 ? x : try x.padded(forSizes: [(0, 0), (0, 0), (0, 0), (0, extra)])
    }
}
