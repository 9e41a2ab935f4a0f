import ResLabEngine
import ResLabNN
import ResLabScript

/// `x.shape`, `x.scalars`, `x.rank`, … as Swift for TensorFlow names them.
extension TensorKit {
    func registerProperties() {
        builder
            .property("shape", .array(.int),
                      doc: "The extent of each axis ([Int]); a symbolic tensor's batch axis is nil ([Int?]).") { tensor in
                switch tensor {
                case .eager(let tensor): return .array(tensor.shape.map(Value.int))
                case .symbolic(let symbolic): return .array(symbolic.shape.map { .optional($0.map(Value.int)) })
                }
            }
            .property("rank", .int, doc: "The number of axes.") { tensor in
                .int(tensor.symbolicShape.count)
            }
            .property("scalars", .array(.float), doc: "The elements in row-major order, as [Float].") { tensor in
                let numbers = try TensorArgument.eager(tensor, op: "scalars", parameter: "self")
                return .array(numbers.scalars.map(Value.float))
            }
            .property("scalarCount", .int, doc: "The number of elements.") { tensor in
                .int(try TensorArgument.eager(tensor, op: "scalarCount", parameter: "self").count)
            }
            .property("scalar", .optional(.float), doc: "The only element of a one-element tensor; nil otherwise.") { tensor in
                let numbers = try TensorArgument.eager(tensor, op: "scalar", parameter: "self")
                return .optional(numbers.count == 1 ? .float(numbers.scalars[0]) : nil)
            }
            .property("isSymbolic", .bool, doc: "Whether this is a symbolic tensor of a model being built (from Input(shape:)).") { tensor in
                if case .symbolic = tensor { return .bool(true) }
                return .bool(false)
            }
    }
}
