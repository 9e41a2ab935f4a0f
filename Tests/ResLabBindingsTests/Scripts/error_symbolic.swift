let x = matmul(Input(shape: [2]), Tensor(ones: [2, 2]))
// expect error: 1:9: matmul needs numbers, but 'lhs' is a symbolic tensor of shape (None, 2) (from Input(shape:)), which has none yet
// expect hint: inside a model, use layers (Dense, Conv2D, Activation, Add); to compute numbers, call the model on a tensor or use predict(x:)
