import CGSL

/// A reproducible random stream: GSL's mt19937 keyed by (scenario seed, replication, stream name).
///
/// Every stochastic process of a run owns one stream. Its 64-bit key is ``StreamSeed/key(seed:replication:name:)``
/// (FNV-1a-64 of the name mixed with seed and replication through SplitMix64), so the sequence does not
/// depend on the number of streams, the order they are created in, or the thread that draws from them.
/// The key initialises the full 624-word mt19937 state through the reference `init_by_array`
/// (Matsumoto & Nishimura, mt19937ar.c) with the two 32-bit halves of the key, because GSL's own
/// `gsl_rng_set` would keep only 32 bits of it.
///
/// Not thread-safe: a stream belongs to one process on one thread (hence not `Sendable`).
public final class RandomStream {
    /// The GSL generator, owned by this stream and freed in `deinit`.
    @usableFromInline
    let rng: UnsafeMutablePointer<gsl_rng>

    /// The stream name this stream was created with.
    public let name: String
    /// The 64-bit key derived from (seed, replication, name).
    public let key: UInt64

    /// Creates the stream `name` of replication `replication` for scenario seed `seed`.
    /// - Complexity: O(624) to initialise the Mersenne Twister state.
    public convenience init(seed: UInt64, replication: Int, name: String) {
        let key = StreamSeed.key(seed: seed, replication: replication, name: name)
        self.init(name: name, key: key, initKey: [UInt32(truncatingIfNeeded: key), UInt32(truncatingIfNeeded: key >> 32)])
    }

    /// Creates a stream whose mt19937 state is `init_by_array(initKey)` (reference mt19937ar.c seeding).
    /// Internal: lets tests check the generator against the published reference output.
    init(name: String, key: UInt64, initKey: [UInt32]) {
        GSLRuntime.prepare()
        guard let rng = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            // Only a failed malloc of ~5 KB gets here; there is no meaningful recovery.
            fatalError("SimMath.RandomStream: gsl_rng_alloc failed (out of memory)")
        }
        self.rng = rng
        self.name = name
        self.key = key
        let words = initKey.map { UInt($0) }
        let status = words.withUnsafeBufferPointer { cgsl_mt19937_seed_by_array(rng, $0.baseAddress, $0.count) }
        if status != 0 {
            // The linked GSL's mt19937 state layout differs from the one mirrored in the shim:
            // fall back to GSL's own 32-bit seeding (low ^ high half of the key).
            gsl_rng_set(rng, UInt((key ^ (key >> 32)) & 0xffff_ffff))
        }
    }

    /// Whether this stream's state was set by the full init_by_array seeding (always true with GSL 2.x).
    var usesFullStateSeeding: Bool {
        gsl_rng_size(rng) == cgsl_mt19937_state_size()
    }

    deinit {
        gsl_rng_free(rng)
    }

    /// The next raw 32-bit output of the Mersenne Twister (`gsl_rng_get`), in [0, 2³²).
    @inlinable
    public func next32() -> UInt32 {
        UInt32(truncatingIfNeeded: gsl_rng_get(rng))
    }

    /// A uniform variate on [0, 1) with 32-bit resolution (`gsl_rng_uniform`).
    @inlinable
    public func uniform() -> Double {
        gsl_rng_uniform(rng)
    }

    /// A uniform variate on (0, 1), never exactly 0 (`gsl_rng_uniform_pos`); safe inside `log`.
    @inlinable
    public func uniformPositive() -> Double {
        gsl_rng_uniform_pos(rng)
    }

    /// A uniform variate on [lower, upper).
    @inlinable
    public func uniform(lower: Double, upper: Double) -> Double {
        lower + (upper - lower) * gsl_rng_uniform(rng)
    }

    /// A uniform integer on 0..<n (`gsl_rng_uniform_int`, unbiased by rejection); n must be in 1...2³².
    @inlinable
    public func uniformInt(below n: Int) -> Int {
        precondition(n >= 1 && n <= 1 << 32, "uniformInt(below:) needs 1 ≤ n ≤ 2^32")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// `true` with probability `probability` (clamped to [0, 1]).
    @inlinable
    public func bernoulli(probability: Double) -> Bool {
        gsl_rng_uniform(rng) < probability
    }

    /// An exponential variate with mean `mean` (same unit as `mean`, e.g. seconds): −mean·ln U, U ∈ (0, 1).
    @inlinable
    public func exponential(mean: Double) -> Double {
        -mean * log(gsl_rng_uniform_pos(rng))
    }

    /// A normal variate (GSL's Marsaglia–Tsang ziggurat, `gsl_ran_gaussian_ziggurat`).
    @inlinable
    public func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + gsl_ran_gaussian_ziggurat(rng, standardDeviation)
    }

    /// A standard normal variate (mean 0, standard deviation 1).
    @inlinable
    public func standardNormal() -> Double {
        gsl_ran_gaussian_ziggurat(rng, 1)
    }
}
