import Foundation

/// A seeded pseudo-random generator that gives the same numbers on every run and every machine.
///
/// xoshiro256** (Blackman and Vigna), its 256-bit state filled from the seed by SplitMix64, as its
/// authors recommend. Every random tensor, initialiser, shuffle, dropout mask and synthetic data
/// set in ResLab draws from one of these, so a seed fixes the numbers.
public struct SeededRandom: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// Convenience for the signed seeds the lesson language passes.
    public init(seed: Int) { self.init(seed: UInt64(bitPattern: Int64(seed))) }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform `Float` in [0, 1), from the top 24 bits (every value exactly representable).
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A uniform `Float` in [low, high).
    public mutating func nextUniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// A standard normal sample by the Box–Muller transform, computed in Double for accuracy.
    public mutating func nextNormal() -> Float {
        // 1 - u keeps the logarithm's argument in (0, 1].
        let u1 = 1.0 - Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        return Float((-2.0 * Foundation.log(u1)).squareRoot() * Foundation.cos(2.0 * Double.pi * u2))
    }

    /// A normal sample redrawn until it lies within two standard deviations, the rule Keras'
    /// `TruncatedNormal` (and so `glorot_normal` and `he_normal`) follows.
    public mutating func nextTruncatedNormal() -> Float {
        while true {
            let sample = nextNormal()
            if abs(sample) <= 2 { return sample }
        }
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
