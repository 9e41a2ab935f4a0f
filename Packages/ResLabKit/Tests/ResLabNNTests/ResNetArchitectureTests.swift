import Testing
@testable import ResLabNN

/// The architectures' structure and parameter counts, against published numbers: the course's
/// ResNet-50 summary (course-spec.md), He et al. 2015 (§4.2: ResNet-20 0.27 M, ResNet-110 1.7 M),
/// and the well-known counts of the ImageNet ResNets without convolution bias (torchvision's
/// `resnet18` 11,689,512 and `resnet50` 25,557,032 parameters).
@Suite struct ResNetArchitectureTests {
    @Test func theCoursesResNet50HasTheCoursesTotalsAndLayerCounts() throws {
        let model = try courseResNet50.get()
        let trainable = model.trainableWeights.reduce(0) { $0 + $1.value.count }
        let frozen = model.nonTrainableWeights.reduce(0) { $0 + $1.value.count }
        #expect(trainable + frozen == 23_600_006)
        #expect(trainable == 23_546_886)
        #expect(frozen == 53_120)
        let types = model.layers.map(\.typeName)
        #expect(types.filter { $0 == "Conv2D" }.count == 53)
        #expect(types.filter { $0 == "BatchNormalization" }.count == 53)
        #expect(types.filter { $0 == "Activation" }.count == 49)
        #expect(types.filter { $0 == "Add" }.count == 16)
        #expect(model.outputs[0].shape == [nil, 6])
        let summary = try model.summary()
        #expect(summary.contains("Total params: 23,600,006\nTrainable params: 23,546,886\nNon-trainable params: 53,120\n"))
    }

    @Test func stageOutputsMatchTheCoursesTable() throws {
        let model = try courseResNet50.get()
        let shapes = Dictionary(model.layers.map { ($0.name, $0.symbolicOutputShapes[0]) }, uniquingKeysWith: { a, _ in a })
        #expect(shapes["zero_padding2d"] == [nil, 70, 70, 3])
        #expect(shapes["conv2d"] == [nil, 32, 32, 64])
        #expect(shapes["max_pooling2d"] == [nil, 15, 15, 64])
        // The last ReLU of each stage: 3, 4, 6 and 3 blocks of 3 activations after the stem's one.
        #expect(shapes["activation_9"] == [nil, 15, 15, 256])
        #expect(shapes["activation_21"] == [nil, 8, 8, 512])
        #expect(shapes["activation_39"] == [nil, 4, 4, 1024])
        #expect(shapes["activation_48"] == [nil, 2, 2, 2048])
        #expect(shapes["flatten"] == [nil, 2048])
    }

    @Test func aConvolutionalBlockListsBothConvolutionsThenBothBatchNorms() throws {
        let model = try LayerNames.withFreshScope { () throws -> Model in
            let input = try Input(shape: [8, 8, 4])
            return try Model(inputs: input, outputs: try convolutionalBlock(input, f: 3, filters: [2, 2, 6], s: 2))
        }
        // Created in the course's order: conv2d, bn, act, conv2d_1, bn_1, act_1, conv2d_2, bn_2,
        // then the shortcut conv2d_3, bn_3. Keras lists by depth from the output.
        #expect(model.layers.map(\.name) == [
            "input_1", "conv2d", "batch_normalization", "activation", "conv2d_1", "batch_normalization_1",
            "activation_1", "conv2d_2", "conv2d_3", "batch_normalization_2", "batch_normalization_3", "add",
            "activation_2",
        ])
    }

    @Test func cifarResNetsHaveThePapersParameterCounts() throws {
        let resnet20 = try CIFARResNet(depth: 20)
        let trainable = resnet20.trainableWeights.reduce(0) { $0 + $1.value.count }
        // Hand count, option A, no convolution bias: convolutions 432 + 13,824 + 50,688 + 202,752,
        // dense 650, batch-norm scales and offsets 2 · 688.
        #expect(trainable == 269_722)
        #expect(resnet20.layers.filter { $0 is Conv2D }.count == 19)
        #expect(resnet20.outputs[0].shape == [nil, 10])
        let resnet110 = try CIFARResNet(depth: 110)
        let count110 = resnet110.trainableWeights.reduce(0) { $0 + $1.value.count }
        #expect((1_650_000...1_750_000).contains(count110))
        // The plain twin has the same layers but no Add and, with option A, the same parameters.
        let plain20 = try CIFARResNet(depth: 20, plain: true)
        #expect(plain20.trainableWeights.reduce(0) { $0 + $1.value.count } == 269_722)
        #expect(!plain20.layers.contains { $0 is Add })
        #expect(throws: NNError.self) { try CIFARResNet(depth: 21) }
    }

    @Test func imageNetResNetsHaveTheUsualParameterCounts() throws {
        let resnet18 = try ResNet(depth: 18, inputShape: [224, 224, 3], classes: 1000)
        #expect(resnet18.trainableWeights.reduce(0) { $0 + $1.value.count } == 11_689_512)
        let resnet50 = try ResNet(depth: 50, inputShape: [224, 224, 3], classes: 1000)
        #expect(resnet50.trainableWeights.reduce(0) { $0 + $1.value.count } == 25_557_032)
        #expect(resnet50.outputs[0].shape == [nil, 1000])
    }

    @Test func modelsByName() throws {
        // Small inputs and class counts keep these quick; the architectures are checked above.
        #expect(try namedModel("resnet20", inputShape: [32, 32, 3], classes: 10).name == "resnet20")
        #expect(try namedModel("plain20", inputShape: [16, 16, 1], classes: 3).name == "plain20")
        #expect(try namedModel("resnet32", inputShape: [8, 8, 3], classes: 2).outputs[0].shape == [nil, 2])
        #expect(throws: NNError.self) { try namedModel("vgg16", inputShape: [32, 32, 3], classes: 10) }
    }
}

/// The course's ResNet-50 (64×64×3, 6 classes), built once for every test that reads it: its 23.6 M
/// weights take a while to draw in a debug build. Built in a name scope of its own, so its layer
/// names are Keras' (`conv2d`, `conv2d_1`, …) whatever other tests build at the same time.
let courseResNet50 = Result { try LayerNames.withFreshScope { try ResNet50(inputShape: [64, 64, 3], classes: 6) } }
