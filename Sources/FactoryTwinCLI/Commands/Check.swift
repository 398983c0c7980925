import ArgumentParser
import FacilitySim
import Foundation
import Reporting
import Scenario

/// `factory-twin check SCENARIO.yaml… [--baseline DIR] [--update-baseline] [--junit FILE] [--out DIR]`: the CI gate.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and enforce their limits and regression tolerances against baselines (the CI gate).",
        discussion: """
        For each scenario: runs it, always judges its own thermal threshold (thermal_management.\
        gpu_temperature_threshold: the peak within limits.threshold_tolerance, default 0.05 K, and the time above it \
        within limits.seconds_above_gpu_limit, default 0 s) and its energy balance (default ≤ 1e-9), checks the \
        hard limits of its `limits:` block (max_gpu_temperature_celsius, min_availability, max_pue, …) and, with --baseline DIR, compares the summary with \
        DIR/<name>/summary.json within each metric's tolerance. Prints a table of metric, baseline, now, limit and \
        verdict. Exit 0 when everything passes, 1 on any violation, 65 when a scenario is invalid. \
        --update-baseline writes the new summaries as baselines (wall_seconds zeroed) instead of comparing.
        """
    )

    @Argument(help: "Scenario YAML files.")
    var scenarios: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field of every scenario before validation, e.g. --set thermal_management.gpu_temperature_threshold=45°C (repeatable).",
                                                          valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: "Directory of baseline summaries: DIR/<scenario name>/summary.json.")
    var baseline: String?

    @Flag(help: "Write the new summaries into --baseline instead of comparing with them.")
    var updateBaseline = false

    @Option(help: "Write the results as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Also write each run's results and reports into DIR/<scenario name>/.")
    var out: String?

    func validate() throws {
        if updateBaseline && baseline == nil { throw ValidationError("--update-baseline needs --baseline DIR") }
    }

    func run() throws {
        var results: [CheckResult] = []
        for path in scenarios {
            let spec = try ScenarioInput.load(path, overrides: ScenarioInput.overrides(overrides))
            let result: RunResult
            do {
                result = try FacilitySimulation(spec: spec).run()
            } catch {
                FileHandle.standardError.write(Data("error: simulation of \(path) failed: \(error)\n".utf8))
                throw ExitCode.failure
            }
            if let out { try ResultWriter.write(result, to: URL(fileURLWithPath: out).appendingPathComponent(spec.name)) }
            var base: RunSummary?
            var missing: String?
            if let baseline {
                let file = URL(fileURLWithPath: baseline).appendingPathComponent(spec.name).appendingPathComponent("summary.json")
                if updateBaseline {
                    var frozen = result.summary
                    frozen.wallSeconds = 0
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try ResultWriter.writeAtomically(ResultWriter.summaryJSON(frozen), to: file)
                } else if FileManager.default.fileExists(atPath: file.path) {
                    do { base = try ReportInput.readSummary(file) } catch {
                        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                        throw ExitCode.failure
                    }
                } else {
                    missing = file.path
                }
            }
            let checked = CheckGate.evaluate(result.summary, limits: spec.limits, baseline: base, missingBaseline: missing)
            // The threshold and energy-balance rows are always there; a gate with nothing to judge would pass vacuously.
            guard !checked.rows.isEmpty else {
                FileHandle.standardError.write(Data("error: \(path): nothing to judge (no threshold, limit or baseline)\n".utf8))
                throw ScenarioInput.dataError
            }
            results.append(checked)
        }
        print(CheckGate.table(results), terminator: "")
        if let junit { try ResultWriter.writeAtomically(Data(JUnitReport.render(results).utf8), to: URL(fileURLWithPath: junit)) }
        let failed = results.filter { !$0.passed }
        print(failed.isEmpty ? "check: \(results.count) scenario(s) passed" + (updateBaseline ? " (baselines updated)" : "")
                             : "check: \(failed.count) of \(results.count) scenario(s) FAILED: \(failed.map(\.scenario).joined(separator: ", "))")
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
