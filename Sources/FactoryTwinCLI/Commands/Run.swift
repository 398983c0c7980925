import ArgumentParser
import FacilitySim
import Foundation
import Reporting
import Scenario
import Studies

/// `factory-twin run SCENARIO.yaml [--out DIR]`: simulates a scenario and writes its results.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario and write summary.json, timeseries.csv, report.html, report.md and metrics.prom.",
        discussion: """
        The scenario is validated first; when it has errors they are printed and nothing is written \
        (exit 65). Results go to Reports/<scenario name>/ unless --out is given. Each file is written \
        to a temporary name and renamed, so an interrupted run never leaves a half-written file.
        With --replications N the scenario runs N times (replication r keys its random streams by \
        (seed, r, name)) on --threads threads; DIR/summary.json then holds the means (availability with \
        its 95 % interval), DIR/intervals.json every field's 95 % Student-t interval, and \
        DIR/replications/replication-NNN/ each replication's own results. Results do not depend on --threads.
        """
    )

    @Argument(help: "Scenario YAML file.")
    var scenario: String

    @Option(help: "Output directory (default: Reports/<scenario name>).")
    var out: String?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field before validation, e.g. --set facility.gpus=2048 (repeatable).",
                                                          valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: "Replications to run and aggregate (means and 95 % intervals).")
    var replications: Int = 1

    @Option(help: "Threads for replications (default: every core).")
    var threads: Int?

    @Option(help: "Directory of a baseline design's summary.json for the report's comparisons (default: simulate the scenario's baseline: file, e.g. the air-cooled hall).")
    var baseline: String?

    @Flag(help: "Also run the one-at-a-time sensitivity study (tornado charts of PUE, peak GPU temperature, uptime and cost in the report; DIR/sensitivity.json): 2 runs per applicable parameter.")
    var sensitivity = false

    @Flag(help: "Record wall_seconds as 0, so that the result files are bit-identical between runs (make reports).")
    var reproducible = false

    @Flag(help: "Do not print progress on stderr.")
    var quiet = false

    @Flag(help: "Request fidelity: execute the real CPU kernel for a sample of decode iterations and report the gap between profile-based and live iteration times (DIR/live-kernel.json).")
    var liveKernel = false

    @Option(help: "Decode iterations sampled by --live-kernel (equally spaced over the horizon).")
    var liveSamples = 6

    @Option(help: "Largest batch the live kernel runs (a sampled batch above it is measured at this size).")
    var liveMaxBatch = 256

    func validate() throws {
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard liveSamples >= 1, liveSamples <= 10_000 else { throw ValidationError("--live-samples must be in 1…10000, got \(liveSamples)") }
        guard liveMaxBatch >= 1, liveMaxBatch <= 4096 else { throw ValidationError("--live-max-batch must be in 1…4096, got \(liveMaxBatch)") }
        if liveKernel, replications > 1 { throw ValidationError("--live-kernel measures one run; drop --replications") }
        if sensitivity, replications > 1 { throw ValidationError("--sensitivity studies one run; drop --replications") }
    }

    func run() throws {
        var spec = try ScenarioInput.load(scenario, overrides: ScenarioInput.overrides(overrides))
        if let seed { spec.seed = seed }
        if replications > 1 { return try runReplications(spec) }
        let progress: ((Double) -> Void)? = quiet ? nil : ProgressLine(label: spec.name).update
        if liveKernel, spec.fidelity != .request || spec.serving == nil {
            throw ValidationError("--live-kernel needs a scenario with fidelity: request and a serving block")
        }
        var result: RunResult
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
            if reproducible { result.summary.wallSeconds = 0 }
        } catch {
            FileHandle.standardError.write(Data("error: simulation of \(scenario) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let directory = URL(fileURLWithPath: out ?? "Reports/\(spec.name)")
        let study = sensitivity ? try sensitivityStudy(spec, nominal: result.summary) : nil
        try ResultWriter.write(result, to: directory, baseline: try baselineSummary(for: spec), sensitivity: study)
        let s = result.summary
        print(String(format: "%@: PUE %.4f  ERE %.4f  ERF %.4f  max GPU %.2f °C  above %.0f °C for %.1f h  (%.2f s wall) → %@",
                     spec.name, s.pue, s.ere, s.erf, s.maxGpuTemperatureCelsius, s.gpuTemperatureLimitCelsius,
                     s.secondsAboveGpuLimit / 3600, s.wallSeconds, directory.path))
        if let probe {
            let report = probe.report
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let file = directory.appendingPathComponent("live-kernel.json")
            try ResultWriter.writeAtomically(encoder.encode(report), to: file)
            print(String(format: "live kernel (%@, %d samples): live vs profile-based iteration time, mean gap %+.1f %%, mean |gap| %.1f %% → %@",
                         report.kernelModel, report.samples.count, 100 * report.meanRelativeGap, 100 * report.meanAbsoluteRelativeGap,
                         file.path))
        }
    }
}

extension Run {
    /// The baseline design's summary for the report's comparisons: read from `--baseline DIR` when given, else
    /// simulated from the scenario's `baseline:` file (one run of it with its own seed; its own `baseline:` is not
    /// followed), else nil.
    func baselineSummary(for spec: ScenarioSpec) throws -> RunSummary? {
        if let baseline {
            do {
                return try ReportInput.readSummary(URL(fileURLWithPath: baseline).appendingPathComponent("summary.json"))
            } catch {
                FileHandle.standardError.write(Data("error: baseline: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        guard let file = spec.baselineScenario else { return nil }
        let baseSpec = try ScenarioInput.load(file.path)
        guard baseSpec.name != spec.name else { return nil }
        do {
            var summary = try FacilitySimulation(spec: baseSpec).run().summary
            if reproducible { summary.wallSeconds = 0 }
            if !quiet {
                FileHandle.standardError.write(Data(String(format: "baseline %@ (%@) simulated: PUE %.4f\n", baseSpec.name, file.lastPathComponent, summary.pue).utf8))
            }
            return summary
        } catch {
            FileHandle.standardError.write(Data("error: simulation of the baseline \(file.path) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The tornado study around the run just made (same overrides and seed).
    func sensitivityStudy(_ spec: ScenarioSpec, nominal: RunSummary) throws -> SensitivityResult {
        do {
            let study = SensitivityStudy(path: scenario, overrides: try ScenarioInput.overrides(overrides),
                                         threads: threads ?? ParallelRunner.availableCores)
            let result = try study.run(spec: spec, nominal: nominal)
            let skipped = result.parameters.filter { $0.notApplicable != nil }.count
            print("sensitivity: \(result.parameters.count - skipped) parameters at both ends of their ranges, \(skipped) not applicable, \(result.runs) runs")
            return result
        } catch let error as ScenarioError {
            ScenarioInput.report(error)
            throw ScenarioInput.dataError
        } catch {
            FileHandle.standardError.write(Data("error: sensitivity study of \(scenario) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Runs `replications` replications, writes each one's results and the aggregate.
    func runReplications(_ spec: ScenarioSpec) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let counter = ReplicationCounter(total: replications,
                                         progress: quiet ? nil : ProgressLine(label: "\(spec.name) × \(replications)"))
        let results: [RunResult]
        do {
            results = try ReplicationRunner(threads: threads ?? ParallelRunner.availableCores)
                .run(spec, replications: replications) { _ in counter.tick() }
        } catch {
            FileHandle.standardError.write(Data("error: simulation of \(scenario) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let aggregate = try ReplicationAggregate(results.map(\.summary), wallSeconds: wall)
        let directory = URL(fileURLWithPath: out ?? "Reports/\(spec.name)")
        for (r, result) in results.enumerated() {
            let digits = String(r)
            let name = "replication-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            try ResultWriter.write(result, to: directory.appendingPathComponent("replications").appendingPathComponent(name))
        }
        try ResultWriter.writeAtomically(aggregate.intervalsJSON(), to: directory.appendingPathComponent("intervals.json"))
        try ResultWriter.writeAtomically(ResultWriter.summaryJSON(aggregate.summary), to: directory.appendingPathComponent("summary.json"))
        try ResultWriter.writeReports(ReportInput(summary: aggregate.summary, baseline: try baselineSummary(for: spec),
                                                 replicated: try ReplicationIntervals.load(directory: directory)), to: directory)
        let pue = aggregate.intervals["pue"]
        print(String(format: "%@: %d replications on %d threads: PUE %.4f ± %.4f  max GPU %.2f °C  (%.2f s wall) → %@",
                     spec.name, replications, threads ?? ParallelRunner.availableCores, pue?.mean ?? .nan, pue?.halfWidth ?? .nan,
                     aggregate.summary.maxGpuTemperatureCelsius, wall, directory.path))
    }
}

/// Counts finished replications and redraws the progress line (called from worker threads, under a lock).
final class ReplicationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private let total: Int
    private let progress: ProgressLine?

    init(total: Int, progress: ProgressLine?) {
        self.total = total
        self.progress = progress
    }

    func tick() {
        lock.lock(); defer { lock.unlock() }
        count += 1
        progress?.update(Double(count) / Double(total))
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
