import ResLabEngine

// The residual blocks of He et al., "Deep Residual Learning for Image Recognition" (2015), in the
// form the deeplearning.ai course (Residual Networks, exercises 1 and 2) writes them, and their
// "plain" twins without the shortcut (the paper's baselines). Each is generic over
// `LayerOperand`: called on a `Tensor` it computes, called on a `KerasTensor` it builds a graph.

/// The course's `identity_block`: the bottleneck block whose shortcut is the input itself.
///
/// Main path: Conv2D(F1, 1×1, valid) → BatchNormalization(axis: 3) → ReLU → Conv2D(F2, f×f, same)
/// → BatchNormalization → ReLU → Conv2D(F3, 1×1, valid) → BatchNormalization; then
/// Add()([main, x]) → ReLU. Every convolution uses `initializer(seed: 0)`; every batch norm is
/// called with `training: training`. The input must have F3 channels.
///
/// - Parameters:
///   - f: the middle convolution's window.
///   - filters: [F1, F2, F3].
///   - training: passed to each batch norm (nil lets the model's mode decide).
///   - initializer: the kernels' rule, re-seeded with 0 (the course's `random_uniform`).
public func identityBlock<T: LayerOperand>(_ x: T, f: Int, filters: [Int], training: Bool? = true,
                                          initializer: Initializer = .randomUniform) throws -> T {
    try bottleneckBlock(x, f: f, filters: filters, s: 1, projection: false, plain: false, training: training,
                        initializer: initializer(seed: 0))
}

/// The course's `convolutional_block`: the bottleneck block whose shortcut is a strided 1×1
/// convolution with batch norm, for when the main path changes the shape.
///
/// Main path as `identityBlock`, except that the first 1×1 convolution has stride `s`. Shortcut:
/// Conv2D(F3, 1×1, stride s, valid) → BatchNormalization(axis: 3). Then Add()([main, shortcut]) →
/// ReLU. Layers are created in the course's order (the main path, then the shortcut), so layer
/// names match the course's.
public func convolutionalBlock<T: LayerOperand>(_ x: T, f: Int, filters: [Int], s: Int = 2, training: Bool? = true,
                                               initializer: Initializer = .glorotUniform) throws -> T {
    try bottleneckBlock(x, f: f, filters: filters, s: s, projection: true, plain: false, training: training,
                        initializer: initializer(seed: 0))
}

/// The identity block without its shortcut: the main path, then ReLU.
public func plainIdentityBlock<T: LayerOperand>(_ x: T, f: Int, filters: [Int], training: Bool? = true,
                                               initializer: Initializer = .randomUniform) throws -> T {
    try bottleneckBlock(x, f: f, filters: filters, s: 1, projection: false, plain: true, training: training,
                        initializer: initializer(seed: 0))
}

/// The convolutional block without its shortcut: the main path (first convolution strided), then ReLU.
public func plainConvolutionalBlock<T: LayerOperand>(_ x: T, f: Int, filters: [Int], s: Int = 2, training: Bool? = true,
                                                    initializer: Initializer = .glorotUniform) throws -> T {
    try bottleneckBlock(x, f: f, filters: filters, s: s, projection: true, plain: true, training: training,
                        initializer: initializer(seed: 0))
}

/// The bottleneck block, every kernel drawn by `initializer` as given (the course's functions pass
/// it re-seeded with 0; the ImageNet family passes it unseeded).
///
/// Main path: 1×1 (stride s) → BN → ReLU → f×f same → BN → ReLU → 1×1 → BN. With `plain`, ReLU and
/// done; otherwise the shortcut (`x`, or with `projection` a strided 1×1 convolution and BN, built
/// after the main path) is added before the ReLU.
func bottleneckBlock<T: LayerOperand>(_ x: T, f: Int, filters: [Int], s: Int, projection: Bool, plain: Bool,
                                      training: Bool?, initializer: Initializer, useBias: Bool = true) throws -> T {
    guard filters.count == 3 else {
        throw NNError.invalidArgument(op: "bottleneck block", message: "filters must be [F1, F2, F3], three numbers; got \(filters)")
    }
    var y = try Conv2D(filters: filters[0], kernelSize: 1, strides: s, padding: .valid, useBias: useBias,
                       kernelInitializer: initializer)(x)
    y = try BatchNormalization(axis: 3)(y, training: training)
    y = try Activation(.relu)(y)
    y = try Conv2D(filters: filters[1], kernelSize: (f, f), strides: (1, 1), padding: .same, useBias: useBias,
                   kernelInitializer: initializer)(y)
    y = try BatchNormalization(axis: 3)(y, training: training)
    y = try Activation(.relu)(y)
    y = try Conv2D(filters: filters[2], kernelSize: 1, strides: 1, padding: .valid, useBias: useBias,
                   kernelInitializer: initializer)(y)
    y = try BatchNormalization(axis: 3)(y, training: training)
    guard !plain else { return try Activation(.relu)(y) }
    var shortcut = x
    if projection {
        shortcut = try Conv2D(filters: filters[2], kernelSize: 1, strides: s, padding: .valid, useBias: useBias,
                              kernelInitializer: initializer)(x)
        shortcut = try BatchNormalization(axis: 3)(shortcut, training: training)
    }
    return try Activation(.relu)(try Add()([y, shortcut]))
}

/// How a block's shortcut matches the main path when the main path changes the shape (He et al.
/// §3.3). When the shape does not change the shortcut is always the identity.
public enum ShortcutKind: String, Equatable {
    /// Option A: the input subsampled by the stride, with zero channels appended; no parameters
    /// (the paper's choice for its CIFAR-10 networks).
    case zeroPadding
    /// Option B: a strided 1×1 convolution and batch norm (the paper's choice on ImageNet).
    case projection
}

/// The basic two-convolution block of ResNet-18/34 and the CIFAR ResNets:
/// Conv2D(filters, 3×3, stride `strides`, same) → BN → ReLU → Conv2D(filters, 3×3, same) → BN;
/// then Add()([main, shortcut]) → ReLU, the shortcut being `x` when the shape is unchanged and
/// `shortcut` otherwise.
public func basicBlock<T: LayerOperand>(_ x: T, filters: Int, strides: Int = 1, shortcut: ShortcutKind = .projection,
                                       training: Bool? = nil, initializer: Initializer = .heNormal,
                                       useBias: Bool = false) throws -> T {
    let main = try basicMainPath(x, filters: filters, strides: strides, training: training,
                                 initializer: initializer, useBias: useBias)
    let channels = x.symbolicShape.last ?? nil
    var skip = x
    if strides != 1 || channels != filters {
        switch shortcut {
        case .zeroPadding:
            skip = try ChannelPaddingShortcut(filters: filters, strides: strides)(x)
        case .projection:
            skip = try Conv2D(filters: filters, kernelSize: 1, strides: strides, padding: .valid, useBias: useBias,
                              kernelInitializer: initializer)(x)
            skip = try BatchNormalization(axis: 3)(skip, training: training)
        }
    }
    return try Activation(.relu)(try Add()([main, skip]))
}

/// The basic block without its shortcut: two 3×3 convolutions with batch norm and ReLU.
public func plainBasicBlock<T: LayerOperand>(_ x: T, filters: Int, strides: Int = 1, training: Bool? = nil,
                                            initializer: Initializer = .heNormal, useBias: Bool = false) throws -> T {
    try Activation(.relu)(try basicMainPath(x, filters: filters, strides: strides, training: training,
                                            initializer: initializer, useBias: useBias))
}

private func basicMainPath<T: LayerOperand>(_ x: T, filters: Int, strides: Int, training: Bool?,
                                           initializer: Initializer, useBias: Bool) throws -> T {
    var y = try Conv2D(filters: filters, kernelSize: 3, strides: strides, padding: .same, useBias: useBias,
                       kernelInitializer: initializer)(x)
    y = try BatchNormalization(axis: 3)(y, training: training)
    y = try Activation(.relu)(y)
    y = try Conv2D(filters: filters, kernelSize: 3, strides: 1, padding: .same, useBias: useBias,
                   kernelInitializer: initializer)(y)
    return try BatchNormalization(axis: 3)(y, training: training)
}
