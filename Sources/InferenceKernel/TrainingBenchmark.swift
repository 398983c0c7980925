import Dispatch

/// Timed training steps (forward, backward, AdamW update) with model FLOP/s by the 6·N convention.
///
/// FLOPs per trained token follow PaLM (Chowdhery et al. 2022, appendix B, "model FLOPs utilization"):
/// `6·N + 12·L·H·Q·T`, where `6·N` is Kaplan et al. 2020's C ≈ 6N per token (§2.1: 2N forward, 4N backward)
/// and the second term is attention's score and value products over context T (H·Q = dim). N counts every
/// parameter a matmul reads: the blocks' matrices and the classifier (tied to the embedding here, whose lookup
/// costs no FLOPs) — for the 15M preset the classifier is 60 % of N, so leaving it out would misstate the work.
/// The convention counts the full T×T attention (not the causal half) and no recomputation, as MFU does.
public enum TrainingBenchmark {
    /// One measurement.
    public struct Measurement: Sendable, Codable, Equatable {
        /// Preset or checkpoint name.
        public var model: String
        /// Sequences per step and positions per sequence.
        public var batch: Int, sequenceLength: Int
        /// Timed steps (best of `repetitions` runs of them).
        public var steps: Int, repetitions: Int
        /// Threads used.
        public var threads: Int
        /// Trained tokens per step: batch × sequence length.
        public var tokensPerStep: Int
        /// Wall time of one step (forward, backward, update), s.
        public var secondsPerStep: Double
        /// Trained tokens per second.
        public var tokensPerSecond: Double
        /// Model FLOPs per trained token: 6·N + 12·L·dim·T.
        public var modelFlopsPerToken: Double
        /// N of the convention: parameters read by matmuls.
        public var matmulParameters: Int
        /// Achieved model GFLOP/s.
        public var gflops: Double
        /// Loss of the first and last timed step, nats per token (synthetic uniform tokens: near ln(vocab)).
        public var firstLoss: Double, lastLoss: Double
        /// Processor time (all threads) of each timed step of the fastest repetition, s.
        public var stepProcessorSeconds: [Double]
        /// GEMM roof in FLOPs per processor-second, probed just before each of those steps (empty without a probe).
        public var probeFlopsPerProcessorSecond: [Double]

        /// Median over the timed steps of (model FLOPs per processor-second of the step) ÷ (GEMM FLOPs per
        /// processor-second probed just before it): the step's fraction of the compute roof. Processor time leaves
        /// out the time spent waiting for a core, so load from other processes on a shared machine cancels
        /// (nil without a probe).
        public var pairedRooflineFraction: Double? {
            guard probeFlopsPerProcessorSecond.count == stepProcessorSeconds.count, !stepProcessorSeconds.isEmpty else {
                return nil
            }
            let flops = modelFlopsPerToken * Double(tokensPerStep)
            let ratios = zip(stepProcessorSeconds, probeFlopsPerProcessorSecond).map { flops / $0 / $1 }.sorted()
            let n = ratios.count
            return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2
        }

        private enum CodingKeys: String, CodingKey {
            case model, batch, sequenceLength = "sequence_length", steps, repetitions, threads
            case tokensPerStep = "tokens_per_step", secondsPerStep = "seconds_per_step"
            case tokensPerSecond = "tokens_per_second", modelFlopsPerToken = "model_flops_per_token"
            case matmulParameters = "matmul_parameters", gflops, firstLoss = "first_loss", lastLoss = "last_loss"
            case stepProcessorSeconds = "step_processor_seconds"
            case probeFlopsPerProcessorSecond = "probe_flops_per_processor_second"
        }
    }

    /// Parameters read by matmuls per token: every block matrix plus the classifier.
    public static func matmulParameters(_ d: ModelDimensions) -> Int {
        d.layerCount * (2 * d.dim * d.dim + 2 * d.kvDim * d.dim + 3 * d.hiddenDim * d.dim) + d.vocabSize * d.dim
    }

    /// Model FLOPs per trained token at context `sequenceLength` (PaLM appendix B).
    public static func modelFlopsPerToken(_ d: ModelDimensions, sequenceLength: Int) -> Double {
        6 * Double(matmulParameters(d)) + 12 * Double(d.layerCount * d.dim * sequenceLength)
    }

    /// Deterministic pseudo-random token sequences (uniform over the vocabulary, BOS excluded) for timing.
    public static func syntheticTokens(batch: Int, length: Int, vocabulary: Int, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed, stream: 0x7261696E)
        return (0..<batch).map { _ in (0..<length).map { _ in 2 + Int(rng.next() % UInt64(max(vocabulary - 2, 1))) } }
    }

    /// Times `steps` training steps after one untimed warm-up step, best of `repetitions` (wall time); with `probe`
    /// (FLOPs per processor-second, e.g. `GEMMProbe.measure(clock: .cpu)`), the GEMM roof is probed just before
    /// every timed step, which is also timed in processor seconds.
    /// - Throws: `KernelError.invalidArgument` for steps or repetitions < 1, or as `TrainingModel.init`.
    public static func measure(weights: TransformerWeights, modelName: String, batch: Int, sequenceLength: Int,
                               steps: Int, repetitions: Int = 1, seed: UInt64 = 1, threads: KernelThreads = .allCores,
                               probe: (() -> Double)? = nil) throws -> Measurement {
        guard steps >= 1, repetitions >= 1 else {
            throw KernelError.invalidArgument("training steps and repetitions must be at least 1, got \(steps), \(repetitions)")
        }
        let model = try TrainingModel(weights: weights, batch: batch, sequenceLength: sequenceLength, threads: threads)
        let optimizer = AdamW(model: model)
        let tokens = syntheticTokens(batch: batch, length: sequenceLength + 1, vocabulary: weights.dimensions.vocabSize,
                                     seed: seed)
        func step() throws -> Double {
            let loss = try model.lossAndGradients(tokens: tokens)
            optimizer.update(model)
            return loss
        }
        _ = try step()
        var best = Double.infinity
        var first = 0.0, last = 0.0
        var bestSteps: [Double] = [], bestProbes: [Double] = []
        for _ in 0..<repetitions {
            var total = 0.0, times: [Double] = [], probes: [Double] = []
            for i in 0..<steps {
                if let probe { probes.append(probe()) }
                let start = DispatchTime.now().uptimeNanoseconds
                let processor = BenchClock.cpu.now()
                let loss = try step()
                times.append(BenchClock.cpu.now() - processor)
                total += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                if i == 0 { first = loss }
                last = loss
            }
            if total < best { best = total; bestSteps = times; bestProbes = probes }
        }
        let seconds = best / Double(steps)
        let tokensPerStep = batch * sequenceLength
        let flopsPerToken = modelFlopsPerToken(weights.dimensions, sequenceLength: sequenceLength)
        return Measurement(model: modelName, batch: batch, sequenceLength: sequenceLength, steps: steps,
                           repetitions: repetitions, threads: threads.count, tokensPerStep: tokensPerStep,
                           secondsPerStep: seconds, tokensPerSecond: Double(tokensPerStep) / seconds,
                           modelFlopsPerToken: flopsPerToken, matmulParameters: matmulParameters(weights.dimensions),
                           gflops: flopsPerToken * Double(tokensPerStep) / seconds / 1e9, firstLoss: first, lastLoss: last,
                           stepProcessorSeconds: bestSteps, probeFlopsPerProcessorSecond: bestProbes)
    }
}
