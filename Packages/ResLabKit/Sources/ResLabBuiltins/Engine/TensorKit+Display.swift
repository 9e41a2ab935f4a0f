import ResLabEngine
import ResLabNN
import ResLabScript

/// How tensors print (NumPy's layout: aligned columns, matrices as grids, higher ranks as
/// slices, large tensors abbreviated with `...`), and what the REPL echoes: the type and shape,
/// then the values.
extension TensorKit {
    func registerDisplay() {
        builder
            .display { tensor in
                switch tensor {
                case .eager(let numbers): return numbers.description
                case .symbolic(let symbolic): return symbolic.description
                }
            }
            .echo { TensorDisplay.echo($0) }
    }
}

enum TensorDisplay {
    /// `Tensor [3] = [1. 2. 3.]`; a multi-line tensor starts on the next line:
    ///
    ///     Tensor [2, 2] =
    ///     [[1. 2.]
    ///      [3. 4.]]
    ///
    /// A symbolic tensor says what it is: `Tensor (None, 8, 8, 6), symbolic: the output of layer
    /// 'conv2d' in a model being built; it gets numbers when the model runs`.
    static func echo(_ tensor: TensorValue) -> String {
        switch tensor {
        case .eager(let numbers):
            let text = numbers.description
            let head = "Tensor \(numbers.shape) ="
            return text.contains("\n") ? head + "\n" + text : head + " " + text
        case .symbolic(let symbolic):
            let origin = symbolic.layer is InputLayer
                ? "the input '\(symbolic.layer.name)'"
                : "the output of layer '\(symbolic.layer.name)' (\(symbolic.layer.typeName))"
            return "Tensor \(TensorArgument.format(symbolic.shape)), symbolic: \(origin) in a model being built; "
                + "it gets numbers when the model runs"
        }
    }
}
