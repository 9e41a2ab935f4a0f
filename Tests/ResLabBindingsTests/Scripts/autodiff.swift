// Gradients of lesson closures: d/dx Σ x² = 2x; d/da Σ a·b = b, d/db = Σ a.
let x = Tensor([[1.0, 2.0], [3.0, 4.0]])
print(gradient(at: x) { x in (x * x).sum() }.scalars) // expect: [2.0, 4.0, 6.0, 8.0]
let (value, grads) = valueWithGradient(at: x, Tensor(2.0)) { a, b in (a * b).sum() }
print(value.scalarized(), grads.0.scalars, grads.1.scalarized()) // expect: 20.0 [2.0, 2.0, 2.0, 2.0] 10.0
let result = valueWithGradient(at: Tensor([3.0])) { x in relu(x) * 2 }
print(result.value.scalars, result.gradient.scalars) // expect: [6.0] [2.0]
print(checkGradients(at: x) { x in softmax(x).sum() }.passed) // expect: true
print(checkGradients(at: Tensor([[0.3, -0.7]])) { x in Dense(units: 2, kernelInitializer: .glorotUniform(seed: 1))(x) }.passed) // expect: true
let g = gradient(at: x) { x in x.sum().scalarized() }
// expect error: 10:9: the closure to differentiate must return a Tensor, but it returned Float
// expect hint: return the loss as a tensor, e.g. (x * x).sum() rather than (x * x).sum().scalarized()
