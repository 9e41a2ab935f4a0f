import ResLabEngine
import ResLabScript

/// `x[0]`, `x[0, 1]`, `x[0..<2, 1]` and assignment to them, as in Swift for TensorFlow (a
/// subscript of a tensor is a tensor; `x[0, 1].scalar` is the number).
extension TensorKit {
    func registerSubscripts() {
        let kit = self
        builder.subscriptAccess(
            [.init("_", .any, name: "indices", variadic: true)], returns: tensorType,
            doc: "The elements at these indices (Int: that position, removing the axis; range: a slice, keeping it); negative indices count from the end.",
            get: { tensor, args, _ in
                let numbers = try TensorArgument.eager(tensor, op: "subscript", parameter: "self")
                return kit.wrap(try TensorIndexing(try args.array(0), shape: numbers.shape).select(from: numbers))
            },
            set: { tensor, args, newValue, _ in
                let numbers = try TensorArgument.eager(tensor, op: "subscript assignment", parameter: "self")
                let indexing = try TensorIndexing(try args.array(0), shape: numbers.shape)
                let replacement = try TensorBinding.tensor(converting: newValue, parameter: "newValue")
                tensor = .eager(try indexing.replace(in: numbers, with: replacement))
            })
    }
}
