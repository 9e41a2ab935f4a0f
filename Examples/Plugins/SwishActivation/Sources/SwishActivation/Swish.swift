import Foundation
import ResLabEngine
import ResLabNN

/// swish(x) = x · σ(βx) (Ramachandran et al. 2017), elementwise, with its derivative
/// σ(βx) + βx · σ(βx)(1 − σ(βx)) recorded on the engine's tape.
public func swish(_ x: Tensor, beta: Float = 1) -> Tensor {
    let input = x.withoutDerivative()
    let gate = input.scalars.map { 1 / (1 + exp(-beta * $0)) }
    let output = zip(input.scalars, gate).map { $0 * $1 }
    // Shape and size are those of `x`, so building the tensors cannot fail.
    let value = (try? Tensor(shape: x.shape, scalars: output)) ?? input
    return Tensor.recording(value, op: "swish", inputs: [x]) { upstream in
        let slope = zip(input.scalars, gate).map { v, s in s + beta * v * s * (1 - s) }
        let grad = zip(upstream.scalars, slope).map { $0 * $1 }
        return [try Tensor(shape: upstream.shape, scalars: grad)]
    }
}

/// The swish activation as a layer, usable in `Sequential` and in functional models.
public final class Swish: Layer {
    public let beta: Float

    public init(beta: Float = 1, name: String? = nil) {
        self.beta = beta
        super.init(name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        swish(inputs[0], beta: beta)
    }
}
