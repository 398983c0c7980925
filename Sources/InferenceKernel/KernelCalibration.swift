import Foundation

/// Measures everything a kernel profile holds: bandwidth and GEMM roofs, prefill, decode per batch.
public enum KernelCalibration {
    /// What to measure.
    public struct Options: Sendable {
        /// Decode batch sizes.
        public var batches: [Int]
        /// Timed decode steps per batch size.
        public var steps: Int
        /// Timed runs per measurement; the fastest is kept.
        public var repetitions: Int
        /// Prompt tokens of the prefill measurement.
        public var promptTokens: Int
        /// Weight storage measured.
        public var precision: WeightPrecision
        /// Threads.
        public var threads: KernelThreads
        /// Timed training steps (0: no training measurement).
        public var trainingSteps: Int
        /// Sequences per training step and positions per sequence.
        public var trainingBatch: Int
        public var trainingSequenceLength: Int

        /// Defaults: batches 1…64 by powers of two, 32 steps, best of 3, a 128-token prompt, all cores; training
        /// 2 timed steps of 4 × 256 tokens (llama2.c trains TinyStories at seq_len 256; 1,024 tokens per step keep
        /// the once-per-step AdamW update near 2 % of the step, as the thousands of tokens per GPU and step of large
        /// jobs do — MLPerf GPT-3 on 512 GPUs: 9,216).
        public init(batches: [Int] = [1, 2, 4, 8, 16, 32, 64], steps: Int = 32, repetitions: Int = 3,
                    promptTokens: Int = 128, precision: WeightPrecision = .float32,
                    threads: KernelThreads = .allCores, trainingSteps: Int = 2, trainingBatch: Int = 4,
                    trainingSequenceLength: Int = 256) {
            self.trainingSteps = trainingSteps
            self.trainingBatch = trainingBatch
            self.trainingSequenceLength = trainingSequenceLength
            self.batches = batches
            self.steps = steps
            self.repetitions = repetitions
            self.promptTokens = promptTokens
            self.precision = precision
            self.threads = threads
        }
    }

    /// The roofline bound for a step of cost `cost`: tokens/s and which roof binds.
    /// - Parameters:
    ///   - peakFlopsPerSecond: compute roof, FLOP/s.
    ///   - bandwidthBytesPerSecond: memory roof, B/s.
    public static func roofline(_ cost: StepCost, peakFlopsPerSecond: Double,
                                bandwidthBytesPerSecond: Double) -> (tokensPerSecond: Double, bound: String) {
        let computeSeconds = cost.flops / peakFlopsPerSecond
        let memorySeconds = cost.bytes / bandwidthBytesPerSecond
        let seconds = max(computeSeconds, memorySeconds)
        return (Double(cost.tokens) / seconds, memorySeconds >= computeSeconds ? "memory" : "compute")
    }

    /// Runs the whole calibration.
    /// - Parameters:
    ///   - modelName: preset name or checkpoint file name for the profile.
    ///   - tool: the program writing the profile (e.g. `factory-twin 0.1.0 calibrate`).
    ///   - progress: receives one line per stage (the CLI prints them on stderr).
    /// - Throws: `KernelError.invalidArgument` for an empty batch list, batch < 1, steps < 1, or a
    ///   prompt / step count beyond the model's context.
    public static func run(weights: TransformerWeights, modelName: String, options: Options, tool: String,
                           progress: (String) -> Void = { _ in }) throws -> KernelProfile {
        let d = weights.dimensions
        guard !options.batches.isEmpty else { throw KernelError.invalidArgument("no batch sizes to measure") }
        if let bad = options.batches.first(where: { $0 < 1 }) {
            throw KernelError.invalidArgument("batch size must be at least 1, got \(bad)")
        }
        guard options.steps >= 1, options.repetitions >= 1 else {
            throw KernelError.invalidArgument("steps and repetitions must be at least 1")
        }
        progress("memory bandwidth probe (STREAM triad and read, 3 × 128 MiB)")
        let bandwidth = BandwidthProbe.measure(threads: options.threads)
        progress(String(format: "  triad %.1f GB/s, read %.1f GB/s",
                        bandwidth.triadBytesPerSecond / 1e9, bandwidth.readBytesPerSecond / 1e9))
        progress("GEMM peak probe (64 × 768 × 768, cache-resident)")
        let gemm = GEMMProbe.measure(threads: options.threads)
        progress(String(format: "  %.1f GFLOP/s", gemm.flopsPerSecond / 1e9))

        let promptTokens = min(options.promptTokens, d.maxSequenceLength)
        progress("prefill of \(promptTokens) tokens")
        let prefill = try DecodeBenchmark.measurePrefill(weights: weights, promptLength: promptTokens,
                                                         repetitions: options.repetitions,
                                                         precision: options.precision, threads: options.threads)
        progress(String(format: "  %.1f tokens/s, %.1f GFLOP/s", prefill.tokensPerSecond, prefill.gflopsPerSecond))

        var decode: [KernelProfile.Decode] = []
        for batch in options.batches {
            progress("decode batch \(batch): \(options.steps) steps, best of \(options.repetitions)")
            let m = try DecodeBenchmark.measureDecode(weights: weights, batch: batch, steps: options.steps,
                                                      repetitions: options.repetitions, precision: options.precision,
                                                      threads: options.threads)
            let roof = roofline(m.cost, peakFlopsPerSecond: gemm.flopsPerSecond,
                                bandwidthBytesPerSecond: bandwidth.roofBytesPerSecond)
            decode.append(KernelProfile.Decode(
                batch: batch, tokensPerSecond: m.tokensPerSecond, gflops: m.gflopsPerSecond,
                gbytesPerSecond: m.gigabytesPerSecond, flopsPerToken: m.cost.flopsPerToken,
                bytesPerToken: m.cost.bytesPerToken, rooflineTokensPerSecond: roof.tokensPerSecond,
                rooflineFraction: m.tokensPerSecond / roof.tokensPerSecond, bound: roof.bound,
                positions: [m.firstPosition, m.firstPosition + m.steps - 1]))
            progress(String(format: "  %.1f tokens/s, %.1f GFLOP/s, %.1f GB/s, %.0f %% of the roofline",
                            m.tokensPerSecond, m.gflopsPerSecond, m.gigabytesPerSecond,
                            100 * m.tokensPerSecond / roof.tokensPerSecond) + " (\(roof.bound)-bound)")
        }
        let training = options.trainingSteps > 0
            ? try measureTraining(weights: weights, modelName: modelName, options: options,
                                  gemmPeakFlopsPerSecond: gemm.flopsPerSecond, progress: progress) : nil
        let formatter = ISO8601DateFormatter()
        return KernelProfile(
            schemaVersion: KernelProfile.currentSchemaVersion, provenance: "measured",
            created: formatter.string(from: Date()), tool: tool, host: .current(), build: .current,
            weights: weights.origin.profileName,
            model: .init(name: modelName, dimensions: d, parameters: weights.parameterCount,
                         precision: options.precision.description, bytesPerWeight: prefill.bytesPerWeight,
                         bytesPerActivation: 4),
            threads: options.threads.count, decodeSteps: options.steps, repetitions: options.repetitions,
            memoryBandwidth: .init(triadGBytesPerSecond: bandwidth.triadBytesPerSecond / 1e9,
                                   readGBytesPerSecond: bandwidth.readBytesPerSecond / 1e9,
                                   rooflineGBytesPerSecond: bandwidth.roofBytesPerSecond / 1e9,
                                   arrayBytes: 4 * bandwidth.elements),
            gemmPeak: .init(gflops: gemm.flopsPerSecond / 1e9, shape: [gemm.batch, gemm.n, gemm.rows]),
            prefill: .init(promptTokens: promptTokens, chunk: prefill.chunk, tokensPerSecond: prefill.tokensPerSecond,
                           gflops: prefill.gflopsPerSecond, gbytesPerSecond: prefill.gigabytesPerSecond),
            decode: decode, training: training)
    }

    /// Times the training step (Float32 forward, backward and AdamW) for a profile's `training` section.
    /// - Parameter gemmPeakFlopsPerSecond: the session's GEMM roof (nil: probe it now).
    public static func measureTraining(weights: TransformerWeights, modelName: String, options: Options,
                                       gemmPeakFlopsPerSecond: Double? = nil,
                                       progress: (String) -> Void = { _ in }) throws -> KernelProfile.Training {
        let peak = gemmPeakFlopsPerSecond ?? GEMMProbe.measure(threads: options.threads).flopsPerSecond
        let length = min(options.trainingSequenceLength, weights.dimensions.maxSequenceLength - 1)
        progress("training step \(options.trainingBatch) × \(length) tokens: \(max(options.trainingSteps, 1)) steps, "
                 + "GEMM roof probed before each")
        let threads = options.threads
        let m = try TrainingBenchmark.measure(weights: weights, modelName: modelName, batch: options.trainingBatch,
                                              sequenceLength: length, steps: max(options.trainingSteps, 1),
                                              threads: threads, probe: { GEMMProbe.measure(threads: threads, clock: .cpu).flopsPerSecond })
        let section = KernelProfile.Training(m, gemmPeakFlopsPerSecond: peak)
        progress(String(format: "  %.1f tokens/s, %.1f model GFLOP/s, %.0f %% of the GEMM roof",
                        m.tokensPerSecond, m.gflops, 100 * section.rooflineFraction))
        return section
    }
}
