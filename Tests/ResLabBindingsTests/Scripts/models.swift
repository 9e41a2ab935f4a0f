// The functional API and Sequential: one lesson function builds a model from an Input and
// computes on numbers. Parameter counts by the formulas: Dense(n → m) has n·m + m.
func head(_ x: Tensor, units: Int) -> Tensor {
    let hidden = Dense(units: 4, activation: .relu)(x)
    return Dense(units: units, activation: .softmax)(hidden)
}
let input = Input(shape: [3])
print(input.shape, input.isSymbolic) // expect: [nil, Optional(3)] true
let model = Model(inputs: input, outputs: head(input, units: 2))
print(model.countParams(), model.layers.count) // expect: 26 3
print(model.layers[0], model.layers[1].name) // expect: input_1 (InputLayer) dense
print(model(Tensor(zeros: [5, 3])).shape, model.predict(x: Tensor(zeros: [5, 3])).shape) // expect: [5, 2] [5, 2]
print(head(Tensor(zeros: [1, 3]), units: 3).shape) // expect: [1, 3]
print(relu(input).isSymbolic, model.outputs[0].shape) // expect: true [nil, Optional(2)]
print((input + relu(input)).isSymbolic) // expect: true
let stack = Sequential([Dense(units: 3), Dense(units: 1)], inputShape: [2])
stack.add(Activation(.sigmoid))
print(stack.countParams(), stack.layers.count) // expect: 13 3
stack.summary()
// expect: Model: "sequential"
// expect: _________________________________________________________________
// expect: Layer (type)                 Output Shape              Param #
// expect: =================================================================
// expect: dense_4 (Dense)              (None, 3)                 9
// expect: _________________________________________________________________
// expect: dense_5 (Dense)              (None, 1)                 4
// expect: _________________________________________________________________
// expect: activation_2 (Activation)    (None, 1)                 0
// expect: =================================================================
// expect: Total params: 13
// expect: Trainable params: 13
// expect: Non-trainable params: 0
// expect: _________________________________________________________________
print(ResNet.resnet50().countParams()) // expect: 23600006
print(ResNet.identityBlock(Tensor(zeros: [1, 4, 4, 6]), f: 3, filters: [2, 4, 6]).shape) // expect: [1, 4, 4, 6]
print(ResNet.convolutionalBlock(Input(shape: [8, 8, 3]), f: 3, filters: [2, 4, 6], s: 2).shape) // expect: [nil, Optional(4), Optional(4), Optional(6)]
// A layer taken out of a model with `let` is the model's layer (a class instance, as in Keras and
// Swift): setting its weights or flags through the constant changes the model.
let taken = stack.layers[1]
taken.kernel = Tensor(ones: [3, 1])
taken.bias = Tensor([0.5])
print(stack.layers[1].kernel.scalars, stack.layers[1].bias.scalars) // expect: [1.0, 1.0, 1.0] [0.5]
taken.trainable = false
print(stack.layers[1].trainable) // expect: false
