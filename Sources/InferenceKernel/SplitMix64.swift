/// SplitMix64: a fast, seedable 64-bit generator (Steele, Lea & Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014; constants from Vigna's reference `splitmix64.c`).
///
/// Used for synthetic weights and for sampling. Every stream is derived from a seed and stream indices
/// with `SplitMix64(seed:stream:)`, so results never depend on which thread draws them.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator state; advanced by the golden-ratio increment on every draw.
    public var state: UInt64

    /// Starts a generator at `seed`.
    public init(seed: UInt64) { state = seed }

    /// Starts an independent stream identified by `stream` indices under `seed`.
    public init(seed: UInt64, stream: UInt64...) {
        var s = seed
        for index in stream {
            var g = SplitMix64(seed: s ^ (index &* 0xD1B5_4A32_D192_ED03))
            s = g.next()
        }
        state = s
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Float` in [0, 1) with 24 random bits.
    @inline(__always)
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Two approximately standard-normal draws from one 64-bit word.
    ///
    /// Each is an Irwin–Hall sum of four 8-bit uniforms, centred and scaled to unit variance. A byte is
    /// uniform on {0…255}: mean 127.5, variance (256² − 1)/12 = 5461.25; four of them: mean 510,
    /// variance 21845. Tails stop at ±3.45 σ, which is harmless for synthetic weights and far faster
    /// than Box–Muller (no logarithm or trigonometry).
    @inline(__always)
    public mutating func nextApproximateNormalPair() -> SIMD2<Float> {
        let bits = next()
        let low = (bits & 0xFF) + ((bits >> 8) & 0xFF) + ((bits >> 16) & 0xFF) + ((bits >> 24) & 0xFF)
        let high = ((bits >> 32) & 0xFF) + ((bits >> 40) & 0xFF) + ((bits >> 48) & 0xFF) + (bits >> 56)
        return (SIMD2<Float>(Float(low), Float(high)) - 510) * (1 / Float(21845).squareRoot())
    }
}
