import Testing
import ResLabEngine
@testable import ResLabNN

/// A small CIFAR ResNet learns the synthetic hand signs, and what it learned shows in inference
/// mode (batch norms on their moving statistics), not only in `fit`'s running accuracy.
///
/// The full-size figure (ResNet-20 on the 32×32 set with `reslab train`) takes minutes and is
/// measured outside the test suite; this is the same recipe on a ResNet-8 with 16×16 images and
/// 100 training images per class. Chance is 1/6 ≈ 0.17. With Keras' batch-norm momentum 0.99
/// the run scored at chance in inference mode (0.16–0.20 on the test images after 6 epochs)
/// while training-mode accuracy was 0.64: the moving statistics had not caught up. With the
/// CIFAR models' 0.9, 8 epochs scored 0.42, 0.55 and 0.42 on the test images and 0.90, 0.91 and
/// 0.93 on the training images (data seeds 0, 1, 2). With 60 images per class the test score
/// swung between 0.275 and 0.41 with nothing but the order of floating-point sums changed (other
/// OpenBLAS kernels, a fused batch norm): too close to a threshold to test.
@Suite(.serialized) struct CIFARResNetLearningTests {
    @Test func resNet8LearnsHandSignsInInferenceMode() throws {
        let data = try DataSet.syntheticHandSigns(imageSize: 16, trainPerClass: 100, testPerClass: 20, seed: 0)
        setRandomSeed(0)
        let model = try CIFARResNet(depth: 8, inputShape: data.imageShape, classes: data.classCount)
        let epochs = 8, batchSize = 32
        let steps = (data.train.count + batchSize - 1) / batchSize
        try model.compile(optimizer: try Adam(schedule: .cosineDecay(initial: 0.003, decaySteps: epochs * steps)),
                          loss: .categoricalCrossentropy, metrics: [.accuracy])
        let trainLabels = try data.trainOneHotLabels()
        try model.fit(x: data.train.images, y: trainLabels, batchSize: batchSize, epochs: epochs, seed: 0,
                      output: .silent)
        let onTraining = try model.evaluate(x: data.train.images, y: trainLabels, batchSize: batchSize)
        let onTest = try model.evaluate(x: data.test.images, y: try data.testOneHotLabels(), batchSize: batchSize)
        #expect((onTraining["accuracy"] ?? 0) > 0.7)
        #expect((onTest["accuracy"] ?? 0) > 0.3)
    }
}
