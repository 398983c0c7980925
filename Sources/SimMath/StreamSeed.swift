/// The fixed hash that turns (scenario seed, replication index, stream name) into a 64-bit stream key.
///
/// Definition (stable across releases — changing it changes every result):
/// 1. `h = FNV-1a-64(UTF-8 bytes of name)` (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
/// 2. `k = mix(mix(mix(seed) ^ UInt64(bitPattern: Int64(replication))) ^ h)`, where `mix(x)` is the
///    SplitMix64 output function applied to `x &+ 0x9E3779B97F4A7C15` (Steele, Lea & Flood 2014,
///    "Fast splittable pseudorandom number generators", OOPSLA; constants from java.util.SplittableRandom).
///
/// The key depends only on its three inputs, never on how many streams exist or the order they are
/// created in, so results do not depend on thread count and sweeps share common random numbers.
/// The key is 64 bits and zero is an ordinary value: ``RandomStream`` feeds both 32-bit halves to the
/// reference mt19937 `init_by_array`, which has no degenerate seed (its state always has the MSB set).
public enum StreamSeed {
    /// FNV-1a 64-bit hash of the UTF-8 bytes of `name`.
    /// - Complexity: O(name.utf8.count).
    public static func fnv1a64(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The SplitMix64 step: advances by the golden-ratio increment and applies the output mix.
    @inline(__always)
    public static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The 64-bit key of the stream named `name` in replication `replication` of scenario seed `seed`.
    public static func key(seed: UInt64, replication: Int, name: String) -> UInt64 {
        let seeded = splitMix64(seed)
        let replicated = splitMix64(seeded ^ UInt64(bitPattern: Int64(replication)))
        return splitMix64(replicated ^ fnv1a64(name))
    }
}
