import ArgumentParser
import FacilitySim
import Foundation
import Reporting
import Scenario

/// `factory-twin run SCENARIO.yaml [--out DIR]`: simulates a scenario and writes its results.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario and write summary.json, timeseries.csv, report.html, report.md and metrics.prom.",
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

    @Option(help: "Directory of a baseline design's summary.json for the report's comparisons (the air-cooled hall).")
    var baseline: String?

    @Flag(help: "Record wall_seconds as 0, so that the result files are bit-identical between runs (make reports).")
    var reproducible = false

    @Flag(help: "Do not print progress on stderr.")
    var quiet = false

    func run() throws {
        var spec = try ScenarioInput.load(scenario)
        if let seed { spec.seed = seed }
        let progress: ((Double) -> Void)? = quiet ? nil : ProgressLine(label: spec.name).update
        var result: RunResult
        do {
            result = try FacilitySimulation(spec: spec).run(progress: progress)
            if reproducible { result.summary.wallSeconds = 0 }
        } catch {
            FileHandle.standardError.write(Data("error: simulation of \(scenario) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let directory = URL(fileURLWithPath: out ?? "Reports/\(spec.name)")
        var baselineSummary: RunSummary?
        if let baseline {
            do {
                baselineSummary = try ReportInput.readSummary(URL(fileURLWithPath: baseline).appendingPathComponent("summary.json"))
            } catch {
                FileHandle.standardError.write(Data("error: baseline: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        try ResultWriter.write(result, to: directory, baseline: baselineSummary)
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
