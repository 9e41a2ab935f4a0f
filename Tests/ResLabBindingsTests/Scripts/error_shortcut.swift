// z[l+2] has 2 units, a[l] has 3: adding them fails with the engine's message and a hint.
let aL = Tensor([[1.0], [-2.0], [0.5]])
let z2 = Tensor([[0.675], [0.065]])
let residual = relu(z2 + aL)
// expect error: 4:24: add: cannot broadcast shapes [2, 1] and [3, 1]
// expect hint: a shortcut must match the main path's shape to be added to it; project it with a 1×1 convolution: W_s · a[l] (one row per unit of the main path, one column per unit of a[l]), or Conv2D(filters: …, kernelSize: 1) on images
