/// A finite-difference check of the tape's gradients, for tests and for lessons.

/// The outcome of `checkGradients`: the largest relative error between the tape's gradient and
/// the numerical one, where it occurred, and whether it is within the tolerance.
public struct GradientCheckReport: CustomStringConvertible, Sendable {
    /// max over every input element of |analytic - numerical| / max(|analytic|, |numerical|, floor).
    public let maxRelativeError: Double
    /// The input and the position within it (row-major index) of the largest error.
    public let inputIndex: Int
    public let elementIndex: Int
    /// The two derivatives at that position.
    public let analytic: Double
    public let numerical: Double
    public let tolerance: Double
    /// How many partial derivatives were compared.
    public let checkedCount: Int

    public var passed: Bool { maxRelativeError <= tolerance }

    public var description: String {
        let verdict = passed ? "passed" : "FAILED"
        return "gradient check \(verdict): largest relative error \(maxRelativeError) (tolerance \(tolerance)) "
            + "at input \(inputIndex), element \(elementIndex): analytic \(analytic), numerical \(numerical); "
            + "\(checkedCount) partial derivatives compared"
    }
}

/// Compares the gradients the tape computes for `function` at `inputs` with central differences.
///
/// The function's output is reduced to a scalar as Σ w·f(x) with fixed pseudo-random weights w in
/// [0.5, 1.5), so that every output element matters and outputs whose sum is constant (softmax)
/// are still checked. That scalar is summed in Double, and each partial derivative is
/// (L(x + ε) - L(x - ε)) / (x₊ - x₋), dividing by the step actually taken after rounding to
/// Float. Float32 evaluation still limits the accuracy, so ε should be around 1e-2…1e-3 and the
/// relative error has a `floor` below which differences count as absolute. Inputs should avoid
/// kinks (relu at 0, ties in max) closer than ε.
public func checkGradients(of function: ([Tensor]) throws -> Tensor, at inputs: [Tensor],
                           epsilon: Float = 1e-2, tolerance: Double = 1e-2, floor: Double = 1e-2) throws -> GradientCheckReport {
    let points = inputs.map { $0.withoutDerivative() }
    let probe = try function(points)
    var generator = SeededRandom(seed: 0x6772_6164)
    let weights = (0..<probe.count).map { _ in Double(generator.nextUniform(0.5, 1.5)) }
    let weightTensor = Tensor(uncheckedShape: probe.shape, scalars: weights.map { Float($0) })

    func objective(_ values: [Tensor]) throws -> Double {
        let output = try function(values)
        guard output.shape == probe.shape else {
            throw TensorError.invalidArgument(
                op: "checkGradients", message: "the function returned shape \(output.shape) after returning \(probe.shape)")
        }
        return zip(output.scalars, weights).reduce(0.0) { $0 + Double($1.0) * $1.1 }
    }

    let analytic = try gradient(at: points) { leaves in try (try function(leaves)) * weightTensor }
    var worst = (error: -1.0, input: 0, element: 0, analytic: 0.0, numerical: 0.0)
    var checked = 0
    for (inputIndex, point) in points.enumerated() {
        for element in 0..<point.count {
            var perturbed = points
            let original = point.scalars[element]
            let (up, down) = (original + epsilon, original - epsilon)
            perturbed[inputIndex].scalars[element] = up
            let plus = try objective(perturbed)
            perturbed[inputIndex].scalars[element] = down
            let minus = try objective(perturbed)
            let numerical = (plus - minus) / (Double(up) - Double(down))
            let exact = Double(analytic[inputIndex].scalars[element])
            let error = Swift.abs(exact - numerical) / Swift.max(Swift.abs(exact), Swift.abs(numerical), floor)
            checked += 1
            if error > worst.error || error.isNaN {
                worst = (error.isNaN ? .infinity : error, inputIndex, element, exact, numerical)
            }
        }
    }
    return GradientCheckReport(maxRelativeError: Swift.max(worst.error, 0), inputIndex: worst.input, elementIndex: worst.element,
                               analytic: worst.analytic, numerical: worst.numerical, tolerance: tolerance, checkedCount: checked)
}
