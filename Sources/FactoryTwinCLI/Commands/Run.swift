import ArgumentParser
import FacilitySim
import Foundation
import Reporting
import Scenario

/// `factory-twin run SCENARIO.yaml [--out DIR]`: simulates a scenario and writes its results.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario and write summary.json and timeseries.csv.",
        discussion: """
        The scenario is validated first; when it has errors they are printed and nothing is written \
        (exit 65). Results go to Reports/<scenario name>/ unless --out is given. Each file is written \
        to a temporary name and renamed, so an interrupted run never leaves a half-written file.
        """
    )

    @Argument(help: "Scenario YAML file.")
    var scenario: String

    @Option(help: "Output directory (default: Reports/<scenario name>).")
    var out: String?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Flag(help: "Do not print progress on stderr.")
    var quiet = false

    @Flag(help: "Request fidelity: execute the real CPU kernel for a sample of decode iterations and report the gap between profile-based and live iteration times (DIR/live-kernel.json).")
    var liveKernel = false

    @Option(help: "Decode iterations sampled by --live-kernel (equally spaced over the horizon).")
    var liveSamples = 6

    @Option(help: "Largest batch the live kernel runs (a sampled batch above it is measured at this size).")
    var liveMaxBatch = 256

    func validate() throws {
        guard liveSamples >= 1, liveSamples <= 10_000 else { throw ValidationError("--live-samples must be in 1…10000, got \(liveSamples)") }
        guard liveMaxBatch >= 1, liveMaxBatch <= 4096 else { throw ValidationError("--live-max-batch must be in 1…4096, got \(liveMaxBatch)") }
    }

    func run() throws {
        var spec = try ScenarioInput.load(scenario)
        if let seed { spec.seed = seed }
        let progress: ((Double) -> Void)? = quiet ? nil : ProgressLine(label: spec.name).update
        if liveKernel, spec.fidelity != .request || spec.serving == nil {
            throw ValidationError("--live-kernel needs a scenario with fidelity: request and a serving block")
        }
        let result: RunResult
        var probe: LiveKernelProbe?
        do {
            let simulation = try FacilitySimulation(spec: spec)
            if liveKernel {
                let live = try LiveKernelProbe(spec: spec, steps: 2, maxBatch: liveMaxBatch)
                simulation.liveKernelProbe = { try live.measure(sequences: $0, totalContext: $1, profileSeconds: $2) }
                simulation.liveKernelSamples = liveSamples
                probe = live
            }
            result = try simulation.run(progress: progress)
        } catch {
            FileHandle.standardError.write(Data("error: simulation of \(scenario) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let directory = URL(fileURLWithPath: out ?? "Reports/\(spec.name)")
        try ResultWriter.write(result, to: directory)
        if let probe {
            let report = probe.report
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let file = directory.appendingPathComponent("live-kernel.json")
            try encoder.encode(report).write(to: file, options: .atomic)
            print(String(format: "live kernel (%@, %d samples): live vs profile-based iteration time, mean gap %+.1f %%, mean |gap| %.1f %% → %@",
                         report.kernelModel, report.samples.count, 100 * report.meanRelativeGap, 100 * report.meanAbsoluteRelativeGap,
                         file.path))
        }
        let s = result.summary
        print(String(format: "%@: PUE %.4f  ERE %.4f  ERF %.4f  max GPU %.2f °C  above %.0f °C for %.1f h  (%.2f s wall) → %@",
                     spec.name, s.pue, s.ere, s.erf, s.maxGpuTemperatureCelsius, s.gpuTemperatureLimitCelsius,
                     s.secondsAboveGpuLimit / 3600, s.wallSeconds, directory.path))
    }
}

/// A one-line progress indicator on stderr, redrawn in place at most four times a second, and only when
/// stderr is a terminal (logs and CI output stay clean).
final class ProgressLine {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(label: String) { self.label = label }

    func update(_ fraction: Double) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if fraction < 1, now - lastDraw < 250_000_000 { return }
        if fraction >= 1, !drawn { return }
        lastDraw = now
        drawn = true
        let percent = Int((fraction * 100).rounded(.down))
        FileHandle.standardError.write(Data("\r\(label): \(percent) %\(fraction >= 1 ? "\n" : "")".utf8))
    }
}
