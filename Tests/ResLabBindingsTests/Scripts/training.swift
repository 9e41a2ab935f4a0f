// compile, fit (one line per epoch into the output), evaluate, predict, History. The loss values
// depend on the data and the weights, so only the structure is checked here.
setRandomSeed(0)
let data = DataSet.synthetic(imageSize: 16, trainPerClass: 4, testPerClass: 1, seed: 0)
print(data) // expect: DataSet("synthetic hand signs": 24 training and 6 test images of [16, 16, 3], 6 classes)
print(data.trainImages.shape, data.trainLabels.count, data.trainOneHotLabels().shape, data.classNames) // expect: [24, 16, 16, 3] 24 [24, 6] ["0", "1", "2", "3", "4", "5"]
print(DataSet.oneHot([1, 0], classCount: 2).scalars) // expect: [0.0, 1.0, 1.0, 0.0]
let model = Sequential([Flatten(), Dense(units: 6, activation: .softmax)], inputShape: [16, 16, 3])
model.compile(optimizer: Adam(learningRate: 0.01), loss: .categoricalCrossentropy, metrics: [.accuracy])
let history = model.fit(x: data.trainImages, y: data.trainOneHotLabels(), batchSize: 8, epochs: 2,
                        validationData: (data.testImages, data.testOneHotLabels()), seed: 0, verbose: 0)
print(history.loss.count, history.keys, history.epoch) // expect: 2 ["loss", "accuracy", "val_loss", "val_accuracy"] [0, 1]
print((history["val_loss"] ?? []).count, history["nothing"] == nil, model.history != nil) // expect: 2 true true
let scores = model.evaluate(x: data.testImages, y: data.testOneHotLabels())
print(scores.keys.sorted(), scores["loss"]! > 0) // expect: ["accuracy", "loss"] true
print(model.predict(x: data.testImages).sum(squeezingAxes: 1).isAlmostEqual(to: Tensor(ones: [6]), tolerance: 0.0001)) // expect: true
print(SGD(learningRate: 0.5), Adam().learningRate) // expect: SGD(learningRate: 0.5) 0.001
// onStep: one report per step (2 epochs of 3 batches of 8), numbered like Keras' callbacks; each
// epoch's loss in the History is the mean of its three batch losses; one layer has weights.
var reports: [StepReport] = []
let stepped = Sequential([Flatten(), Dense(units: 6, activation: .softmax)], inputShape: [16, 16, 3])
stepped.compile(optimizer: SGD(learningRate: 0.1), loss: .categoricalCrossentropy, metrics: [.accuracy])
let steppedHistory = stepped.fit(x: data.trainImages, y: data.trainOneHotLabels(), batchSize: 8, epochs: 2, seed: 0, verbose: 0,
                                 onStep: { report in reports.append(report) })
print(reports.count, reports.map { $0.epoch }, reports.map { $0.batch }, reports.map { $0.iteration }) // expect: 6 [0, 0, 0, 1, 1, 1] [0, 1, 2, 0, 1, 2] [1, 2, 3, 4, 5, 6]
let firstEpochMean = (reports[0].loss + reports[1].loss + reports[2].loss) / 3
print(abs(firstEpochMean - steppedHistory.loss[0]) < 0.00001, reports[5].metrics.keys.sorted()) // expect: true ["accuracy"]
print(reports[0].layers.count, reports[0].gradientNorms.count, reports[0].gradientNorms[0] > 0) // expect: 1 1 true
