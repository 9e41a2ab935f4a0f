import Testing
@testable import ResLabNN

@Suite struct SummaryTests {
    /// Every row of the course's ResNet-50 summary against Keras 2's (Golden/resnet50_summary.json):
    /// the layer order, names, types, output shapes, parameter counts and connections.
    @Test func resNet50RowsMatchKerasRowByRow() throws {
        let golden: SummaryGolden = try GoldenFiles.load("resnet50_summary.json")
        let model = try courseResNet50.get()
        let rows = try model.summaryRows()
        #expect(rows.count == golden.rows.count)
        for (row, expected) in zip(rows, golden.rows) {
            #expect(row.layer == "\(expected.name) (\(expected.type))")
            #expect(row.outputShape == expected.outputShape, "\(expected.name)")
            #expect(row.params == "\(expected.params)", "\(expected.name)")
            #expect(row.connections == expected.connections, "\(expected.name)")
        }
        #expect(model.trainableWeights.reduce(0) { $0 + $1.value.count } == golden.trainable)
        #expect(model.nonTrainableWeights.reduce(0) { $0 + $1.value.count } == golden.nonTrainable)
    }

    /// The text layout of TensorFlow 2.4's `print_summary` (the course's Keras): columns end at
    /// int(98 · [0.33, 0.55, 0.67, 1]) = 32, 53, 65 and 98 characters and each field but the last
    /// keeps at least one space before the next (so at most 31, 20 and 11 characters show), one line per extra connection, "_"
    /// between rows, "=" after the last. Written out by hand from those rules.
    @Test func aBranchingModelPrintsKerasFourColumnTable() throws {
        let model = try LayerNames.withFreshScope { () throws -> Model in
            let input = try Input(shape: [8, 8, 4])
            var x = try Conv2D(filters: 2, kernelSize: 1, strides: 2)(input)
            x = try BatchNormalization(axis: 3)(x)
            let shortcut = try Conv2D(filters: 2, kernelSize: 1, strides: 2)(input)
            x = try Add()([x, shortcut])
            x = try Dense(units: 3, activation: .softmax)(try Flatten()(x))
            return try Model(inputs: input, outputs: x)
        }
        func row(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
            pad(a, 32) + pad(b, 21) + pad(c, 12) + pad(d, 33)
        }
        let rule = String(repeating: "_", count: 98)
        let expected = [
            "Model: \"model\"", rule,
            row("Layer (type)", "Output Shape", "Param #", "Connected to"), String(repeating: "=", count: 98),
            row("input_1 (InputLayer)", "[(None, 8, 8, 4)]", "0", ""), rule,
            row("conv2d (Conv2D)", "(None, 4, 4, 2)", "10", "input_1[0][0]"), rule,
            row("batch_normalization (BatchNorma", "(None, 4, 4, 2)", "8", "conv2d[0][0]"), rule,
            row("conv2d_1 (Conv2D)", "(None, 4, 4, 2)", "10", "input_1[0][0]"), rule,
            row("add (Add)", "(None, 4, 4, 2)", "0", "batch_normalization[0][0]"),
            row("", "", "", "conv2d_1[0][0]"), rule,
            row("flatten (Flatten)", "(None, 32)", "0", "add[0][0]"), rule,
            row("dense (Dense)", "(None, 3)", "99", "flatten[0][0]"), String(repeating: "=", count: 98),
            "Total params: 127", "Trainable params: 123", "Non-trainable params: 4", rule,
        ].joined(separator: "\n") + "\n"
        let printed = try model.summary()
        #expect(printed == expected)
    }

    /// A Sequential prints Keras' three-column table, 65 wide, without its input layer.
    @Test func aSequentialPrintsThreeColumns() throws {
        let model = try LayerNames.withFreshScope {
            try Sequential([Flatten(), Dense(units: 2)], inputShape: [4, 4])
        }
        func row(_ a: String, _ b: String, _ c: String) -> String {
            pad(a, 29) + pad(b, 26) + pad(c, 10)
        }
        let rule = String(repeating: "_", count: 65)
        let expected = [
            "Model: \"sequential\"", rule, row("Layer (type)", "Output Shape", "Param #"), String(repeating: "=", count: 65),
            row("flatten (Flatten)", "(None, 16)", "0"), rule,
            row("dense (Dense)", "(None, 2)", "34"), String(repeating: "=", count: 65),
            "Total params: 34", "Trainable params: 34", "Non-trainable params: 0", rule,
        ].joined(separator: "\n") + "\n"
        #expect(try model.summary() == expected)
    }

    @Test func thousandsAreGroupedWithCommas() {
        #expect(groupedThousands(23_600_006) == "23,600,006")
        #expect(groupedThousands(53_120) == "53,120")
        #expect(groupedThousands(999) == "999")
        #expect(groupedThousands(1_000) == "1,000")
        #expect(groupedThousands(0) == "0")
    }

    /// `text` padded with spaces to `width` (the test's texts are short enough to fit).
    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: width - text.count)
    }
}
