import ArgumentParser
import Foundation
import InferenceKernel

/// `factory-twin calibrate`: measure the CPU inference kernel and write a kernel profile (JSON).
struct Calibrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure decode/prefill throughput and the machine's roofs; write a kernel profile.",
        discussion: """
        Measures the memory bandwidth (STREAM triad and read-only, 3 × 128 MiB arrays, all threads), the \
        GEMM peak of the kernel's own micro-kernel, prefill tokens/s, and decode tokens/s at each batch \
        size with achieved GFLOP/s, GB/s and the fraction of the roofline reached. Writes a versioned JSON \
        profile (schema_version 1, provenance measured) atomically to --out; progress goes to stderr.
        """)

    @Option(help: "Synthetic weights of a preset: 15M, 42M or 110M (default 110M unless --checkpoint).")
    var synthetic: String?

    @Option(help: "llama2.c legacy checkpoint file instead of synthetic weights.")
    var checkpoint: String?

    @Option(help: "Comma-separated decode batch sizes.")
    var batches: String = "1,2,4,8,16,32,64"

    @Option(help: "Timed decode steps per batch size.")
    var steps: Int = 32

    @Option(help: "Timed runs per measurement; the fastest is kept.")
    var repetitions: Int = 3

    @Option(name: .customLong("prompt-tokens"), help: "Prompt length of the prefill measurement.")
    var promptTokens: Int = 128

    @Option(help: "Seed of the synthetic weights.")
    var seed: UInt64 = 42

    @Option(help: "Weight precision: float32, or int8 (8-bit weights with group scales).")
    var precision: String = "float32"

    @Option(help: "Threads (default: all active processors).")
    var threads: Int?

    @Option(help: "Where to write the profile.")
    var out: String = "kernel-profile.json"

    @Option(name: .customLong("training-steps"), help: "Timed training steps (forward, backward, AdamW; 0: skip).")
    var trainingSteps: Int = 2

    @Option(name: .customLong("training-batch"), help: "Sequences per training step.")
    var trainingBatch: Int = 4

    @Option(name: .customLong("training-sequence-length"), help: "Positions per sequence of the training measurement.")
    var trainingSequenceLength: Int = 256

    @Flag(name: .customLong("training-only"),
          help: "Measure only the training step and add it to the existing profile at --out (other figures kept).")
    var trainingOnly = false

    func validate() throws {
        guard synthetic == nil || checkpoint == nil else {
            throw ValidationError("give at most one of --synthetic PRESET and --checkpoint FILE")
        }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        guard promptTokens >= 1 else { throw ValidationError("--prompt-tokens must be at least 1, got \(promptTokens)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard trainingSteps >= 0 else { throw ValidationError("--training-steps must be at least 0, got \(trainingSteps)") }
        guard trainingBatch >= 1 else { throw ValidationError("--training-batch must be at least 1, got \(trainingBatch)") }
        guard trainingSequenceLength >= 1 else {
            throw ValidationError("--training-sequence-length must be at least 1, got \(trainingSequenceLength)")
        }
        if trainingOnly, trainingSteps < 1 { throw ValidationError("--training-only needs --training-steps ≥ 1") }
    }

    func run() async throws {
        let batchList = try KernelCommandSupport.parseList(batches, name: "--batches")
        try KernelCommandSupport.announceKernelISA()
        let pool = threads.map { KernelThreads(count: $0) } ?? .allCores
        let model = try checkpoint.map { try LoadedModel.checkpoint(path: $0, tokenizerPath: nil) }
            ?? LoadedModel.synthetic(preset: synthetic ?? "110M", seed: seed, threads: pool)
        KernelCommandSupport.progress("calibrating \(model.weights.origin) [\(BuildInfo.current.label)]")
        let options = KernelCalibration.Options(batches: batchList, steps: steps, repetitions: repetitions,
                                                promptTokens: promptTokens,
                                                precision: try WeightPrecision.named(precision), threads: pool,
                                                trainingSteps: trainingSteps, trainingBatch: trainingBatch,
                                                trainingSequenceLength: trainingSequenceLength)
        if trainingOnly {
            var existing = try KernelProfile.load(path: out)
            guard existing.model.dimensions == model.weights.dimensions else {
                throw ValidationError("\(out) profiles \(existing.model.name) (\(existing.model.dimensions.headerDescription)); "
                    + "--training-only must measure the same model, got \(model.weights.dimensions.headerDescription)")
            }
            existing.training = try KernelCalibration.measureTraining(
                weights: model.weights, modelName: model.name, options: options, progress: KernelCommandSupport.progress)
            try existing.write(toPath: out)
            KernelCommandSupport.progress("added the training section to \(out)")
            return
        }
        let profile = try KernelCalibration.run(
            weights: model.weights, modelName: model.name, options: options,
            tool: "factory-twin \(FactoryTwinVersion.string) calibrate", progress: KernelCommandSupport.progress)
        try profile.write(toPath: out)
        KernelCommandSupport.progress("wrote \(out)")
    }
}
