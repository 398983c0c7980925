import ArgumentParser
import Foundation
import InferenceKernel

/// `factory-twin bench train`: tokens/s of the CPU training step (forward, backward, AdamW), as JSON on stdout.
struct BenchTrain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Measure training tokens/s of the CPU kernel (forward, backward, AdamW) on synthetic weights (JSON).",
        discussion: """
        For each synthetic preset: --batch sequences of --sequence-length tokens of pseudo-random text, one \
        untimed warm-up step, then --steps timed steps (best of --repetitions). Model FLOPs per token are \
        6·N + 12·L·dim·T (Kaplan et al. 2020; PaLM appendix B), with N the parameters read by matmuls; the \
        GEMM roof of the kernel's micro-kernel is probed just before every timed step, both timed in processor \
        seconds, and roofline_fraction is the median over steps of the step's model FLOPs per processor-second \
        over the probe's (load from other processes on a shared machine then cancels). Progress goes to stderr.
        """)

    @Option(name: .customLong("synthetic"), help: "Comma-separated synthetic presets (15M, 42M, 110M).")
    var presets: String = "15M,110M"

    @Option(help: "Sequences per step.")
    var batch: Int = 1

    @Option(name: .customLong("sequence-length"), help: "Trained positions per sequence.")
    var sequenceLength: Int = 256

    @Option(help: "Timed training steps per measurement.")
    var steps: Int = 3

    @Option(help: "Timed runs per measurement; the fastest is reported.")
    var repetitions: Int = 1

    @Option(help: "Threads (default: all active processors).")
    var threads: Int?

    @Option(help: "Seed of the synthetic weights.")
    var seed: UInt64 = 42

    /// The JSON document printed.
    struct Report: Encodable {
        var benchmark = "train"
        var weights = "synthetic"
        var threads: Int
        var gemmPeakGflops: Double
        var training: [KernelProfile.Training]
        var measurements: [TrainingBenchmark.Measurement]
        var build: BuildInfo
        var host: HostInfo

        private enum CodingKeys: String, CodingKey {
            case benchmark, weights, threads, gemmPeakGflops = "gemm_peak_gflops", training, measurements, build, host
        }
    }

    func run() async throws {
        let presetList = try presets.split(separator: ",").map { try SyntheticPreset.named(String($0)) }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1, got \(batch)") }
        guard sequenceLength >= 1 else { throw ValidationError("--sequence-length must be at least 1, got \(sequenceLength)") }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        let pool = threads.map { KernelThreads(count: $0) } ?? .allCores
        KernelCommandSupport.progress("GEMM peak probe")
        let peak = GEMMProbe.measure(threads: pool).flopsPerSecond
        var measurements: [TrainingBenchmark.Measurement] = []
        for preset in presetList {
            KernelCommandSupport.progress("generating synthetic \(preset.rawValue) weights (seed \(seed))")
            let weights = try TransformerWeights.synthetic(preset: preset, seed: seed, threads: pool)
            KernelCommandSupport.progress("train \(preset.rawValue): \(batch) × \(sequenceLength) tokens, \(steps) steps × \(repetitions)")
            let m = try TrainingBenchmark.measure(weights: weights, modelName: preset.rawValue, batch: batch,
                                                  sequenceLength: sequenceLength, steps: steps, repetitions: repetitions,
                                                  threads: pool, probe: { GEMMProbe.measure(threads: pool, clock: .cpu).flopsPerSecond })
            KernelCommandSupport.progress(String(format: "  %.1f tokens/s, %.2f s/step, %.1f model GFLOP/s",
                                                 m.tokensPerSecond, m.secondsPerStep, m.gflops))
            measurements.append(m)
        }
        let report = Report(threads: pool.count, gemmPeakGflops: peak / 1e9,
                            training: measurements.map { KernelProfile.Training($0, gemmPeakFlopsPerSecond: peak) },
                            measurements: measurements, build: .current, host: .current())
        print(try KernelCommandSupport.json(report))
    }
}
