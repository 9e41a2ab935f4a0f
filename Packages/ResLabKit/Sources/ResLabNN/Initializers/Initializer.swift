import Foundation
import ResLabEngine

/// How a layer fills a new weight: Keras' initialisers, with Keras' formulas and defaults.
///
/// Spelled the Swift way: `.glorotUniform` (unseeded) or `.glorotUniform(seed: 0)`,
/// `.randomUniform(minval: -0.1, maxval: 0.1, seed: 3)`, `.constant(0.5)`. The course's
/// `initializer(seed=0)` is `initializer(seed: 0)`: calling an initialiser with a seed gives the
/// same kind with that seed.
///
/// Fans follow Keras' `_compute_fans`: a vector has fan-in = fan-out = its length; a matrix
/// `[in, out]` has fan-in `in` and fan-out `out`; a convolution kernel in HWIO layout
/// `[h, w, in, out]` has fan-in `h·w·in` and fan-out `h·w·out`.
///
/// A seeded initialiser gives the same values every time it fills a given shape (as Keras' seeded
/// initialisers do in TensorFlow 2). The values come from ResLab's generator (`SeededRandom`), not
/// TensorFlow's, so the same seed does not reproduce Keras' numbers: to compare with Keras, inject
/// the weights. An unseeded initialiser takes a fresh seed from `GlobalRandom`.
public struct Initializer: Equatable, CustomStringConvertible {
    /// The rule, without the seed.
    public enum Kind: Equatable {
        /// Uniform in ±√(6 / (fanIn + fanOut)).
        case glorotUniform
        /// Normal with σ = √(2 / (fanIn + fanOut)) / 0.8796…, redrawn beyond 2σ.
        case glorotNormal
        /// Normal with σ = √(2 / fanIn) / 0.8796…, redrawn beyond 2σ.
        case heNormal
        /// Uniform in ±√(6 / fanIn).
        case heUniform
        /// Uniform in [minval, maxval).
        case randomUniform(minval: Float, maxval: Float)
        /// Normal with the given mean and standard deviation, not truncated.
        case randomNormal(mean: Float, stddev: Float)
        /// Every element `value` (`zeros` and `ones` are constants 0 and 1).
        case constant(Float)
    }

    public var kind: Kind
    /// nil draws a fresh seed from `GlobalRandom` each time the initialiser fills a tensor.
    public var seed: Int?

    public init(_ kind: Kind, seed: Int? = nil) {
        self.kind = kind
        self.seed = seed
    }

    // MARK: - Keras' names

    public static var glorotUniform: Initializer { Initializer(.glorotUniform) }
    public static func glorotUniform(seed: Int) -> Initializer { Initializer(.glorotUniform, seed: seed) }
    public static var glorotNormal: Initializer { Initializer(.glorotNormal) }
    public static func glorotNormal(seed: Int) -> Initializer { Initializer(.glorotNormal, seed: seed) }
    public static var heNormal: Initializer { Initializer(.heNormal) }
    public static func heNormal(seed: Int) -> Initializer { Initializer(.heNormal, seed: seed) }
    public static var heUniform: Initializer { Initializer(.heUniform) }
    public static func heUniform(seed: Int) -> Initializer { Initializer(.heUniform, seed: seed) }
    /// Keras' default range is [−0.05, 0.05].
    public static var randomUniform: Initializer { randomUniform() }
    public static func randomUniform(minval: Float = -0.05, maxval: Float = 0.05, seed: Int? = nil) -> Initializer {
        Initializer(.randomUniform(minval: minval, maxval: maxval), seed: seed)
    }
    /// Keras' default is mean 0, standard deviation 0.05.
    public static var randomNormal: Initializer { randomNormal() }
    public static func randomNormal(mean: Float = 0, stddev: Float = 0.05, seed: Int? = nil) -> Initializer {
        Initializer(.randomNormal(mean: mean, stddev: stddev), seed: seed)
    }
    public static var zeros: Initializer { Initializer(.constant(0)) }
    public static var ones: Initializer { Initializer(.constant(1)) }
    public static func constant(_ value: Float) -> Initializer { Initializer(.constant(value)) }
    /// Keras spells the argument `value=`.
    public static func constant(value: Float) -> Initializer { Initializer(.constant(value)) }

    /// The same rule with `seed`: the course's `initializer(seed=0)`.
    public func callAsFunction(seed: Int) -> Initializer {
        Initializer(kind, seed: seed)
    }

    // MARK: - Filling a tensor

    /// A new tensor of `shape` filled by this rule.
    public func callAsFunction(shape: [Int]) throws -> Tensor {
        let count = try Tensor.checkedCount(of: shape, op: "\(self)")
        var rng = SeededRandom(seed: seed ?? GlobalRandom.nextSeed())
        let (fanIn, fanOut) = Initializer.fans(of: shape)
        var scalars = [Float](repeating: 0, count: count)
        switch kind {
        case .glorotUniform:
            fillUniform(&scalars, limit: (6 / Double(fanIn + fanOut)).squareRoot(), rng: &rng)
        case .heUniform:
            fillUniform(&scalars, limit: (6 / Double(fanIn)).squareRoot(), rng: &rng)
        case .glorotNormal:
            fillTruncatedNormal(&scalars, scale: 2 / Double(fanIn + fanOut), rng: &rng)
        case .heNormal:
            fillTruncatedNormal(&scalars, scale: 2 / Double(fanIn), rng: &rng)
        case let .randomUniform(low, high):
            for i in scalars.indices { scalars[i] = rng.nextUniform(low, high) }
        case let .randomNormal(mean, stddev):
            for i in scalars.indices { scalars[i] = mean + stddev * rng.nextNormal() }
        case let .constant(value):
            for i in scalars.indices { scalars[i] = value }
        }
        return try Tensor(shape: shape, scalars: scalars)
    }

    /// Keras' `_compute_fans`, for HWIO kernels and `[in, out]` matrices.
    public static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        case 2: return (shape[0], shape[1])
        default:
            let receptiveField = shape.dropLast(2).reduce(1, *)
            return (shape[shape.count - 2] * receptiveField, shape[shape.count - 1] * receptiveField)
        }
    }

    private func fillUniform(_ scalars: inout [Float], limit: Double, rng: inout SeededRandom) {
        let bound = Float(limit.isFinite ? limit : 0)
        for i in scalars.indices { scalars[i] = rng.nextUniform(-bound, bound) }
    }

    /// Keras' `VarianceScaling` with a truncated normal: σ = √scale / 0.87962566103423978, the
    /// standard deviation of a unit normal truncated to ±2, so the result has variance `scale`.
    private func fillTruncatedNormal(_ scalars: inout [Float], scale: Double, rng: inout SeededRandom) {
        let stddev = Float(scale.isFinite ? scale.squareRoot() / 0.87962566103423978 : 0)
        for i in scalars.indices { scalars[i] = stddev * rng.nextTruncatedNormal() }
    }

    public var description: String {
        let seedText = seed.map { "seed: \($0)" }
        func spelled(_ name: String, _ arguments: [String?]) -> String {
            let list = arguments.compactMap { $0 }
            return list.isEmpty ? name : "\(name)(\(list.joined(separator: ", ")))"
        }
        switch kind {
        case .glorotUniform: return spelled("glorotUniform", [seedText])
        case .glorotNormal: return spelled("glorotNormal", [seedText])
        case .heNormal: return spelled("heNormal", [seedText])
        case .heUniform: return spelled("heUniform", [seedText])
        case let .randomUniform(low, high): return spelled("randomUniform", ["minval: \(low)", "maxval: \(high)", seedText])
        case let .randomNormal(mean, stddev): return spelled("randomNormal", ["mean: \(mean)", "stddev: \(stddev)", seedText])
        case .constant(0): return "zeros"
        case .constant(1): return "ones"
        case let .constant(value): return "constant(\(value))"
        }
    }
}
