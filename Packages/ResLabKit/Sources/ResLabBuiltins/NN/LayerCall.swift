import ResLabEngine
import ResLabNN
import ResLabScript

/// Applying a layer to lesson-language tensors: all numbers (computed at once) or all symbolic
/// (a node of the model being built), never a mix.
enum LayerCall {
    static func apply(_ layer: Layer, to inputs: [TensorValue], list: Bool, training: Bool?,
                      registry: NativeRegistry) throws -> Value {
        let eager = inputs.compactMap(\.eager)
        let symbolic = inputs.compactMap { input -> KerasTensor? in
            if case .symbolic(let tensor) = input { return tensor }
            return nil
        }
        let result: TensorValue
        if symbolic.isEmpty {
            result = .eager(list ? try layer(eager, training: training) : try layer(eager[0], training: training))
        } else if eager.isEmpty {
            result = .symbolic(list ? try layer(symbolic, training: training) : try layer(symbolic[0], training: training))
        } else {
            throw NativeError("\(layer) was given both numbers and symbolic tensors",
                              hint: "in a model every input must come from Input(shape:); on numbers, pass only tensors of numbers")
        }
        return try TensorBinding.value(result, registry: registry)
    }
}
