import ArgumentParser
import Foundation
import InferenceKernel

/// `factory-twin bench kernel`: decode throughput of the CPU inference kernel, as JSON on stdout.
struct BenchKernel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Measure batched decode tokens/s of the inference kernel on synthetic weights (JSON on stdout).",
        discussion: """
        For each synthetic preset and batch size: batch sequences start from BOS, 2 untimed warm-up steps, \
        then --steps timed steps (best of --repetitions). Also measures the machine's memory bandwidth \
        (STREAM triad and read-only) and the kernel's own GEMM peak. Progress goes to stderr.
        """)

    @Option(name: .customLong("synthetic"), help: "Comma-separated synthetic presets (15M, 42M, 110M).")
    var presets: String = "15M,110M"

    @Option(help: "Comma-separated batch sizes.")
    var batches: String = "1,32"

    @Option(help: "Timed decode steps per measurement.")
    var steps: Int = 32

    @Option(help: "Timed runs per measurement; the fastest is reported.")
    var repetitions: Int = 3

    @Option(help: "Comma-separated weight precisions: float32, int8 (8-bit weights, group scales).")
    var precision: String = "float32"

    @Option(help: "Threads (default: all active processors).")
    var threads: Int?

    @Option(help: "Seed of the synthetic weights.")
    var seed: UInt64 = 42

    @Option(help: "Clock of the decode timings: wall, or cpu (process CPU time, for a machine shared with busy processes; needs --threads 1).")
    var clock: String = "wall"

    @Option(name: .customLong("numpy-reference"),
            help: "Comma-separated batch sizes at which to time the NumPy/OpenBLAS reference decode (python3 + numpy).")
    var numpyBatches: String?

    func run() async throws {
        let presetList = try presets.split(separator: ",").map { try SyntheticPreset.named(String($0)) }
        let batchList = try KernelCommandSupport.parseList(batches, name: "--batches")
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        let precisions = try precision.split(separator: ",").map { try WeightPrecision.named(String($0)) }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        let pool = threads.map { KernelThreads(count: $0) } ?? .allCores
        try KernelCommandSupport.announceKernelISA()
        guard let benchClock = BenchClock(rawValue: clock) else {
            throw ValidationError("--clock must be wall or cpu, got '\(clock)'")
        }
        if benchClock == .cpu, pool.count != 1 {
            throw ValidationError("--clock cpu needs --threads 1 (idle worker threads spin, and their CPU time would count)")
        }
        var entries: [KernelBenchReport.DecodeEntry] = []
        var accuracy: [QuantizationAccuracy.Result] = []
        var references: [KernelBenchReport.ReferenceEntry] = []
        let referenceBatches = try numpyBatches.map { try KernelCommandSupport.parseList($0, name: "--numpy-reference") } ?? []
        for preset in presetList {
            KernelCommandSupport.progress("generating synthetic \(preset.rawValue) weights (seed \(seed))")
            let weights = try TransformerWeights.synthetic(preset: preset, seed: seed, threads: pool)
            for batch in referenceBatches {
                KernelCommandSupport.progress("NumPy reference decode \(preset.rawValue) batch \(batch): \(steps) steps × \(repetitions)")
                let entry = try NumPyReference.measure(model: preset.rawValue, dimensions: weights.dimensions, batch: batch,
                                                       steps: steps, repetitions: repetitions, seed: seed, threads: pool.count,
                                                       clock: benchClock)
                KernelCommandSupport.progress(String(format: "  %.1f tokens/s (%@)", entry.tokensPerSecond, entry.implementation))
                references.append(entry)
            }
            for weightPrecision in precisions {
                for batch in batchList {
                    KernelCommandSupport.progress(
                        "decode \(preset.rawValue) \(weightPrecision) batch \(batch): \(steps) steps × \(repetitions)")
                    let m = try DecodeBenchmark.measureDecode(weights: weights, batch: batch, steps: steps,
                                                              repetitions: repetitions, precision: weightPrecision,
                                                              threads: pool, clock: benchClock)
                    KernelCommandSupport.progress(String(format: "  %.1f tokens/s, %.1f GFLOP/s, %.1f GB/s",
                                                         m.tokensPerSecond, m.gflopsPerSecond, m.gigabytesPerSecond))
                    entries.append(.init(model: preset.rawValue, measurement: m))
                }
                if case .int8(let groupSize) = weightPrecision {
                    KernelCommandSupport.progress("int8 logit error against float32, \(preset.rawValue), 32 positions")
                    accuracy.append(try QuantizationAccuracy.measure(weights: weights, model: preset.rawValue,
                                                                     positions: 32, groupSize: groupSize, threads: pool))
                }
            }
        }
        for reference in references where reference.batch == 1 {
            for entry in entries where entry.model == reference.model {
                KernelCommandSupport.progress(String(
                    format: "%@ %@ batch %d: %.1f× the NumPy reference at batch 1", entry.model, entry.precision, entry.batch,
                    entry.tokensPerSecond / reference.tokensPerSecond))
            }
        }
        KernelCommandSupport.progress("memory bandwidth probe")
        let bandwidth = BandwidthProbe.measure(threads: pool)
        KernelCommandSupport.progress("GEMM peak probe")
        let gemm = GEMMProbe.measure(threads: pool)
        var report = KernelBenchReport(weights: "synthetic", steps: steps, repetitions: repetitions, threads: pool.count,
                                       decode: entries, references: references, int8Accuracy: accuracy, bandwidth: bandwidth, gemm: gemm, build: .current,
                                       host: .current())
        report.clock = benchClock
        print(try KernelCommandSupport.json(report))
    }
}
