// Reductions (S4TF's alongAxes keeps the axis, squeezingAxes removes it), subscripts, shape
// ops and elementwise math. Checked by hand.
let x = Tensor([[1.0, 2.0], [3.0, 4.0]])
print(x.sum().scalars, x.sum(alongAxes: 0).shape, x.sum(squeezingAxes: 1).scalars) // expect: [10.0] [1, 2] [3.0, 7.0]
print(x.mean().scalarized(), x.max(squeezingAxes: 0).scalars, x.min().scalarized(), x.variance().scalarized()) // expect: 2.5 [3.0, 4.0] 1.0 1.25
print(x.mean(alongAxes: 0, 1).shape, x.sum(squeezingAxes: [0, 1]).shape) // expect: [1, 1] []
print(x.argmax(squeezingAxis: 1).scalars, x.argmax().scalarized()) // expect: [1.0, 1.0] 3.0
print(x[0].scalars, x[1, 0].scalarized(), x[-1].scalars, x[0..<1].shape, x[0...1, 1].scalars) // expect: [1.0, 2.0] 3.0 [3.0, 4.0] [1, 2] [2.0, 4.0]
var y = x
y[0] = Tensor([9.0, 8.0])
y[1, 1] = Tensor(7.0)
y[1, 0] = Tensor(6)
print(y.scalars, x.scalars) // expect: [9.0, 8.0, 6.0, 7.0] [1.0, 2.0, 3.0, 4.0]
print(x.reshaped(to: [-1, 1]).shape, x.flattened().shape, x.expandingShape(at: 0).shape) // expect: [4, 1] [4] [1, 2, 2]
print(x.transposed(permutation: 1, 0).scalars) // expect: [1.0, 3.0, 2.0, 4.0]
print(concatenate([x, x], axis: 0).shape, x.concatenated(with: x, alongAxis: 1).shape) // expect: [4, 2] [2, 4]
print(x.padded(forSizes: [(0, 0), (1, 1)]).scalars) // expect: [0.0, 1.0, 2.0, 0.0, 0.0, 3.0, 4.0, 0.0]
print(relu(Tensor([-1.0, 2.0])).scalars, sigmoid(Tensor([0.0])).scalars, tanh(Tensor([0.0])).scalars) // expect: [0.0, 2.0] [0.5] [0.0]
print(softmax(Tensor([0.0, 0.0])).scalars, exp(Tensor([0.0])).scalars, log(Tensor([1.0])).scalars) // expect: [0.5, 0.5] [1.0] [0.0]
print(sqrt(Tensor([4.0])).scalars, abs(Tensor([-3.0])).scalars, pow(Tensor([2.0]), 3).scalars, square(Tensor([3.0])).scalars) // expect: [2.0] [3.0] [8.0] [9.0]
print(exp(0.0), abs(-2)) // expect: 1.0 2
// A 3×3 image of 1s, one channel, convolved with a 2×2 kernel of 1s: each window sums 4 ones.
let image = Tensor(ones: [1, 3, 3, 1])
print(conv2D(image, filter: Tensor(ones: [2, 2, 1, 1])).scalars) // expect: [4.0, 4.0, 4.0, 4.0]
print(conv2D(image, filter: Tensor(ones: [2, 2, 1, 1]), strides: 1, padding: .same).shape) // expect: [1, 3, 3, 1]
let ramp = Tensor(shape: [1, 2, 2, 1], scalars: [1, 2, 3, 4])
print(maxPool2D(ramp, filterSize: 2, strides: 2).scalars, avgPool2D(ramp, filterSize: (2, 2), strides: (1, 1, 1, 1)).scalars) // expect: [4.0] [2.5]
