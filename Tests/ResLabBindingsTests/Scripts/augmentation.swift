// fit(augmentation:) moves and mirrors each training image as fit draws it into a batch, from a
// seeded stream of its own. One image of one row, [1, 2, 3], a kernel starting at zero, batch 1,
// one SGD step at learning rate 0.5 on the squared error against y = 1: the gradient is
// 2·(0 − 1)·x, so the step sets the kernel to exactly the picture x that fit drew.
let image = Tensor([1.0, 2.0, 3.0]).reshaped(to: [1, 1, 3, 1])
func kernelAfterOneStep(_ augmentation: ImageAugmentation?, seed: Int) -> [Float] {
    let model = Sequential([Flatten(), Dense(units: 1, useBias: false, kernelInitializer: .zeros)], inputShape: [1, 3, 1])
    model.compile(optimizer: SGD(learningRate: 0.5), loss: .meanSquaredError)
    model.fit(x: image, y: Tensor([[1.0]]), batchSize: 1, epochs: 1, seed: seed, augmentation: augmentation, verbose: 0)
    return model.layers[1].weights[0].scalars
}
print(kernelAfterOneStep(nil, seed: 0), kernelAfterOneStep(ImageAugmentation(), seed: 0)) // expect: [1.0, 2.0, 3.0] [1.0, 2.0, 3.0]
// Flips: the image or its mirror, about half of each over eight seeds.
var flipped: [Bool] = []
var onlyTheTwo = true
for seed in 0..<8 {
    let kernel = kernelAfterOneStep(ImageAugmentation(horizontalFlip: true, seed: seed), seed: 0)
    flipped.append(kernel == [3.0, 2.0, 1.0])
    onlyTheTwo = onlyTheTwo && (kernel == [3.0, 2.0, 1.0] || kernel == [1.0, 2.0, 3.0])
}
print(onlyTheTwo, flipped) // expect: true [false, true, true, false, true, true, true, false]
// Shifts of up to one pixel: right [0, 1, 2], none [1, 2, 3], left [2, 3, 0], and, for the two
// vertical moves in three, a black picture (the one row leaves the frame).
var shifted: [[Float]] = []
for seed in 0..<12 {
    shifted.append(kernelAfterOneStep(ImageAugmentation(shiftPadding: 1, seed: seed), seed: 0))
}
print(shifted.filter { $0 == [0.0, 0.0, 0.0] }.count, shifted.filter { $0 != [0.0, 0.0, 0.0] }) // expect: 7 [[1.0, 2.0, 3.0], [2.0, 3.0, 0.0], [2.0, 3.0, 0.0], [2.0, 3.0, 0.0], [0.0, 1.0, 2.0]]
// A seed of its own ignores fit's seed; without one, the draws follow fit's seed.
print(kernelAfterOneStep(ImageAugmentation(horizontalFlip: true, seed: 1), seed: 5) == kernelAfterOneStep(ImageAugmentation(horizontalFlip: true, seed: 1), seed: 9)) // expect: true
let unseeded = ImageAugmentation(horizontalFlip: true)
var repeats = true
var flippedByFitSeed: [Bool] = []
for seed in 0..<6 {
    let kernel = kernelAfterOneStep(unseeded, seed: seed)
    repeats = repeats && kernel == kernelAfterOneStep(unseeded, seed: seed)
    flippedByFitSeed.append(kernel == [3.0, 2.0, 1.0])
}
print(repeats, flippedByFitSeed) // expect: true [true, true, true, false, true, true]
// He et al.'s CIFAR-10 recipe, as an implicit member where fit expects an augmentation.
let recipe = ImageAugmentation.shiftsAndFlips(seed: 3)
print(recipe, recipe.shiftPadding, recipe.horizontalFlip, recipe.seed == 3) // expect: ImageAugmentation(shiftPadding: 4, horizontalFlip: true, seed: 3) 4 true true
print(ImageAugmentation(shiftPadding: 2), recipe == ImageAugmentation(shiftPadding: 4, horizontalFlip: true, seed: 3)) // expect: ImageAugmentation(shiftPadding: 2, horizontalFlip: false, seed: nil) true
let data = DataSet.synthetic(imageSize: 16, trainPerClass: 2, testPerClass: 1, seed: 0)
let model = Sequential([Conv2D(filters: 2, kernelSize: 3, padding: .same), GlobalAveragePooling2D(), Dense(units: 6, activation: .softmax)],
                       inputShape: [16, 16, 3], name: "cnn")
model.compile(optimizer: Adam(), loss: .categoricalCrossentropy)
print(model.fit(x: data.trainImages, y: data.trainOneHotLabels(), batchSize: 4, epochs: 2, seed: 0, augmentation: .shiftsAndFlips(), verbose: 0).loss.count) // expect: 2
// Augmentation moves pictures, so it needs images [n, height, width, channels].
model.fit(x: Tensor(zeros: [4, 3]), y: Tensor(zeros: [4, 6]), augmentation: .shiftsAndFlips(seed: 0), verbose: 0)
// expect error: 50:7: cnn.fit: augmentation needs NHWC images [n, height, width, channels], got x of shape [4, 3]
