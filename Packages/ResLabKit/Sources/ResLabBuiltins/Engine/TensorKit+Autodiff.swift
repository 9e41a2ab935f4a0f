import ResLabEngine
import ResLabPlugin
import ResLabScript

/// Differentiation of lesson closures, Swift for TensorFlow's spelling:
///
///     let g = gradient(at: x) { x in (x * x).sum() }
///     let (value, g) = valueWithGradient(at: w, b) { w, b in loss(w, b) }
///     let report = checkGradients(at: x) { x in relu(x).sum() }
///
/// The closure runs on tracked copies of the points; every tensor op it performs records on the
/// engine's tape, and the gradient is read back from its result (the sum of its elements when
/// it is not a scalar).
extension TensorKit {
    func registerAutodiff(with registrar: PluginRegistrar) throws {
        let kit = self
        let points = NativeParameter("at", tensorType, name: "points", variadic: true)
        let closure = NativeParameter("in", .function(parameters: [tensorType], result: tensorType), name: "function")

        try registrar.function("gradient", [points, closure], returns: .any,
                               doc: "The gradient of the closure's result at the points: one Tensor, or a tuple for several points.") { args, context in
            let result = try kit.differentiate(args, context)
            return result.gradients.count == 1 ? result.gradients[0] : .tuple(ScriptTuple(result.gradients))
        }
        try registrar.function("valueWithGradient", [points, closure], returns: .tuple([tensorType, .any], labels: ["value", "gradient"]),
                               doc: "(value:, gradient:) of the closure at the points; the gradient is a tuple for several points.") { args, context in
            let result = try kit.differentiate(args, context)
            let gradient = result.gradients.count == 1 ? result.gradients[0] : .tuple(ScriptTuple(result.gradients))
            return .tuple(ScriptTuple([result.value, gradient], labels: ["value", "gradient"]))
        }

        let reports = try registrar.defineType(GradientCheckReport.self, name: "GradientCheckReport",
                                               doc: "The outcome of checkGradients: the largest relative error and whether it is within tolerance.")
        reports
            .property("passed", .bool, doc: "Whether the largest relative error is within the tolerance.") { .bool($0.passed) }
            .property("maxRelativeError", .double, doc: "max |analytic − numerical| / max(|analytic|, |numerical|, floor).") {
                .double($0.maxRelativeError)
            }
            .property("checkedCount", .int, doc: "How many partial derivatives were compared.") { .int($0.checkedCount) }
            .display { $0.description }
        let settings: [NativeParameter] = [.init("epsilon", .double, default: .double(1e-2)), .init("tolerance", .double, default: .double(1e-2))]
        try registrar.function("checkGradients", [points] + settings + [closure], returns: .named("GradientCheckReport"),
                               doc: "Compares the tape's gradient of the closure at the points with central differences (x ± epsilon).") { args, context in
            let inputs = try kit.points(args)
            let report = try checkGradients(of: { leaves in try kit.callLoss(args[3], leaves, context) }, at: inputs,
                                            epsilon: try args.float(1), tolerance: try args.double(2))
            return reports.wrap(report)
        }
    }

    private func points(_ args: NativeArguments) throws -> [Tensor] {
        try args.array(0).enumerated().map { index, value in
            guard let tensor = try eager(value, op: "differentiation", parameter: "at[\(index)]") else {
                throw NativeError.argument("at", expected: "Tensor", got: value)
            }
            return tensor
        }
    }

    private func differentiate(_ args: NativeArguments, _ context: NativeContext) throws -> (value: Value, gradients: [Value]) {
        let result = try valueWithGradient(at: try points(args)) { leaves in try callLoss(args[1], leaves, context) }
        return (wrap(result.value), result.gradients.map(wrap))
    }

    /// Calls the lesson closure on the tracked points; its result must be a tensor of numbers.
    private func callLoss(_ function: Value, _ leaves: [Tensor], _ context: NativeContext) throws -> Tensor {
        let result = try context.call(function, leaves.map(wrap))
        guard let tensor = try eager(result, op: "differentiation", parameter: "the closure's result") else {
            throw NativeError("the closure to differentiate must return a Tensor, but it returned \(result.type)",
                              hint: "return the loss as a tensor, e.g. (x * x).sum() rather than (x * x).sum().scalarized()")
        }
        return tensor
    }
}
