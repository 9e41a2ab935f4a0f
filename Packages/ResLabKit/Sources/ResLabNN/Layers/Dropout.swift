import ResLabEngine

/// Keras' `Dropout`: while training, each element is zeroed with probability `rate` and the rest
/// are scaled by 1 / (1 − rate), so the expected value is unchanged; at inference it passes the
/// input through.
///
/// Masks come from ResLab's generator: a seeded layer draws the same sequence of masks on every
/// run (each call advances it), an unseeded one takes its seed from `GlobalRandom`.
public final class Dropout: Layer {
    public let rate: Double
    public let seed: Int?
    private var generator: SeededRandom

    public init(rate: Double, seed: Int? = nil, name: String? = nil) throws {
        guard (0..<1).contains(rate) else {
            throw NNError.invalidArgument(op: "Dropout(rate: \(rate))", message: "rate must be at least 0 and less than 1")
        }
        self.rate = rate
        self.seed = seed
        generator = SeededRandom(seed: seed ?? GlobalRandom.nextSeed())
        super.init(name: name)
    }

    public override func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        let x = inputs[0]
        guard training, rate > 0 else { return x }
        let keep = Float(1 - rate)
        let scale = 1 / keep
        var mask = [Float](repeating: 0, count: x.count)
        for i in mask.indices where generator.nextUnitFloat() < keep { mask[i] = scale }
        return try x * Tensor(shape: x.shape, scalars: mask)
    }
}
