// The same names as the lessons, in Swift: engine ops throw `TensorError` on bad shapes, layers
// and models throw `NNError`, so every call is a `try`.
import ResLabNN

// The lecture's block on a column vector: a[l] → z[l+1] → a[l+1] → z[l+2] → a[l+2].
let aL = try Tensor([[1.0], [-2.0], [0.5]])
let W1 = try Tensor([[0.2, -0.5, 0.1], [0.4, 0.3, -0.2], [-0.3, 0.8, 0.5]])
let b1 = try Tensor([[0.1], [0.0], [-0.1]])
let W2 = try Tensor([[0.5, -0.4, 0.2], [-0.1, 0.6, 0.3], [0.2, 0.1, -0.7]])
let b2 = try Tensor([[0.0], [0.2], [0.1]])
let a1 = relu(try matmul(W1, aL) + b1)
let z2 = try matmul(W2, a1) + b2
print("plain    a[l+2] =", relu(z2).scalars)
print("residual a[l+2] =", relu(try z2 + aL).scalars)

// A small residual network from the course's blocks, on 32×32 synthetic hand signs.
let data = try DataSet.syntheticHandSigns(imageSize: 32, trainPerClass: 40, testPerClass: 10, seed: 0)
let input = try Input(shape: data.imageShape)
var x = try Conv2D(filters: 16, kernelSize: 3, strides: 2, padding: .same)(input)
x = try convolutionalBlock(x, f: 3, filters: [8, 8, 32], s: 2)
x = try identityBlock(x, f: 3, filters: [8, 8, 32])
x = try GlobalAveragePooling2D()(x)
let output = try Dense(units: data.classCount, activation: .softmax)(x)
let model = try Model(inputs: input, outputs: output)
try model.compile(optimizer: Adam(learningRate: 0.01), loss: .categoricalCrossentropy, metrics: [.accuracy])
print(try model.summary())
let history = try model.fit(x: data.train.images, y: try data.trainOneHotLabels(), batchSize: 32, epochs: 3, seed: 0,
                            output: .silent)
print("training loss per epoch:", history.loss)
let scores = try model.evaluate(x: data.test.images, y: try data.testOneHotLabels())
print("test:", scores.keys.sorted().map { "\($0) \(scores[$0] ?? 0)" }.joined(separator: ", "))
