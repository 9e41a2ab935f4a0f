import ResLabEngine
import ResLabScript

/// Methods of `Tensor`: reductions, shape changes, comparisons with a tolerance, reading a single
/// value. Spelled as Swift for TensorFlow spells them (`sum(alongAxes:)` keeps the reduced axes
/// with extent 1, `sum(squeezingAxes:)` removes them).
extension TensorKit {
    func registerMethods() {
        registerReductions()
        registerShapeMethods()
        let kit = self
        builder
            .method("scalarized", [], returns: .float, doc: "The value of a one-element tensor, as a Float.") { tensor, _, _ in
                .float(try TensorArgument.eager(tensor, op: "scalarized()", parameter: "self").scalarized())
            }
            .method("isAlmostEqual", [.init("to", tensorType, name: "other"), .init("tolerance", .double, default: .double(1e-5))],
                    returns: .bool, doc: "Whether the shapes are equal and every |a − b| ≤ tolerance · max(1, |b|).") { tensor, args, _ in
                let a = try TensorArgument.eager(tensor, op: "isAlmostEqual(to:tolerance:)", parameter: "self")
                let b = try args.tensor(0, op: "isAlmostEqual(to:tolerance:)")
                let tolerance = Float(try args.double(1))
                guard a.shape == b.shape else { return .bool(false) }
                return .bool(zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) })
            }
            .method("withoutDerivative", [], returns: tensorType,
                    doc: "The same numbers, cut off from differentiation (gradients do not flow through it).") { tensor, _, _ in
                kit.wrap(try TensorArgument.eager(tensor, op: "withoutDerivative()", parameter: "self").withoutDerivative())
            }
    }

    private func registerReductions() {
        let kit = self
        let reductions: [(String, String, (Tensor) throws -> Tensor, (Tensor, [Int]) throws -> Tensor, (Tensor, [Int]) throws -> Tensor)] = [
            ("sum", "The sum", { $0.sum() }, { try $0.sum(alongAxes: $1) }, { try $0.sum(squeezingAxes: $1) }),
            ("mean", "The mean", { $0.mean() }, { try $0.mean(alongAxes: $1) }, { try $0.mean(squeezingAxes: $1) }),
            ("max", "The largest element", { $0.max() }, { try $0.max(alongAxes: $1) }, { try $0.max(squeezingAxes: $1) }),
            ("min", "The smallest element", { -((-$0).max()) }, { -(try (-$0).max(alongAxes: $1)) }, { -(try (-$0).max(squeezingAxes: $1)) }),
            ("variance", "The (population) variance", { $0.variance() }, { try $0.variance(alongAxes: $1) },
             { try $0.variance(squeezingAxes: $1) }),
        ]
        for (name, what, all, along, squeezing) in reductions {
            builder
                .method(name, [], returns: tensorType, doc: "\(what) of all elements, as a scalar tensor.") { tensor, _, _ in
                    kit.wrap(try all(try TensorArgument.eager(tensor, op: "\(name)()", parameter: "self")))
                }
                .method(name, [.init("alongAxes", .any, name: "axes", variadic: true)], returns: tensorType,
                        doc: "\(what) along the axes, which are kept with extent 1.") { tensor, args, _ in
                    kit.wrap(try along(try TensorArgument.eager(tensor, op: "\(name)(alongAxes:)", parameter: "self"), try args.axes(0)))
                }
                .method(name, [.init("squeezingAxes", .any, name: "axes", variadic: true)], returns: tensorType,
                        doc: "\(what) along the axes, which are removed.") { tensor, args, _ in
                    kit.wrap(try squeezing(try TensorArgument.eager(tensor, op: "\(name)(squeezingAxes:)", parameter: "self"), try args.axes(0)))
                }
        }
        builder
            .method("argmax", [], returns: tensorType, doc: "The row-major index of the largest element, as a scalar tensor.") { tensor, _, _ in
                kit.wrap(try TensorArgument.eager(tensor, op: "argmax()", parameter: "self").argmax())
            }
            .method("argmax", [.init("squeezingAxis", .int, name: "axis")], returns: tensorType,
                    doc: "The index of the largest element along the axis, which is removed (a class from probabilities: argmax(squeezingAxis: 1)).") { tensor, args, _ in
                kit.wrap(try TensorArgument.eager(tensor, op: "argmax(squeezingAxis:)", parameter: "self").argmax(squeezingAxis: try args.int(0)))
            }
    }

    private func registerShapeMethods() {
        let kit = self
        func eager(_ tensor: TensorValue, _ op: String) throws -> Tensor {
            try TensorArgument.eager(tensor, op: op, parameter: "self")
        }
        builder
            .method("reshaped", [.init("to", .array(.int), name: "shape")], returns: tensorType,
                    doc: "The same elements in the same order under another shape; one extent may be -1.") { tensor, args, _ in
                kit.wrap(try eager(tensor, "reshaped(to:)").reshaped(to: try args.ints(0)))
            }
            .method("flattened", [], returns: tensorType, doc: "The elements as a rank-1 tensor.") { tensor, _, _ in
                let numbers = try eager(tensor, "flattened()")
                return kit.wrap(try numbers.reshaped(to: [numbers.count]))
            }
            .method("transposed", [], returns: tensorType, doc: "The axes in reverse order (a matrix's transpose).") { tensor, _, _ in
                kit.wrap(try eager(tensor, "transposed()").transposed())
            }
            .method("transposed", [.init("permutation", .any, name: "axes", variadic: true)], returns: tensorType,
                    doc: "The axes in the order given: result axis i is axis permutation[i].") { tensor, args, _ in
                kit.wrap(try eager(tensor, "transposed(permutation:)").transposed(permutation: try args.axes(0)))
            }
            .method("expandingShape", [.init("at", .int, name: "axis")], returns: tensorType,
                    doc: "A new axis of extent 1 at `axis`.") { tensor, args, _ in
                kit.wrap(try eager(tensor, "expandingShape(at:)").expandingShape(at: try args.int(0)))
            }
            .method("squeezingShape", [.init("at", .int, name: "axis")], returns: tensorType,
                    doc: "The axis of extent 1 at `axis` removed.") { tensor, args, _ in
                kit.wrap(try eager(tensor, "squeezingShape(at:)").squeezingShape(at: try args.int(0)))
            }
            .method("concatenated", [.init("with", tensorType, name: "other"), .init("alongAxis", .int, name: "axis", default: .int(0))],
                    returns: tensorType, doc: "This tensor and `other` joined along the axis.") { tensor, args, _ in
                kit.wrap(try eager(tensor, "concatenated(with:alongAxis:)")
                    .concatenated(with: try args.tensor(0, op: "concatenated(with:alongAxis:)"), alongAxis: try args.int(1)))
            }
            .method("padded", [.init("forSizes", .any, name: "sizes"), .init("with", .double, name: "value", default: .double(0))],
                    returns: tensorType,
                    doc: "Padded with `value`: sizes[i] = (before: b, after: a) elements added before and after axis i.") { tensor, args, _ in
                let sizes = try args.array(0).map { try Self.paddingPair($0) }
                return kit.wrap(try eager(tensor, "padded(forSizes:with:)").padded(forSizes: sizes, with: try args.float(1)))
            }
    }

    /// `(before: 1, after: 2)`, `(1, 2)` or `[1, 2]`.
    static func paddingPair(_ value: Value) throws -> (before: Int, after: Int) {
        let elements: [Value]
        switch value {
        case .tuple(let tuple): elements = tuple.elements
        case .array(let array): elements = array
        default: elements = []
        }
        guard elements.count == 2 else {
            throw NativeError("padded(forSizes:with:) takes one (before: Int, after: Int) pair per axis, got \(value.type)",
                              hint: "e.g. x.padded(forSizes: [(0, 0), (1, 1)]) adds a column of zeros on each side of a matrix")
        }
        return (try elements[0].asInt("before"), try elements[1].asInt("after"))
    }
}
