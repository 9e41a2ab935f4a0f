// The networks of He et al., "Deep Residual Learning for Image Recognition" (2015): the ImageNet
// family of Table 1 and the CIFAR-10 family of §4.2, each with its "plain" twin (the same layers
// without shortcuts). Unlike the course's ResNet50, their batch norms follow the model's mode
// (`training: nil`): `fit` normalises with batch statistics, `evaluate` and `predict` with the
// moving ones.

/// An ImageNet-style ResNet of `depth` 18, 34, 50, 101 or 152 (He et al., Table 1):
/// ZeroPadding2D(3) → Conv2D(64, 7×7, stride 2) → BN → ReLU → ZeroPadding2D(1) →
/// MaxPooling2D(3×3, stride 2); then four stages of 64, 128, 256 and 512 filters (basic blocks for
/// 18 and 34, bottleneck blocks with 4× wider outputs for 50 and up, stride on the first 1×1 as
/// in the paper and the course), the first block of stages 3–5 with stride 2 and a projection
/// shortcut (option B) wherever the shape changes; then GlobalAveragePooling2D →
/// Dense(classes, softmax).
///
/// As in the paper: He-normal kernels and no convolution bias (a batch norm follows each one), so
/// the trainable parameters are the usual counts (ResNet-18 11,689,512; ResNet-50 25,557,032 on
/// 224×224×3 with 1000 classes). `plain: true` removes every shortcut.
public func ResNet(depth: Int, inputShape: [Int] = [224, 224, 3], classes: Int = 1000, plain: Bool = false) throws -> Model {
    let stages: [Int: (blocks: [Int], bottleneck: Bool)] = [
        18: ([2, 2, 2, 2], false), 34: ([3, 4, 6, 3], false), 50: ([3, 4, 6, 3], true),
        101: ([3, 4, 23, 3], true), 152: ([3, 8, 36, 3], true),
    ]
    guard let layout = stages[depth] else {
        throw NNError.invalidArgument(op: "ResNet(depth: \(depth))", message: "depth must be 18, 34, 50, 101 or 152")
    }
    let input = try Input(shape: inputShape)
    var x = try ZeroPadding2D(padding: 3)(input)
    x = try Conv2D(filters: 64, kernelSize: 7, strides: 2, useBias: false, kernelInitializer: .heNormal)(x)
    x = try BatchNormalization(axis: 3)(x, training: nil)
    x = try Activation(.relu)(x)
    x = try ZeroPadding2D(padding: 1)(x)
    x = try MaxPooling2D(poolSize: 3, strides: 2)(x)
    for (stage, count) in layout.blocks.enumerated() {
        let filters = 64 << stage
        for block in 0..<count {
            let strides = block == 0 && stage > 0 ? 2 : 1
            if layout.bottleneck {
                x = try bottleneckBlock(x, f: 3, filters: [filters, filters, 4 * filters], s: strides,
                                        projection: block == 0, plain: plain, training: nil, initializer: .heNormal,
                                        useBias: false)
            } else if plain {
                x = try plainBasicBlock(x, filters: filters, strides: strides)
            } else {
                x = try basicBlock(x, filters: filters, strides: strides, shortcut: .projection)
            }
        }
    }
    x = try GlobalAveragePooling2D()(x)
    x = try Dense(units: classes, activation: .softmax)(x)
    return try Model(inputs: input, outputs: x, name: "\(plain ? "plain" : "resnet")\(depth)")
}

/// A CIFAR-10 ResNet of He et al. §4.2, `depth` = 6n + 2 (20, 32, 44, 56, 110, …):
/// Conv2D(16, 3×3, same) → BN → ReLU; three stages of n basic blocks with 16, 32 and 64 filters
/// (feature maps 32, 16, 8 on a 32×32 input), the first block of stages 2 and 3 with stride 2;
/// GlobalAveragePooling2D → Dense(classes, softmax).
///
/// As in the paper: He-normal kernels, no convolution bias (batch norm follows each one), and
/// shortcut option A (`.zeroPadding`: subsampled identity with zero channels, no parameters) unless
/// `shortcut: .projection` asks for option B. ResNet-20 has 0.27 M parameters. `plain: true` gives
/// the paper's plain baseline of the same depth.
///
/// Every batch norm uses `batchNormMomentum` (0.9 by default, PyTorch's 0.1 in its convention,
/// not Keras' 0.99): these models are trained for a few epochs of a few dozen steps on the small
/// data sets of the course, and with 0.99 the moving statistics, which start at mean 0 and
/// variance 1, are still far from the data's when training stops, so that inference (which uses
/// them) scores far below training. The course's ResNet50 keeps Keras' 0.99.
public func CIFARResNet(depth: Int, inputShape: [Int] = [32, 32, 3], classes: Int = 10, plain: Bool = false,
                        shortcut: ShortcutKind = .zeroPadding, batchNormMomentum: Double = 0.9) throws -> Model {
    guard depth >= 8, (depth - 2) % 6 == 0 else {
        throw NNError.invalidArgument(op: "CIFARResNet(depth: \(depth))", message: "depth must be 6n + 2 (20, 32, 44, 56, 110, …)")
    }
    let n = (depth - 2) / 6
    let input = try Input(shape: inputShape)
    var x = try Conv2D(filters: 16, kernelSize: 3, padding: .same, useBias: false, kernelInitializer: .heNormal)(input)
    x = try BatchNormalization(axis: 3, momentum: batchNormMomentum)(x, training: nil)
    x = try Activation(.relu)(x)
    for (stage, filters) in [16, 32, 64].enumerated() {
        for block in 0..<n {
            let strides = block == 0 && stage > 0 ? 2 : 1
            x = try cifarBlock(x, filters: filters, strides: strides, shortcut: plain ? nil : shortcut,
                               momentum: batchNormMomentum)
        }
    }
    x = try GlobalAveragePooling2D()(x)
    x = try Dense(units: classes, activation: .softmax)(x)
    return try Model(inputs: input, outputs: x, name: "\(plain ? "plain" : "resnet")\(depth)")
}

/// The basic block of `basicBlock` (or, with `shortcut: nil`, of `plainBasicBlock`) with batch
/// norms of the given `momentum`: conv 3×3 (stride `strides`) → BN → ReLU → conv 3×3 → BN, plus
/// the shortcut, → ReLU. (The public blocks keep Keras' 0.99 because the course's lessons compare
/// them with Keras layer by layer; only the CIFAR family trains with the faster momentum.)
private func cifarBlock(_ x: KerasTensor, filters: Int, strides: Int, shortcut: ShortcutKind?,
                        momentum: Double) throws -> KerasTensor {
    var y = try Conv2D(filters: filters, kernelSize: 3, strides: strides, padding: .same, useBias: false,
                       kernelInitializer: .heNormal)(x)
    y = try BatchNormalization(axis: 3, momentum: momentum)(y, training: nil)
    y = try Activation(.relu)(y)
    y = try Conv2D(filters: filters, kernelSize: 3, padding: .same, useBias: false, kernelInitializer: .heNormal)(y)
    y = try BatchNormalization(axis: 3, momentum: momentum)(y, training: nil)
    guard let shortcut else { return try Activation(.relu)(y) }
    var skip = x
    if strides != 1 || (x.symbolicShape.last ?? nil) != filters {
        switch shortcut {
        case .zeroPadding:
            skip = try ChannelPaddingShortcut(filters: filters, strides: strides)(x)
        case .projection:
            skip = try Conv2D(filters: filters, kernelSize: 1, strides: strides, padding: .valid, useBias: false,
                              kernelInitializer: .heNormal)(x)
            skip = try BatchNormalization(axis: 3, momentum: momentum)(skip, training: nil)
        }
    }
    return try Activation(.relu)(try Add()([y, skip]))
}

/// The families of the models `namedModel(_:inputShape:classes:)` knows, which `reslab train`
/// gives different training defaults.
public enum NamedModelFamily: Equatable, Sendable {
    /// `resnet50`, the course's ResNet-50.
    case course
    /// He et al.'s ImageNet networks and their plain twins, of the given depth.
    case imageNet(depth: Int, plain: Bool)
    /// He et al.'s CIFAR-10 networks (6n + 2 layers) and their plain twins, of the given depth.
    case cifar(depth: Int, plain: Bool)

    /// The family of the model `name` (case does not matter), nil for a name
    /// `namedModel(_:inputShape:classes:)` does not know.
    public init?(modelName name: String) {
        let lowered = name.lowercased()
        if lowered == "resnet50" {
            self = .course
            return
        }
        let plain = lowered.hasPrefix("plain")
        guard plain || lowered.hasPrefix("resnet") else { return nil }
        let rest = lowered.dropFirst(plain ? 5 : 6)
        let imagenet = rest.hasSuffix("-imagenet")
        guard let depth = Int(imagenet ? String(rest.dropLast(9)) : String(rest)), depth > 0 else { return nil }
        if imagenet || [18, 34, 101, 152].contains(depth) {
            self = .imageNet(depth: depth, plain: plain)
        } else {
            self = .cifar(depth: depth, plain: plain)
        }
    }

    /// The error for a model name `init(modelName:)` does not know, listing the ones it does.
    public static func unknownModelError(_ name: String) -> NNError {
        NNError.invalidArgument(
            op: "model \"\(name)\"",
            message: "unknown model; use resnet50 (the course's), resnet18/34/101/152 or resnet50-imagenet, resnet20/32/44/56/110, or plain twins such as plain20")
    }

    /// Whether this is the CIFAR-10 family (which trains on 32×32 images).
    public var isCIFAR: Bool {
        if case .cifar = self { return true }
        return false
    }
}

/// The models `reslab train` and `reslab bench model` know by name, built for the data's image
/// shape and class count:
/// - `resnet50`: the course's ResNet-50;
/// - `resnet18`, `resnet34`, `resnet50-imagenet`, `resnet101`, `resnet152` and their `plain…`
///   twins (`plain18`, …, `plain50-imagenet`, …): the ImageNet family;
/// - `resnet20`, `resnet32`, `resnet44`, `resnet56`, `resnet110` (any other 6n + 2 depth, such
///   as 50 = 6·8 + 2 in `plain50`) and `plain20`, …: the CIFAR family.
public func namedModel(_ name: String, inputShape: [Int], classes: Int) throws -> Model {
    switch NamedModelFamily(modelName: name) {
    case .course:
        return try ResNet50(inputShape: inputShape, classes: classes)
    case let .imageNet(depth, plain):
        return try ResNet(depth: depth, inputShape: inputShape, classes: classes, plain: plain)
    case let .cifar(depth, plain):
        return try CIFARResNet(depth: depth, inputShape: inputShape, classes: classes, plain: plain)
    case nil:
        throw NamedModelFamily.unknownModelError(name)
    }
}
