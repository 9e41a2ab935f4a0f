/// The course's ResNet-50 (Residual Networks, exercise 3), layer for layer:
///
/// | stage | layers | output (64×64×3 input) |
/// |---|---|---|
/// | input | ZeroPadding2D((3, 3)) | 70×70×3 |
/// | 1 | Conv2D(64, 7×7, stride 2, glorotUniform(seed: 0)) → BN(axis: 3) → ReLU → MaxPooling2D(3×3, stride 2) | 15×15×64 |
/// | 2 | convolutionalBlock(f: 3, [64, 64, 256], s: 1) + 2 identity blocks | 15×15×256 |
/// | 3 | convolutionalBlock(f: 3, [128, 128, 512], s: 2) + 3 identity blocks | 8×8×512 |
/// | 4 | convolutionalBlock(f: 3, [256, 256, 1024], s: 2) + 5 identity blocks | 4×4×1024 |
/// | 5 | convolutionalBlock(f: 3, [512, 512, 2048], s: 2) + 2 identity blocks | 2×2×2048 |
/// | head | AveragePooling2D((2, 2)) → Flatten → Dense(classes, softmax, glorotUniform(seed: 0)) | classes |
///
/// 23,600,006 parameters for 64×64×3 and 6 classes (23,546,886 trainable). As in the course the
/// blocks are called with their default `training: true`, so their batch norms normalise with the
/// batch's statistics even in `evaluate` and `predict` (Keras keeps a `training=` given when the
/// graph is built); the stage-1 batch norm follows the model's mode. `training: nil` makes every
/// batch norm follow the mode (moving statistics in `evaluate` and `predict`), as a benchmark
/// against a Keras model written without `training=` needs.
public func ResNet50(inputShape: [Int] = [64, 64, 3], classes: Int = 6, training: Bool? = true) throws -> Model {
    let input = try Input(shape: inputShape)
    var x = try ZeroPadding2D(padding: (3, 3))(input)
    x = try Conv2D(filters: 64, kernelSize: (7, 7), strides: (2, 2), kernelInitializer: .glorotUniform(seed: 0))(x)
    x = try BatchNormalization(axis: 3)(x)
    x = try Activation(.relu)(x)
    x = try MaxPooling2D(poolSize: (3, 3), strides: (2, 2))(x)

    x = try convolutionalBlock(x, f: 3, filters: [64, 64, 256], s: 1, training: training)
    x = try identityBlock(x, f: 3, filters: [64, 64, 256], training: training)
    x = try identityBlock(x, f: 3, filters: [64, 64, 256], training: training)

    x = try convolutionalBlock(x, f: 3, filters: [128, 128, 512], s: 2, training: training)
    for _ in 0..<3 { x = try identityBlock(x, f: 3, filters: [128, 128, 512], training: training) }

    x = try convolutionalBlock(x, f: 3, filters: [256, 256, 1024], s: 2, training: training)
    for _ in 0..<5 { x = try identityBlock(x, f: 3, filters: [256, 256, 1024], training: training) }

    x = try convolutionalBlock(x, f: 3, filters: [512, 512, 2048], s: 2, training: training)
    for _ in 0..<2 { x = try identityBlock(x, f: 3, filters: [512, 512, 2048], training: training) }

    x = try AveragePooling2D(poolSize: (2, 2))(x)
    x = try Flatten()(x)
    x = try Dense(units: classes, activation: .softmax, kernelInitializer: .glorotUniform(seed: 0))(x)
    return try Model(inputs: input, outputs: x, name: "ResNet50")
}
