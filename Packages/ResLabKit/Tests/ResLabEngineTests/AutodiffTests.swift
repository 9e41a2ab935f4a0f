import Testing
import ResLabEngine
import ResLabTestSupport

@Suite struct AutodiffTests {
    @Test func gradientsAccumulateOverEveryUse() throws {
        // f(x) = Σ (x·x + 3x) → df/dx = 2x + 3
        let x = Tensor([Float(1), -2]).requiringGradient()
        let f = try (x * x + 3 * x).sum()
        #expect(try gradient(of: f, wrt: [x])[0].scalars == [5, -1])
    }

    @Test func broadcastGradientsAreSummedBackToTheirShape() throws {
        // y = a + b with a [2, 3], b [3]: db = column sums of the seed (ones) = [2, 2, 2].
        let a = try Tensor(ones: [2, 3]).requiringGradient(), b = try Tensor(zeros: [3]).requiringGradient()
        let grads = try gradient(of: try a + b, wrt: [a, b])
        #expect(grads[0].shape == [2, 3])
        #expect(grads[1].shape == [3])
        #expect(grads[1].scalars == [2, 2, 2])
    }

    @Test func untrackedValuesCostNothingAndUnusedVariablesGetZeros() throws {
        let constant = Tensor([Float(1), 2])
        #expect(!(constant * 2).isTracked)
        let x = Tensor([Float(3)]).requiringGradient(), unused = Tensor([Float(4), 5]).requiringGradient()
        let grads = try gradient(of: x * 2, wrt: [x, unused])
        #expect(grads[0].scalars == [2])
        #expect(grads[1].scalars == [0, 0])
        #expect(!withoutDerivative(at: x).isTracked)
    }

    @Test func untrackedVariableIsAnError() {
        let error = #expect(throws: TensorError.self) { try gradient(of: Tensor([Float(1)]), wrt: [Tensor([Float(1), 2])]) }
        #expect(error?.description.contains("variable 0 of shape [2] is not tracked") == true)
    }

    @Test func aPullbackReturningTheWrongShapeIsCaught() throws {
        let x = Tensor([Float(1), 2]).requiringGradient()
        let broken = Tensor.recording(x.withoutDerivative(), op: "broken", inputs: [x]) { _ in [Tensor([Float(1)])] }
        let error = #expect(throws: TensorError.self) { try gradient(of: broken, wrt: [x]) }
        #expect(error?.description == "gradient(of:wrt:): the pullback of broken returned a gradient of shape [1] for an input of shape [2]")
    }

    @Test func valueWithGradientOfADenseLayer() throws {
        // loss = Σ (x·W + b) with x [1, 2] = [1, 2]: dW = xᵀ·1 = [[1, 1], [2, 2]], db = [1, 1].
        let x = try Tensor([[1.0, 2.0]])
        let (value, grads) = try valueWithGradient(at: [try Tensor(ones: [2, 2]), try Tensor(zeros: [2])]) { p in
            try (try matmul(x, p[0]) + p[1]).sum()
        }
        #expect(value.scalars == [6])
        #expect(!value.isTracked)
        #expect(grads[0].scalars == [1, 1, 2, 2])
        #expect(grads[1].scalars == [1, 1])
        #expect(try gradient(at: Tensor([Float(3)])) { square($0).sum() }.scalars == [6])
    }

    @Test func intermediateValuesCanBeDifferentiatedToo() throws {
        let x = Tensor([Float(2)]).requiringGradient()
        let hidden = x * 3
        let loss = square(hidden).sum()
        let grads = try gradient(of: loss, wrt: [hidden, x])
        #expect(grads[0].scalars == [12])
        #expect(grads[1].scalars == [36])
    }

    @Test func aDeepChainDoesNotOverflowTheStack() throws {
        let x = Tensor([Float(1)]).requiringGradient()
        var y = x
        for _ in 0..<20_000 { y = y + 0 }
        #expect(try gradient(of: y, wrt: [x])[0].scalars == [1])
    }

    @Test func theCheckerCatchesAWrongGradient() throws {
        // d(2x)/dx claimed to be 3: the check must fail and point at it.
        let report = try checkGradients(of: { inputs in
            Tensor.recording(inputs[0].withoutDerivative() * 2, op: "wrong", inputs: [inputs[0]]) { g in [g * 3] }
        }, at: [Tensor([Float(0.5), 1.5])])
        #expect(!report.passed)
        #expect(abs(report.maxRelativeError - 1.0 / 3) < 1e-3)
    }
}
