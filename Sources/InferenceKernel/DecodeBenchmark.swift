import Dispatch

/// Timed runs of the forward pass: batched decode and prompt prefill, with achieved FLOP/s and B/s.
///
/// Protocol (decode): `batch` sequences each start from BOS at position 0, run `warmupSteps` untimed
/// steps, then `steps` timed steps in which every sequence advances one token (greedy argmax fed back,
/// so the argmax over the vocabulary is part of the cost, as in real decoding). The timed run is
/// repeated `repetitions` times from an empty cache and the fastest is kept (best-of-N: the machine is
/// shared). FLOPs and bytes come from `KernelAccounting` with the run's bytes per weight (4 for
/// Float32, 1 + 4/group for Int8) and a Float32 KV cache.
public enum DecodeBenchmark {
    /// Measures batched decode, timed by `clock`.
    /// - Throws: `KernelError.invalidArgument` for batch < 1, steps < 1 or a context beyond `seq_len`.
    public static func measureDecode(weights: TransformerWeights, batch: Int, steps: Int, warmupSteps: Int = 2,
                                     repetitions: Int = 3, precision: WeightPrecision = .float32,
                                     threads: KernelThreads = .allCores, clock: BenchClock = .wall) throws -> DecodeMeasurement {
        guard batch >= 1 else { throw KernelError.invalidArgument("batch size must be at least 1, got \(batch)") }
        guard steps >= 1, repetitions >= 1, warmupSteps >= 0 else {
            throw KernelError.invalidArgument("steps and repetitions must be ≥ 1, got \(steps), \(repetitions)")
        }
        let d = weights.dimensions
        let positions = 1 + warmupSteps + steps
        guard positions <= d.maxSequenceLength else {
            throw KernelError.invalidArgument("\(warmupSteps) warm-up + \(steps) steps exceed seq_len \(d.maxSequenceLength)")
        }
        let t = try Transformer(weights: weights, sequenceSlots: batch, contextCapacity: positions,
                                maxRowsPerStep: batch, precision: precision, threads: threads)
        var best = Double.infinity
        for _ in 0..<repetitions {
            t.resetCache()
            var tokens = Array(repeating: Tokenizer.bos, count: batch)
            var position = 0
            func step() throws {
                try t.forward(tokens.indices.map { TokenRow(slot: $0, position: position, token: tokens[$0]) })
                for b in 0..<batch { tokens[b] = Sampler.argmax(t.logits(b)) }
                position += 1
            }
            for _ in 0..<warmupSteps { try step() }
            let start = clock.now()
            for _ in 0..<steps { try step() }
            best = min(best, clock.now() - start)
        }
        var cost = StepCost(tokens: 0, matmulFlops: 0, attentionFlops: 0, weightBytes: 0, embeddingBytes: 0,
                            kvCacheReadBytes: 0, kvCacheWriteBytes: 0)
        for position in warmupSteps..<(warmupSteps + steps) {
            cost = cost + KernelAccounting.decodeStep(d, batch: batch, contextLength: position + 1,
                                                      bytesPerWeight: t.bytesPerWeight, bytesPerActivation: 4)
        }
        return DecodeMeasurement(batch: batch, steps: steps, firstPosition: warmupSteps, seconds: best, cost: cost,
                                 precision: precision)
    }

    /// Measures prefill of a `promptLength`-token prompt processed in chunks of `chunk` rows (best of N).
    public static func measurePrefill(weights: TransformerWeights, promptLength: Int, chunk: Int = 64,
                                      repetitions: Int = 3, precision: WeightPrecision = .float32,
                                      threads: KernelThreads = .allCores) throws -> PrefillMeasurement {
        let d = weights.dimensions
        guard promptLength >= 1, promptLength <= d.maxSequenceLength else {
            throw KernelError.promptTooLong(tokens: promptLength, limit: d.maxSequenceLength)
        }
        guard chunk >= 1, repetitions >= 1 else {
            throw KernelError.invalidArgument("chunk and repetitions must be ≥ 1, got \(chunk), \(repetitions)")
        }
        let t = try Transformer(weights: weights, sequenceSlots: 1, contextCapacity: promptLength,
                                maxRowsPerStep: chunk, precision: precision, threads: threads)
        // A fixed pseudo-random prompt: BOS then tokens from a seeded stream.
        var rng = SplitMix64(seed: 0x5EED, stream: UInt64(promptLength))
        let prompt = [Tokenizer.bos] + (1..<promptLength).map { _ in Int(rng.next() % UInt64(d.vocabSize)) }
        var best = Double.infinity
        for _ in 0...repetitions {   // the first pass is a warm-up
            t.resetCache()
            let start = DispatchTime.now().uptimeNanoseconds
            var first = 0
            while first < promptLength {
                let end = min(promptLength, first + chunk)
                try t.forward((first..<end).map { TokenRow(slot: 0, position: $0, token: prompt[$0],
                                                           wantsLogits: $0 == promptLength - 1) })
                first = end
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        var cost = StepCost(tokens: 0, matmulFlops: 0, attentionFlops: 0, weightBytes: 0, embeddingBytes: 0,
                            kvCacheReadBytes: 0, kvCacheWriteBytes: 0)
        var first = 0
        while first < promptLength {
            let n = min(chunk, promptLength - first)
            cost = cost + KernelAccounting.prefill(d, promptLength: n, priorContext: first,
                                                   logitRows: first + n == promptLength ? 1 : 0,
                                                   bytesPerWeight: t.bytesPerWeight, bytesPerActivation: 4)
            first += n
        }
        return PrefillMeasurement(promptLength: promptLength, chunk: chunk, seconds: best, cost: cost,
                                  bytesPerWeight: t.bytesPerWeight)
    }
}
