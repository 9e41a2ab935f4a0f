import Testing
import ResLabEngine
import ResLabTestSupport

@Suite struct ConvolutionTests {
    @Test func handComputedSameConvolutionWithAnEvenKernel() throws {
        // A 3×3 image 1…9 and a 2×2 kernel of ones, SAME, stride 1: TensorFlow pads one row below
        // and one column to the right, so each output is the sum of its 2×2 block down and right.
        let image = try Tensor(shape: [1, 3, 3, 1], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let ones = try Tensor(ones: [2, 2, 1, 1])
        let y = try conv2D(image, filter: ones, padding: .same)
        #expect(y.shape == [1, 3, 3, 1])
        #expect(y.scalars == [12, 16, 9, 24, 28, 15, 15, 17, 9])
        let valid = try conv2D(image, filter: ones, strides: (2, 2), padding: .valid)
        #expect(valid.scalars == [12])
    }

    @Test func goldenConvolutionsAndTheirGradients() throws {
        for name in ["conv_3x3_valid_s1", "conv_3x3_same_s1", "conv_3x3_same_s2", "conv_2x2_same_s1_even",
                     "conv_4x4_same_s3_even", "conv_7x7_valid_s2", "conv_1x1_s1", "conv_1x1_same_s2", "conv_3x2_same_s2x1"] {
            let golden = try Golden.case(name)
            let (x, filter) = (try golden.tensor("x").requiringGradient(), try golden.tensor("filter").requiringGradient())
            let y = try conv2D(x, filter: filter, strides: try golden.pair("strides"), padding: try golden.padding())
            let expected = try golden.tensor("out")
            #expect(y.shape == expected.shape, "\(name)")
            #expect(isApproximatelyEqual(y.scalars, expected.scalars), "\(name)")
            // Gradients of Σ y·dy, against NumPy's loops.
            let gradients = try gradient(of: try y * golden.tensor("dy"), wrt: [x, filter])
            #expect(isApproximatelyEqual(gradients[0].scalars, try golden.tensor("dx").scalars), "\(name) dX")
            #expect(isApproximatelyEqual(gradients[1].scalars, try golden.tensor("dfilter").scalars), "\(name) dW")
        }
    }

    @Test func largeConvolutionSplitAcrossWorkersMatchesTheDefinition() throws {
        // Big enough to take the blocked, multi-worker path; checked at a few output positions
        // against the defining sum.
        let x = try Tensor(randomUniform: [2, 20, 20, 16], lowerBound: -1, upperBound: 1, seed: 11)
        let w = try Tensor(randomUniform: [3, 3, 16, 8], lowerBound: -1, upperBound: 1, seed: 12)
        let y = try conv2D(x, filter: w, strides: (1, 1), padding: .same)
        for (n, oh, ow, o) in [(0, 0, 0, 0), (1, 19, 19, 7), (1, 10, 3, 4), (0, 5, 19, 2)] {
            var sum: Double = 0
            for kh in 0..<3 { for kw in 0..<3 { for c in 0..<16 {
                let ih = oh + kh - 1, iw = ow + kw - 1
                guard (0..<20).contains(ih), (0..<20).contains(iw) else { continue }
                sum += Double(x.scalars[((n * 20 + ih) * 20 + iw) * 16 + c]) * Double(w.scalars[((kh * 3 + kw) * 16 + c) * 8 + o])
            } } }
            #expect(abs(Double(y.scalars[((n * 20 + oh) * 20 + ow) * 8 + o]) - sum) < 1e-4)
        }
    }

    @Test func badConvolutionSettingsAreExplained() throws {
        let x = try Tensor(zeros: [1, 4, 4, 3])
        #expect(throws: TensorError.invalidArgument(op: "conv2D", message: "input shape [1, 4, 4, 3] has 3 channels but filter shape [3, 3, 2, 8] expects 2 (HWIO)")) {
            try conv2D(x, filter: Tensor(zeros: [3, 3, 2, 8]))
        }
        #expect(throws: TensorError.invalidArgument(op: "conv2D", message: "window 5×5 is larger than the input's height 4 (input shape [1, 4, 4, 3]) with padding .valid; use .same or a smaller window")) {
            try conv2D(x, filter: Tensor(zeros: [5, 5, 3, 1]))
        }
        #expect(throws: TensorError.invalidArgument(op: "conv2D", message: "strides (0, 1) must be at least 1")) {
            try conv2D(x, filter: Tensor(zeros: [1, 1, 3, 1]), strides: (0, 1))
        }
        #expect(throws: TensorError.invalidArgument(op: "conv2D", message: "expects NHWC input of rank 4, got shape [4, 4, 3]")) {
            try conv2D(Tensor(zeros: [4, 4, 3]), filter: Tensor(zeros: [1, 1, 3, 1]))
        }
        #expect(throws: TensorError.invalidArgument(op: "maxPool2D", message: "window 0×2 must be at least 1×1")) {
            try maxPool2D(x, filterSize: (0, 2), strides: (1, 1))
        }
    }

    @Test func matmulByHandAndItsErrors() throws {
        let a = try Tensor([[1.0, 2.0], [3.0, 4.0]]), b = try Tensor([[5.0, 6.0], [7.0, 8.0]])
        #expect(try matmul(a, b).scalars == [19, 22, 43, 50])
        #expect(try matmul(a, transposed: true, b).scalars == [26, 30, 38, 44])
        #expect(try matmul(a, transposed: false, b, transposed: true).scalars == [17, 23, 39, 53])
        let error = #expect(throws: TensorError.self) { try matmul(a, Tensor(zeros: [3, 2])) }
        #expect(error?.description == "matmul: cannot multiply shapes [2, 2] and [3, 2]: inner extents 2 and 3 differ")
        #expect(throws: TensorError.self) { try matmul(Tensor([Float(1), 2]), a) }
        #expect(throws: TensorError.self) { try matmul(Tensor(zeros: [2, 2, 2]), Tensor(zeros: [3, 2, 2])) }
    }

    @Test func goldenMatmul() throws {
        let cases: [(String, (Tensor, Tensor) throws -> Tensor)] = [
            ("matmul", { try matmul($0, $1) }),
            ("matmul_both_transposed", { try matmul($0, transposed: true, $1, transposed: true) }),
            ("matmul_batched_matrix", { try matmul($0, $1) }),
            ("matmul_batched_rhs_transposed", { try matmul($0, transposed: false, $1, transposed: true) }),
        ]
        for (name, op) in cases {
            let golden = try Golden.case(name)
            let result = try op(golden.tensor("a"), golden.tensor("b"))
            #expect(result.shape == (try golden.tensor("out")).shape, "\(name)")
            #expect(isApproximatelyEqual(result.scalars, try golden.tensor("out").scalars), "\(name)")
        }
    }

    @Test func poolingByHand() throws {
        // 1…16 in a 4×4 image; 2×2 windows, stride 2.
        let image = try Tensor(shape: [1, 4, 4, 1], scalars: (1...16).map { Float($0) })
        #expect(try maxPool2D(image, filterSize: (2, 2), strides: (2, 2)).scalars == [6, 8, 14, 16])
        #expect(try avgPool2D(image, filterSize: (2, 2), strides: (2, 2)).scalars == [3.5, 5.5, 11.5, 13.5])
        // SAME 3×3 stride 3 on 4×4: windows rows 0–2 and 3 (padding 2 at the bottom, split 1/1);
        // the average divides by the real elements only.
        let same = try avgPool2D(image, filterSize: (3, 3), strides: (3, 3), padding: .same)
        #expect(same.shape == [1, 2, 2, 1])
        // pad total = (2-1)·3 + 3 - 4 = 2 → top 1: windows cover rows {0,1} and {2,3}, same for columns.
        #expect(same.scalars == [3.5, 5.5, 11.5, 13.5])
    }

    @Test func goldenPooling() throws {
        for name in ["maxpool_3x3_s2_valid", "maxpool_3x3_s2_same", "avgpool_2x2_s2_same_odd", "avgpool_3x3_s1_same", "avgpool_2x2_s2_valid"] {
            let golden = try Golden.case(name)
            let x = try golden.tensor("x")
            let (window, strides, padding) = (try golden.pair("window"), try golden.pair("strides"), try golden.padding())
            let y = name.hasPrefix("max")
                ? try maxPool2D(x, filterSize: window, strides: strides, padding: padding)
                : try avgPool2D(x, filterSize: window, strides: strides, padding: padding)
            let expected = try golden.tensor("out")
            #expect(y.shape == expected.shape, "\(name)")
            #expect(isApproximatelyEqual(y.scalars, expected.scalars), "\(name)")
        }
    }

    @Test func goldenBatchNormalisation() throws {
        let inference = try Golden.case("batchnorm_inference")
        let y = try batchNormInference(inference.tensor("x"), mean: inference.tensor("mean"), variance: inference.tensor("variance"),
                                       offset: inference.tensor("offset"), scale: inference.tensor("scale"), epsilon: 1e-3)
        #expect(isApproximatelyEqual(y.scalars, try inference.tensor("out").scalars))

        let training = try Golden.case("batchnorm_training")
        let (x, offset, scale) = (try training.tensor("x").requiringGradient(), try training.tensor("offset").requiringGradient(),
                                  try training.tensor("scale").requiringGradient())
        let result = try batchNormTraining(x, offset: offset, scale: scale, axis: 3, epsilon: 1e-3)
        #expect(isApproximatelyEqual(result.output.scalars, try training.tensor("out").scalars))
        #expect(isApproximatelyEqual(result.mean.scalars, try training.tensor("mean").scalars))
        #expect(isApproximatelyEqual(result.unbiasedVariance.scalars, try training.tensor("unbiased_variance").scalars))
        let gradients = try gradient(of: try result.output * training.tensor("dy"), wrt: [x, offset, scale])
        #expect(isApproximatelyEqual(gradients[0].scalars, try training.tensor("dx").scalars, absolute: 1e-4))
        #expect(isApproximatelyEqual(gradients[1].scalars, try training.tensor("doffset").scalars, absolute: 1e-4))
        #expect(isApproximatelyEqual(gradients[2].scalars, try training.tensor("dscale").scalars, absolute: 1e-4))
    }

    @Test func batchNormParametersMustMatchTheChannels() throws {
        let x = try Tensor(zeros: [2, 3, 3, 4])
        #expect(throws: TensorError.invalidArgument(op: "batchNormTraining", message: "scale has shape [3] but input shape [2, 3, 3, 4] has 4 channels on axis 3; expected [4]")) {
            try batchNormTraining(x, offset: Tensor(zeros: [4]), scale: Tensor(zeros: [3]))
        }
    }
}
