// Creation, properties, arithmetic with broadcasting and numbers on either side, comparisons.
// Every value here can be checked by hand.
let x = Tensor([[1.0, 2.0], [3.0, 4.0]])
print(x.shape, x.rank, x.scalarCount) // expect: [2, 2] 2 4
print(x.scalars) // expect: [1.0, 2.0, 3.0, 4.0]
print(x)
// expect: [[1. 2.]
// expect:  [3. 4.]]
print((x + 1).scalars, (2 * x).scalars, (1 - x).scalars) // expect: [2.0, 3.0, 4.0, 5.0] [2.0, 4.0, 6.0, 8.0] [0.0, -1.0, -2.0, -3.0]
print((x / Tensor([2.0, 4.0])).scalars) // expect: [0.5, 0.5, 1.5, 1.0]
print((-x).scalars) // expect: [-1.0, -2.0, -3.0, -4.0]
print(x == Tensor([[1.0, 2.0], [3.0, 4.0]]), x != x, x == x.reshaped(to: [4])) // expect: true false false
print((x > 2).scalars, (x <= 2).scalars) // expect: [0.0, 0.0, 1.0, 1.0] [1.0, 1.0, 0.0, 0.0]
print(matmul(x, x.transposed()).scalars) // expect: [5.0, 11.0, 11.0, 25.0]
print(matmul(x, transposed: true, x).scalars) // expect: [10.0, 14.0, 14.0, 20.0]
print(Tensor(zeros: [2]).scalars, Tensor(ones: [1, 2]).shape, Tensor(repeating: 0.5, shape: [2]).scalars) // expect: [0.0, 0.0] [1, 2] [0.5, 0.5]
print(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]) == x) // expect: true
print(Tensor(oneHotAtIndices: [0, 2], depth: 3).scalars) // expect: [1.0, 0.0, 0.0, 0.0, 0.0, 1.0]
print(Tensor(rangeFrom: 0, to: 1, stride: 0.25).scalars) // expect: [0.0, 0.25, 0.5, 0.75]
print(Tensor(randomNormal: [2], seed: 3) == Tensor(randomNormal: [2], seed: 3)) // expect: true
print(Tensor(randomUniform: [100], lowerBound: 2, upperBound: 3, seed: 1).min().scalarized() >= 2) // expect: true
print(Tensor(3.5).shape, Tensor(3.5).scalar, x.scalar) // expect: [] Optional(3.5) nil
print(x.isAlmostEqual(to: x + 0.000001), x.isAlmostEqual(to: x + 0.1)) // expect: true false
