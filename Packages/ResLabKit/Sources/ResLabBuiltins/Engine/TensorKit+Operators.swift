import ResLabEngine
import ResLabNN
import ResLabScript

/// `+ - * /` between tensors (NumPy broadcasting) and between a tensor and a number on either
/// side (`+` also joins two symbolic tensors, through an `Add` layer); `==` and `!=` as Swift for TensorFlow has them (one Bool: same shape and same elements);
/// `< <= > >=` elementwise, giving a tensor of 1s and 0s (NumPy's meaning; the lesson language
/// has no `.<`); prefix `-`.
extension TensorKit {
    func registerOperators() {
        let kit = self
        let arithmetic: [(String, String, (Tensor, Tensor) throws -> Tensor, (Tensor, Float) -> Tensor, (Float, Tensor) -> Tensor)] = [
            ("+", "add", { try $0 + $1 }, { $0 + $1 }, { $0 + $1 }),
            ("-", "subtract", { try $0 - $1 }, { $0 - $1 }, { $0 - $1 }),
            ("*", "multiply", { try $0 * $1 }, { $0 * $1 }, { $0 * $1 }),
            ("/", "divide", { try $0 / $1 }, { $0 / $1 }, { $0 / $1 }),
        ]
        for (symbol, name, tensorTensor, tensorNumber, numberTensor) in arithmetic {
            builder.infixOperator(symbol) { lhs, rhs in
                // Two symbolic tensors add through an Add layer, as Keras' `x + y` does on KerasTensors.
                if symbol == "+", case .symbolic(let a)? = kit.builder.unwrap(lhs), case .symbolic(let b)? = kit.builder.unwrap(rhs) {
                    return kit.wrap(.symbolic(try Add()([a, b])))
                }
                switch (try kit.eager(lhs, op: "'\(symbol)'", parameter: "lhs"), try kit.eager(rhs, op: "'\(symbol)'", parameter: "rhs")) {
                case (let a?, let b?):
                    do {
                        return kit.wrap(try tensorTensor(a, b))
                    } catch let error as TensorError {
                        throw NativeError(error.description, hint: Self.mismatchHint(symbol, name))
                    }
                case (let a?, nil):
                    guard let number = Self.number(rhs) else { return nil }
                    return kit.wrap(tensorNumber(a, number))
                case (nil, let b?):
                    guard let number = Self.number(lhs) else { return nil }
                    return kit.wrap(numberTensor(number, b))
                case (nil, nil):
                    return nil
                }
            }
        }

        builder.infixOperator("==") { lhs, rhs in
            guard let a = kit.builder.unwrap(lhs), let b = kit.builder.unwrap(rhs) else { return nil }
            switch (a, b) {
            case (.eager(let x), .eager(let y)): return .bool(x.shape == y.shape && x.scalars == y.scalars)
            case (.symbolic(let x), .symbolic(let y)): return .bool(x === y)
            default: return .bool(false)
            }
        }

        let comparisons: [(String, (Tensor, Tensor) throws -> Tensor)] = [
            ("<", { try $0 .< $1 }), ("<=", { try $0 .<= $1 }), (">", { try $0 .> $1 }), (">=", { try $0 .>= $1 }),
        ]
        for (symbol, compare) in comparisons {
            builder.infixOperator(symbol) { lhs, rhs in
                let a = try kit.eager(lhs, op: "'\(symbol)'", parameter: "lhs") ?? Self.number(lhs).map { Tensor($0) }
                let b = try kit.eager(rhs, op: "'\(symbol)'", parameter: "rhs") ?? Self.number(rhs).map { Tensor($0) }
                guard let a, let b else { return nil }
                return kit.wrap(try compare(a, b))
            }
        }

        builder.prefixOperator("-") { tensor, _ in
            kit.wrap(-(try TensorArgument.eager(tensor, op: "prefix '-'", parameter: "operand")))
        }
    }

    /// A language number as a Float, or nil for anything else.
    static func number(_ value: Value) -> Float? {
        switch value {
        case .int(let v): return Float(v)
        case .double(let v): return Float(v)
        case .float(let v): return v
        default: return nil
        }
    }

    /// What to do when two shapes do not broadcast. Adding is how a residual block joins its
    /// shortcut to the main path, so `+` says how to make the shortcut fit.
    static func mismatchHint(_ symbol: String, _ name: String) -> String {
        if symbol == "+" {
            return "a shortcut must match the main path's shape to be added to it; project it with a 1×1 convolution: "
                + "W_s · a[l] (one row per unit of the main path, one column per unit of a[l]), "
                + "or Conv2D(filters: …, kernelSize: 1) on images"
        }
        return "to \(name) elementwise, the shapes must be equal or broadcast (each axis equal, or 1 in one of them); "
            + "reshape one with reshaped(to:)"
    }
}
