import Dispatch

/// The single-precision matrix-product peak of this kernel's own micro-kernel on cache-resident data.
///
/// Runs `Matmul` (the `dot4x4` register-blocked kernel used by the forward pass) on `(batch, n) ×
/// (rows, n)ᵀ` matrices small enough to stay in cache (default 64 × 768 × 768: 2.4 MB of weights), so
/// memory never limits it. FLOPs are `2 × batch × n × rows` per product; the best of `repetitions`
/// timed rounds is kept. This is the compute roof of the roofline that decode efficiency is judged by.
public enum GEMMProbe {
    /// Result of one probe.
    public struct Result: Sendable, Equatable {
        /// Achieved FLOP/s.
        public var flopsPerSecond: Double
        /// Shape `(batch, n, rows)` measured.
        public var batch: Int, n: Int, rows: Int
        /// Threads used.
        public var threads: Int
    }

    /// Runs the probe with the micro-kernels of level `isa`, timed by `clock`: `.wall` (elapsed), or `.cpu` (the
    /// process's processor time, which a thread waiting for a core does not accrue, so a training step and this probe
    /// timed the same way give a ratio the machine's load cancels from; the pool's spinning counts in both).
    public static func measure(batch: Int = 64, n: Int = 768, rows: Int = 768, productsPerRound: Int = 20,
                               repetitions: Int = 5, threads: KernelThreads = .allCores,
                               isa: KernelISA = .active, clock: BenchClock = .wall) -> Result {
        let x = AlignedFloatBuffer(count: batch * n), w = AlignedFloatBuffer(count: rows * n)
        let y = AlignedFloatBuffer(count: batch * rows)
        var rng = SplitMix64(seed: 7)
        for i in 0..<(batch * n) { x.base[i] = rng.nextUnitFloat() - 0.5 }
        for i in 0..<(rows * n) { w.base[i] = rng.nextUnitFloat() - 0.5 }
        let segment = Matmul.Segment(weights: .float32(w.base), rows: rows, output: y.base, outputStride: rows)
        var best = Double.infinity
        for _ in 0...max(1, repetitions) {   // first round is a warm-up
            let start = clock.now()
            for _ in 0..<productsPerRound {
                Matmul.run(x: x.base, batch: batch, n: n, segments: [segment], threads: threads, isa: isa)
            }
            best = min(best, clock.now() - start)
        }
        let flops = 2 * Double(batch * n * rows * productsPerRound)
        return Result(flopsPerSecond: flops / best, batch: batch, n: n, rows: rows, threads: threads.count)
    }
}
