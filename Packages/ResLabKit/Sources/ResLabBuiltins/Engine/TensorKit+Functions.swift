import ResLabEngine
import ResLabNN
import ResLabPlugin
import ResLabScript

/// Global tensor functions, Swift for TensorFlow's names: `matmul`, activations, elementwise
/// math, `concatenate`, convolution and pooling.
extension TensorKit {
    func registerFunctions(with registrar: PluginRegistrar) throws {
        let kit = self
        let x = NativeParameter("_", tensorType, name: "x")

        try registrar.function("matmul", [.init("_", tensorType, name: "lhs"), .init("transposed", .bool, name: "transposeLhs", default: .bool(false)),
                                          .init("_", tensorType, name: "rhs"), .init("transposed", .bool, name: "transposeRhs", default: .bool(false))],
                               returns: tensorType,
                               doc: "The matrix product lhs · rhs (each optionally transposed); leading axes are batch axes.") { args, _ in
            kit.wrap(try matmul(try args.tensor(0, op: "matmul"), transposed: try args.bool(1),
                                try args.tensor(2, op: "matmul"), transposed: try args.bool(3)))
        }

        // Activations also accept a symbolic tensor: on one they add an Activation layer to the
        // model being built, as Keras' ops do on a KerasTensor.
        let activations: [(String, ActivationFunction, String)] = [
            ("relu", .relu, "max(0, x), elementwise."),
            ("sigmoid", .sigmoid, "1 / (1 + e^−x), elementwise."),
            ("tanh", .tanh, "The hyperbolic tangent, elementwise."),
        ]
        for (name, function, doc) in activations {
            try registrar.function(name, [x], returns: tensorType, doc: doc) { args, _ in
                switch try args.tensorValue(0) {
                case .eager(let tensor): return kit.wrap(try function(tensor))
                case .symbolic(let symbolic): return kit.wrap(.symbolic(try Activation(function)(symbolic)))
                }
            }
        }
        try registrar.function("softmax", [x, .init("alongAxis", .int, name: "axis", default: .int(-1))], returns: tensorType,
                               doc: "e^x / Σ e^x along the axis (the last by default).") { args, _ in
            let axis = try args.int(1)
            switch try args.tensorValue(0) {
            case .eager(let tensor): return kit.wrap(try softmax(tensor, alongAxis: axis))
            case .symbolic(let symbolic):
                guard axis == -1 || axis == symbolic.rank - 1 else {
                    throw NativeError("softmax on a symbolic tensor works along the last axis only, got alongAxis: \(axis)")
                }
                return kit.wrap(.symbolic(try Activation(.softmax)(symbolic)))
            }
        }
        try registrar.function("logSoftmax", [x, .init("alongAxis", .int, name: "axis", default: .int(-1))], returns: tensorType,
                               doc: "x − log Σ e^x along the axis (the last by default), computed stably.") { args, _ in
            kit.wrap(try logSoftmax(try args.tensor(0, op: "logSoftmax"), alongAxis: try args.int(1)))
        }

        let math: [(String, (Tensor) -> Tensor, String)] = [
            ("exp", { exp($0) }, "e^x, elementwise."),
            ("log", { log($0) }, "The natural logarithm, elementwise."),
            ("sqrt", { sqrt($0) }, "The square root, elementwise."),
            ("square", { square($0) }, "x², elementwise."),
            ("abs", { abs($0) }, "|x|, elementwise."),
        ]
        for (name, function, doc) in math {
            try registrar.function(name, [x], returns: tensorType, doc: doc) { args, _ in
                kit.wrap(function(try args.tensor(0, op: name)))
            }
        }
        try registrar.function("pow", [x, .init("_", tensorType, name: "y")], returns: tensorType,
                               doc: "x^y, elementwise with broadcasting.") { args, _ in
            kit.wrap(try pow(try args.tensor(0, op: "pow"), try args.tensor(1, op: "pow")))
        }
        try registrar.function("pow", [x, .init("_", .double, name: "y")], returns: tensorType, doc: "x^y, elementwise.") { args, _ in
            kit.wrap(pow(try args.tensor(0, op: "pow"), try args.float(1)))
        }
        try registrar.function("withoutDerivative", [.init("at", tensorType, name: "x")], returns: tensorType,
                               doc: "x cut off from differentiation.") { args, _ in
            kit.wrap(try args.tensor(0, op: "withoutDerivative(at:)").withoutDerivative())
        }
        try registrar.function("concatenate", [.init("_", .array(tensorType), name: "tensors"), .init("axis", .int, default: .int(0))],
                               returns: tensorType, doc: "The tensors joined along the axis; the other extents must agree.") { args, _ in
            let tensors = try args.array(0).enumerated().map { index, value -> Tensor in
                guard let tensor = try kit.eager(value, op: "concatenate", parameter: "tensors[\(index)]") else {
                    throw NativeError.argument("tensors[\(index)]", expected: "Tensor", got: value)
                }
                return tensor
            }
            return kit.wrap(try concatenate(tensors, axis: try args.int(1)))
        }
        try registerWindowFunctions(with: registrar)
    }

    private func registerWindowFunctions(with registrar: PluginRegistrar) throws {
        let kit = self
        func paddingValue(_ args: NativeArguments, _ index: Int) throws -> Padding {
            guard let value = try args.optional(index) else { return .valid }
            return try value.asNative(Padding.self, "padding")
        }
        try registrar.function("conv2D", [.init("_", tensorType, name: "input"), .init("filter", tensorType),
                                          .init("strides", .any, default: .int(1)),
                                          .init("padding", .optional(.named("Padding")), default: .optional(nil))],
                               returns: tensorType,
                               doc: "2-D convolution of NHWC input with an HWIO filter; strides: Int, (h, w) or (1, h, w, 1); padding .valid or .same.") { args, _ in
            kit.wrap(try conv2D(try args.tensor(0, op: "conv2D"), filter: try args.tensor(1, op: "conv2D"),
                                strides: try TensorArgument.pair(args[2], parameter: "strides"), padding: try paddingValue(args, 3)))
        }
        let pools: [(String, (Tensor, (Int, Int), (Int, Int), Padding) throws -> Tensor, String)] = [
            ("maxPool2D", { try maxPool2D($0, filterSize: $1, strides: $2, padding: $3) }, "The largest value"),
            ("avgPool2D", { try avgPool2D($0, filterSize: $1, strides: $2, padding: $3) }, "The mean"),
        ]
        for (name, pool, what) in pools {
            try registrar.function(name, [.init("_", tensorType, name: "input"), .init("filterSize", .any),
                                          .init("strides", .any), .init("padding", .optional(.named("Padding")), default: .optional(nil))],
                                   returns: tensorType,
                                   doc: "\(what) in each window of NHWC input; sizes as Int, (h, w) or (1, h, w, 1).") { args, _ in
                kit.wrap(try pool(try args.tensor(0, op: name), try TensorArgument.pair(args[1], parameter: "filterSize"),
                                  try TensorArgument.pair(args[2], parameter: "strides"), try paddingValue(args, 3)))
            }
        }
    }
}
