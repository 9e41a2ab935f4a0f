// A learner's function may carry a name of the course (the library's is ResNet.identityBlock).
func identityBlock(_ x: Tensor) -> Tensor {
    return relu(x)
}
print(identityBlock(Tensor([-1.0])).scalars) // expect: [0.0]
let input = Input(shape: [4])
let conv = Conv2D(filters: 2, kernelSize: 3)
let y = conv(input)
// expect error: 8:9: conv2d (Conv2D): expects a rank-4 input (batch, height, width, channels) with a known channel count, but was given (None, 4)
