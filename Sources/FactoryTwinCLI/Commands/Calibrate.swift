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

    func validate() throws {
        guard synthetic == nil || checkpoint == nil else {
            throw ValidationError("give at most one of --synthetic PRESET and --checkpoint FILE")
        }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        guard promptTokens >= 1 else { throw ValidationError("--prompt-tokens must be at least 1, got \(promptTokens)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
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
                                                precision: try WeightPrecision.named(precision), threads: pool)
        let profile = try KernelCalibration.run(
            weights: model.weights, modelName: model.name, options: options,
            tool: "factory-twin \(FactoryTwinVersion.string) calibrate", progress: KernelCommandSupport.progress)
        try profile.write(toPath: out)
        KernelCommandSupport.progress("wrote \(out)")
    }
}
