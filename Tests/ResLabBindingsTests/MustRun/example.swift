import ResLab

// The lecture's block on a column vector: a[l] → z[l+1] → a[l+1] → z[l+2] → a[l+2].
let aL = Tensor([[1.0], [-2.0], [0.5]])
let W1 = Tensor([[0.2, -0.5, 0.1], [0.4, 0.3, -0.2], [-0.3, 0.8, 0.5]])
let b1 = Tensor([[0.1], [0.0], [-0.1]])
let W2 = Tensor([[0.5, -0.4, 0.2], [-0.1, 0.6, 0.3], [0.2, 0.1, -0.7]])
let b2 = Tensor([[0.0], [0.2], [0.1]])
let z1 = matmul(W1, aL) + b1
let a1 = relu(z1)
let z2 = matmul(W2, a1) + b2
let plain = relu(z2)          // a[l+2] without the shortcut
let residual = relu(z2 + aL)  // a[l+2] = g(z[l+2] + a[l])
print(plain.scalars)
print(residual.scalars)

// With W[l+2] = 0 and b[l+2] = 0 the block passes a non-negative a[l] through unchanged.
let passThrough = relu(matmul(Tensor(zeros: [3, 3]), a1) + Tensor(zeros: [3, 1]) + relu(aL))
print(passThrough.scalars == relu(aL).scalars)

// An identity block, Keras functional style. On numbers it computes at once...
func identityBlock(_ input: Tensor, f: Int, filters: [Int], training: Bool = true,
                   initializer: Initializer = .randomUniform(seed: 0)) -> Tensor {
    let shortcut = input
    var x = Conv2D(filters: filters[0], kernelSize: 1, padding: .valid, kernelInitializer: initializer)(input)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Activation(.relu)(x)
    x = Conv2D(filters: filters[1], kernelSize: f, padding: .same, kernelInitializer: initializer)(x)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Activation(.relu)(x)
    x = Conv2D(filters: filters[2], kernelSize: 1, padding: .valid, kernelInitializer: initializer)(x)
    x = BatchNormalization(axis: 3)(x, training: training)
    x = Add()([x, shortcut])
    return Activation(.relu)(x)
}
let X = Tensor(randomNormal: [3, 4, 4, 6], seed: 1)
let A = identityBlock(X, f: 2, filters: [2, 4, 6], training: false)
print(A.shape)

// ...and on a symbolic Input the same function builds a trainable model.
let input = Input(shape: [8, 8, 6])
var y = identityBlock(input, f: 3, filters: [2, 4, 6])
y = Flatten()(y)
y = Dense(units: 3, activation: .softmax)(y)
let model = Model(inputs: input, outputs: y)
model.compile(optimizer: Adam(learningRate: 0.001), loss: .categoricalCrossentropy, metrics: [.accuracy])
model.summary()
