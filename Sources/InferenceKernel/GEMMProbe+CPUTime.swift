extension GEMMProbe {
    /// The GEMM roof in FLOPs per second of processor time: the same products as `measure` (cache-resident
    /// `(batch, n) × (rows, n)ᵀ`), timed by the process's processor clock, best of `repetitions` rounds.
    ///
    /// On a machine shared with other processes the wall-clock roof varies with their load; processor time does
    /// not count the time a thread waits for a core, so a training step and this probe timed the same way give a
    /// ratio the load cancels from (the worker pool's spinning counts in both).
    public static func measureProcessorTime(batch: Int = 64, n: Int = 768, rows: Int = 768, productsPerRound: Int = 20,
                                            repetitions: Int = 5, threads: KernelThreads = .allCores) -> Double {
        let x = AlignedFloatBuffer(count: batch * n), w = AlignedFloatBuffer(count: rows * n)
        let y = AlignedFloatBuffer(count: batch * rows)
        var rng = SplitMix64(seed: 7)
        for i in 0..<(batch * n) { x.base[i] = rng.nextUnitFloat() - 0.5 }
        for i in 0..<(rows * n) { w.base[i] = rng.nextUnitFloat() - 0.5 }
        let segment = Matmul.Segment(weights: .float32(w.base), rows: rows, output: y.base, outputStride: rows)
        var best = Double.infinity
        for _ in 0...max(1, repetitions) {   // first round is a warm-up
            let start = CPUClock.processSeconds()
            for _ in 0..<productsPerRound {
                Matmul.run(x: x.base, batch: batch, n: n, segments: [segment], threads: threads)
            }
            best = min(best, CPUClock.processSeconds() - start)
        }
        return 2 * Double(batch * n * rows * productsPerRound) / best
    }
}
