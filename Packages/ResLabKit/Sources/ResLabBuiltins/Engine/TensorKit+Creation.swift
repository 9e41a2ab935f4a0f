import ResLabEngine
import ResLabNN
import ResLabScript

/// `Tensor(…)`: Swift for TensorFlow's initialisers.
extension TensorKit {
    func registerCreation() {
        let shape = NativeParameter("shape", .array(.int))
        let seed = NativeParameter("seed", .optional(.int), default: .optional(nil))
        builder
            .initializer([.init("_", .any, name: "value")],
                         doc: "A tensor from a number, a nested array of numbers ([[1.0], [2.0]] has shape [2, 1]) or another tensor.") { args, _ in
                if let payload = TensorBinding.tensorValue(from: args[0]) { return payload }
                return .eager(try NestedArrayConversion.tensor(from: args[0], parameter: "value"))
            }
            .initializer([.init("shape", .array(.int)), .init("scalars", .any)],
                         doc: "A tensor of `shape` holding `scalars` in row-major order.") { args, _ in
                let scalars = try NestedArrayConversion.tensor(from: args[1], parameter: "scalars")
                guard scalars.rank <= 1 else {
                    throw NativeError("argument 'scalars' must be a flat array of numbers, got one of shape \(scalars.shape)",
                                      hint: "pass the elements in row-major order: [1, 2, 3, 4] for a 2×2 tensor")
                }
                return .eager(try Tensor(shape: try args.ints(0), scalars: scalars.scalars))
            }
            .initializer([.init("zeros", .array(.int), name: "shape")], doc: "A tensor of zeros.") { args, _ in
                .eager(try Tensor(zeros: try args.ints(0)))
            }
            .initializer([.init("ones", .array(.int), name: "shape")], doc: "A tensor of ones.") { args, _ in
                .eager(try Tensor(ones: try args.ints(0)))
            }
            .initializer([.init("zerosLike", tensorType, name: "other")], doc: "Zeros of another tensor's shape.") { args, _ in
                .eager(Tensor(zerosLike: try args.tensor(0, op: "Tensor(zerosLike:)")))
            }
            .initializer([.init("onesLike", tensorType, name: "other")], doc: "Ones of another tensor's shape.") { args, _ in
                .eager(Tensor(onesLike: try args.tensor(0, op: "Tensor(onesLike:)")))
            }
            .initializer([.init("repeating", .double, name: "value"), shape],
                         doc: "A tensor of `shape` with every element `value`.") { args, _ in
                .eager(try Tensor(repeating: try args.float(0), shape: try args.ints(1)))
            }
            .initializer([.init("randomNormal", .array(.int), name: "shape"), .init("mean", .double, default: .double(0)),
                          .init("standardDeviation", .double, default: .double(1)), seed],
                         doc: "Normal samples; the same for the same seed on every run (a fresh seed from the session when nil).") { args, _ in
                .eager(try Tensor(randomNormal: try args.ints(0), mean: try args.float(1), standardDeviation: try args.float(2),
                                  seed: try Self.seed(args, 3)))
            }
            .initializer([.init("randomTruncatedNormal", .array(.int), name: "shape"), .init("mean", .double, default: .double(0)),
                          .init("standardDeviation", .double, default: .double(1)), seed],
                         doc: "Normal samples redrawn beyond two standard deviations; seeded like randomNormal.") { args, _ in
                .eager(try Tensor(randomTruncatedNormal: try args.ints(0), mean: try args.float(1),
                                  standardDeviation: try args.float(2), seed: try Self.seed(args, 3)))
            }
            .initializer([.init("randomUniform", .array(.int), name: "shape"), .init("lowerBound", .double, default: .double(0)),
                          .init("upperBound", .double, default: .double(1)), seed],
                         doc: "Uniform samples in [lowerBound, upperBound); seeded like randomNormal.") { args, _ in
                .eager(try Tensor(randomUniform: try args.ints(0), lowerBound: try args.float(1), upperBound: try args.float(2),
                                  seed: try Self.seed(args, 3)))
            }
            .initializer([.init("oneHotAtIndices", .any, name: "indices"), .init("depth", .int)],
                         doc: "One-hot rows: indices.shape + [depth], 1 at each index (Keras' to_categorical).") { args, _ in
                let indices = try TensorBinding.tensor(converting: args[0], parameter: "oneHotAtIndices")
                return .eager(try Tensor(oneHotAtIndices: indices, depth: try args.int(1)))
            }
            .initializer([.init("rangeFrom", .double, name: "start"), .init("to", .double, name: "end"),
                          .init("stride", .double, default: .double(1))],
                         doc: "start, start + stride, … up to but not including end, as a rank-1 tensor.") { args, _ in
                let (start, end, stride) = (try args.double(0), try args.double(1), try args.double(2))
                guard stride != 0, stride.isFinite, start.isFinite, end.isFinite else {
                    throw NativeError("Tensor(rangeFrom:to:stride:) needs finite bounds and a stride other than 0")
                }
                let count = max(0, Int(((end - start) / stride).rounded(.up)))
                guard count <= 100_000_000 else {
                    throw NativeError("Tensor(rangeFrom: \(start), to: \(end), stride: \(stride)) would hold \(count) elements; use a larger stride")
                }
                return .eager(try Tensor(shape: [count], scalars: (0..<count).map { Float(start + Double($0) * stride) }))
            }
    }

    /// The seed argument, or a fresh one from the session's generator (`setRandomSeed`).
    static func seed(_ args: NativeArguments, _ index: Int) throws -> Int {
        try args.optional(index).map { try $0.asInt("seed") } ?? GlobalRandom.nextSeed()
    }
}
