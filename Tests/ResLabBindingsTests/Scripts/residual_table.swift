// The learners' view of the lecture's block: z[l+1] = W[l+1]·a[l] + b[l+1] = [1.35, -0.3, -1.75],
// a[l+1] = [1.35, 0, 0], z[l+2] = [0.675, 0.065, 0.37] (see MustRun/make_expected.py).
let aL = Tensor([[1.0], [-2.0], [0.5]])
let W1 = Tensor([[0.2, -0.5, 0.1], [0.4, 0.3, -0.2], [-0.3, 0.8, 0.5]])
let b1 = Tensor([[0.1], [0.0], [-0.1]])
let W2 = Tensor([[0.5, -0.4, 0.2], [-0.1, 0.6, 0.3], [0.2, 0.1, -0.7]])
let b2 = Tensor([[0.0], [0.2], [0.1]])
showResidualBlock(aL: aL, W1: W1, b1: b1, W2: W2, b2: b2)
// expect: The residual block on one example, unit by unit (g = ReLU):
// expect:
// expect: unit │    a[l] │  z[l+1] │ a[l+1] │ z[l+2] │ a[l+2] plain │ a[l+2] residual
// expect: ─────┼─────────┼─────────┼────────┼────────┼──────────────┼─────────────────
// expect:    1 │  1.0000 │  1.3500 │ 1.3500 │ 0.6750 │       0.6750 │          1.6750
// expect:    2 │ -2.0000 │ -0.3000 │ 0.0000 │ 0.0650 │       0.0650 │          0.0000
// expect:    3 │  0.5000 │ -1.7500 │ 0.0000 │ 0.3700 │       0.3700 │          0.8700
// expect:
// expect: z[l+1] = W[l+1]·a[l] + b[l+1]   a[l+1] = g(z[l+1])   z[l+2] = W[l+2]·a[l+1] + b[l+2]
// expect: a[l+2] plain = g(z[l+2])   a[l+2] residual = g(z[l+2] + a[l])
// expect: shapes: a[l] [3, 1], W[l+1] [3, 3], b[l+1] [3, 1], W[l+2] [3, 3], b[l+2] [3, 1]
// expect: Adding a[l] to z[l+2] before g changed 3 of 3 units (units 1, 2, 3).
// With W[l+2] = 0 and b[l+2] = 0 the block passes a[l] on through the shortcut alone.
showResidualBlock(aL: relu(aL), W1: W1, b1: b1, W2: Tensor(zeros: [3, 3]), b2: Tensor(zeros: [3, 1]))
// expect: The residual block on one example, unit by unit (g = ReLU):
// expect:
// expect: unit │   a[l] │  z[l+1] │ a[l+1] │ z[l+2] │ a[l+2] plain │ a[l+2] residual
// expect: ─────┼────────┼─────────┼────────┼────────┼──────────────┼─────────────────
// expect:    1 │ 1.0000 │  0.3500 │ 0.3500 │ 0.0000 │       0.0000 │          1.0000
// expect:    2 │ 0.0000 │  0.3000 │ 0.3000 │ 0.0000 │       0.0000 │          0.0000
// expect:    3 │ 0.5000 │ -0.1500 │ 0.0000 │ 0.0000 │       0.0000 │          0.5000
// expect:
// expect: z[l+1] = W[l+1]·a[l] + b[l+1]   a[l+1] = g(z[l+1])   z[l+2] = W[l+2]·a[l+1] + b[l+2]
// expect: a[l+2] plain = g(z[l+2])   a[l+2] residual = g(z[l+2] + a[l])
// expect: shapes: a[l] [3, 1], W[l+1] [3, 3], b[l+1] [3, 1], W[l+2] [3, 3], b[l+2] [3, 1]
// expect: z[l+2] is all zeros (W[l+2] = 0, b[l+2] = 0), so a[l+2] = g(a[l]): the block passes a[l] on unchanged.
// Two units on the main path, three in a[l]: W_s (2×3) projects the shortcut.
showResidualBlock(aL: aL, W1: W1, b1: b1, W2: W2[0..<2], b2: b2[0..<2], Ws: Tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]))
// expect: The residual block on one example, unit by unit (g = ReLU):
// expect:
// expect: unit │    a[l] │  z[l+1] │ a[l+1] │ z[l+2] │ a[l+2] plain │ W_s·a[l] │ a[l+2] residual
// expect: ─────┼─────────┼─────────┼────────┼────────┼──────────────┼──────────┼─────────────────
// expect:    1 │  1.0000 │  1.3500 │ 1.3500 │ 0.6750 │       0.6750 │   1.0000 │          1.6750
// expect:    2 │ -2.0000 │ -0.3000 │ 0.0000 │ 0.0650 │       0.0650 │   0.5000 │          0.5650
// expect:    3 │  0.5000 │ -1.7500 │ 0.0000 │        │              │          │
// expect:
// expect: z[l+1] = W[l+1]·a[l] + b[l+1]   a[l+1] = g(z[l+1])   z[l+2] = W[l+2]·a[l+1] + b[l+2]
// expect: a[l+2] plain = g(z[l+2])   a[l+2] residual = g(z[l+2] + W_s·a[l])
// expect: shapes: a[l] [3, 1], W[l+1] [3, 3], b[l+1] [3, 1], W[l+2] [2, 3], b[l+2] [2, 1], W_s [2, 3]
// expect: Adding W_s·a[l] to z[l+2] before g changed 2 of 2 units (units 1, 2).
showResidualBlock(aL: aL, W1: W1, b1: b1, W2: W2[0..<2], b2: b2[0..<2])
// expect error: 49:1: showResidualBlock: a[l] has 3 units but z[l+2] has 2, so a[l] cannot be added to z[l+2]
// expect hint: project the shortcut with a 1×1 convolution: pass Ws:, a matrix of shape [2, 3], to add W_s·a[l]
