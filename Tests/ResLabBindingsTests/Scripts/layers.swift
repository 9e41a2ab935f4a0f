// Layers on numbers, with weights chosen so the outputs can be checked by hand.
let d = Dense(units: 2, kernelInitializer: .constant(1))
print(d.isBuilt) // expect: false
print(d(Tensor([[1.0, 2.0, 3.0, 4.0]])).scalars) // expect: [10.0, 10.0]
print(d.kernel.shape, d.bias.scalars, d.weights.count, d.countParams()) // expect: [4, 2] [0.0, 0.0] 2 10
d.bias = Tensor([1.0, -1.0])
print(d(Tensor([[1.0, 2.0, 3.0, 4.0]])).scalars) // expect: [11.0, 9.0]
d.weights = [Tensor(zeros: [4, 2]), Tensor([0.5, 0.25])]
print(d(Tensor([[1.0, 2.0, 3.0, 4.0]])).scalars) // expect: [0.5, 0.25]
print(d.weightNames) // expect: ["dense/kernel", "dense/bias"]
let softmaxDense = Dense(units: 2, activation: .softmax, kernelInitializer: .zeros)
print(softmaxDense(Tensor([[1.0, 2.0]])).scalars, softmaxDense.activation) // expect: [0.5, 0.5] softmax
// A 1×1 convolution with a kernel of 2s doubles every pixel; 3 output channels of the 1 input.
let conv = Conv2D(filters: 3, kernelSize: 1, kernelInitializer: .constant(2))
print(conv(Tensor(ones: [1, 2, 2, 1])).shape, conv(Tensor(ones: [1, 2, 2, 1])).max().scalarized()) // expect: [1, 2, 2, 3] 2.0
print(conv.kernelSize, conv.strides, conv.padding, conv.kernel.shape) // expect: (1, 1) (1, 1) valid [1, 1, 1, 3]
print(Conv2D(filters: 2, kernelSize: (3, 3), strides: 2, padding: .same)(Tensor(ones: [1, 5, 5, 1])).shape) // expect: [1, 3, 3, 2]
// Inference-mode batch norm with its initial statistics (mean 0, variance 1, ε = 0.001):
// x / √1.001.
let norm = BatchNormalization(axis: 3)
print(norm(sqrt(Tensor(repeating: 1.001, shape: [1, 1, 1, 2])), training: false).scalars) // expect: [1.0, 1.0]
print(norm.gamma.scalars, norm.movingVariance.scalars, norm.weights.count, norm.trainableWeights.count) // expect: [1.0, 1.0] [1.0, 1.0] 4 2
print(Activation(.relu)(Tensor([-1.0, 1.0])).scalars, ReLU()(Tensor([-2.0])).scalars, Softmax()(Tensor([[0.0, 0.0]])).scalars) // expect: [0.0, 1.0] [0.0] [0.5, 0.5]
print(Add()([Tensor([1.0]), Tensor([2.0]), Tensor([3.0])]).scalars) // expect: [6.0]
print(Flatten()(Tensor(zeros: [2, 3, 4])).shape, GlobalAveragePooling2D()(Tensor(ones: [2, 3, 3, 5])).shape) // expect: [2, 12] [2, 5]
print(MaxPooling2D(poolSize: 2)(Tensor(shape: [1, 2, 2, 1], scalars: [1, 5, 3, 4])).scalars) // expect: [5.0]
print(AveragePooling2D(poolSize: (2, 2), strides: (1, 1))(Tensor(shape: [1, 2, 2, 1], scalars: [1, 5, 3, 4])).scalars) // expect: [3.25]
print(ZeroPadding2D(padding: (1, 2))(Tensor(ones: [1, 2, 2, 1])).shape, ZeroPadding2D(padding: ((1, 0), (0, 0))).padding) // expect: [1, 4, 6, 1] ((1, 0), (0, 0))
print(Dropout(rate: 0.5)(Tensor(ones: [4]), training: false).scalars) // expect: [1.0, 1.0, 1.0, 1.0]
print(Initializer.glorotUniform(seed: 0), Initializer.constant(0.5), Initializer.randomUniform(seed: 0) == .randomUniform(seed: 0)) // expect: .glorotUniform(seed: 0) .constant(0.5) true
let layer: Layer = d
print(layer.name) // expect: dense
