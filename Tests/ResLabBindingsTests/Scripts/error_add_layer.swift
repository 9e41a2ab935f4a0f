let x = Input(shape: [8, 8, 3])
let y = Conv2D(filters: 4, kernelSize: 1)(x)
let z = Add()([x, y])
// expect error: 3:9: add (Add): cannot add shapes (None, 8, 8, 3) and (None, 8, 8, 4): a shortcut must match the main path's shape; project it with a 1×1 convolution
