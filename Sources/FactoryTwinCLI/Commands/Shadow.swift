import ArgumentParser
import FacilitySim
import Foundation
import Scenario
import Shadow
import Telemetry

/// `factory-twin shadow SCENARIO --telemetry SOURCE`: the twin driven by a hall's measured inputs, compared with its
/// measured outputs, optionally calibrated (`--fit`), watched for drift (`--follow`). Exit 65 on bad telemetry, map or
/// scenario (the message names file, line, column and field); nothing is written then.
struct ShadowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow",
        abstract: "Hold the twin against a hall's telemetry: compare, calibrate (--fit), watch for drift (--follow).",
        discussion: """
        SOURCE is a CSV file (timestamp + one column per series) or OpenMetrics/DCGM-exporter text snapshots \
        (.prom, .om, .txt); or, with --prometheus URL instead of --telemetry, a Prometheus server's query_range API, \
        each map entry's `series:` then being a PromQL query (--start, --end, --step). The map file says which series is which twin signal and in what unit. Writes summary.json, \
        report.html, drift.prom, audit.jsonl and, with --fit, calibrated.yaml (an overlay that extends SCENARIO) into --out. \
        Parameters: \(ShadowParameter.allCases.map(\.rawValue).joined(separator: ", ")).
        """)

    @Argument(help: "Scenario of the hall (all GPUs in immersion tanks).")
    var scenario: String

    @Option(help: "Telemetry: a CSV file or OpenMetrics text snapshots.")
    var telemetry: String?

    @Option(help: "A Prometheus server (http://127.0.0.1:9090) to read the map's PromQL queries from, by query_range.")
    var prometheus: String?

    @Option(help: "--prometheus: first instant, ISO 8601 UTC or Unix seconds (default: --end minus the scenario's horizon).")
    var start: String?

    @Option(help: "--prometheus: last instant, ISO 8601 UTC or Unix seconds (default: now).")
    var end: String?

    @Option(help: "--prometheus: seconds between samples.")
    var step: Double = 60

    @Option(help: "Map file: which series is which twin signal, with units (default: series named as the signals, W and °C).")
    var map: String?

    @Option(parsing: .upToNextOption, help: "Scenario parameters to calibrate (field paths or their last part).")
    var fit: [String] = []

    @Flag(help: "Keep reading the growing CSV and raise drift alarms as samples arrive.")
    var follow = false

    @Option(help: "--follow: seconds between reads.")
    var pollSeconds: Double = 10

    @Option(help: "--follow: reads before stopping (0: until interrupted).")
    var polls: Int = 0

    @Option(help: "Output directory (default Reports/<scenario name>-shadow).")
    var out: String?

    @Option(help: "Date written into the calibrated values' provenance (default: today, UTC).")
    var date: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario field (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    func validate() throws {
        guard (telemetry == nil) != (prometheus == nil) else { throw ValidationError("give exactly one of --telemetry FILE and --prometheus URL") }
        guard prometheus == nil || !follow else { throw ValidationError("--follow reads a growing file; polling --prometheus is not built yet") }
        guard prometheus == nil || map != nil else { throw ValidationError("--prometheus needs --map: its series are the PromQL queries") }
        guard step > 0, step.isFinite else { throw ValidationError("--step must be positive") }
        for (name, value) in [("--start", start), ("--end", end)] where value.map(ShadowCommand.instant) == .some(nil) {
            throw ValidationError("\(name): '\(value!)' is neither ISO 8601 UTC (2026-03-24T00:00:00Z) nor Unix seconds")
        }
        guard pollSeconds > 0, pollSeconds.isFinite else { throw ValidationError("--poll-seconds must be positive") }
        guard polls >= 0 else { throw ValidationError("--polls must be 0 or more") }
        for name in fit where ShadowParameter(name: name) == nil {
            throw ValidationError("--fit: '\(name)' is not a calibratable parameter; choose from \(ShadowParameter.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let spec = try ScenarioInput.load(scenario, overrides: ScenarioInput.overrides(overrides))
        let parameters = fit.compactMap(ShadowParameter.init(name:))
        let directory = out ?? "Reports/\(spec.name)-shadow"
        let today = date ?? String(ISO8601.string(Date().timeIntervalSince1970).prefix(10))
        do {
            let plant = try ShadowPlant(spec: spec)
            var detector = DriftDetector()
            detector.settleSeconds = 3 * plant.tankTimeConstantSeconds(plant.scenarioValues)
            let signalMap = try map.map { try SignalMap.read(path: $0, tanks: plant.tanks) } ?? SignalMap.identity(tanks: plant.tanks)
            let table: TelemetryTable
            if let url = prometheus {
                let last = end.flatMap(ShadowCommand.instant) ?? Date().timeIntervalSince1970.rounded(.down)
                let first = start.flatMap(ShadowCommand.instant) ?? last - spec.horizonSeconds
                table = try ShadowTelemetry.read(map: signalMap, startSeconds: first, endSeconds: last, stepSeconds: step) { q, a, b, dt in
                    try PrometheusClient.queryRange(baseURL: url, queries: q.map { (name: $0, query: $0) }, start: a, end: b, step: dt)
                }
            } else {
                table = try ShadowTelemetry.read(telemetry!, partialLastLine: follow)
            }
            let data = try ShadowData.align(table, map: signalMap, tanks: plant.tanks)
            let run = try ShadowRun.run(plant: plant, data: data, fit: parameters, detector: detector)
            _ = try ShadowReport.write(run, detector: detector, scenarioPath: scenario, outputDirectory: directory, date: today)
            ShadowCommand.printSummary(run, directory: directory)
            if follow {
                try ShadowFollow(plant: plant, map: signalMap, detector: detector, telemetry: telemetry!, directory: directory,
                                 values: run.calibration?.values ?? plant.scenarioValues, date: today)
                    .loop(from: run, pollSeconds: pollSeconds, polls: polls)
            }
        } catch let error as TelemetryError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ScenarioInput.dataError
        } catch let error as PrometheusError {
            FileHandle.standardError.write(Data("\(prometheus ?? ""): error: \(error)\n".utf8))
            throw ScenarioInput.dataError
        } catch let error as ShadowError {
            FileHandle.standardError.write(Data("\(scenario): \(error.description)\n".utf8))
            throw ScenarioInput.dataError
        }
    }

    /// An instant given as ISO 8601 UTC or Unix seconds, s since 1970 (nil: neither).
    static func instant(_ text: String) -> Double? {
        if let t = ISO8601.seconds(text) { return t }
        guard let t = Double(text), t.isFinite else { return nil }
        return t
    }

    /// One line per pooled signal, then the estimates and alarms, on stdout.
    static func printSummary(_ run: ShadowRun, directory: String) {
        var lines = ["shadow \(run.scenarioName) against \(run.telemetrySource): \(run.data.times.count) instants "
            + "(\(run.data.skips.duplicateRows) duplicate, \(run.data.skips.outOfOrderRows) out-of-order rows skipped, \(run.data.skips.gaps) gaps)"]
        for c in run.before where !c.signal.hasPrefix("tank[") {
            var line = "  \(c.signal): MAPE \(String(format: "%.3f", c.mapePercent)) % " + (run.after == nil ? "at the scenario's values" : "uncalibrated")
            if let a = run.after?.first(where: { $0.signal == c.signal }) { line += ", \(String(format: "%.3f", a.mapePercent)) % calibrated" }
            lines.append(line)
        }
        for e in run.calibration?.estimates ?? [] {
            lines.append("  \(e.parameter) = \(String(format: "%.5g", e.estimate)) [\(String(format: "%.5g", e.lower95)), \(String(format: "%.5g", e.upper95))] "
                + "(scenario \(String(format: "%.5g", e.scenarioValue)))\(e.unidentifiable ? " NOT IDENTIFIABLE" : "")")
        }
        for a in run.alarms { lines.append("  drift alarm: \(a.signal) at \(ISO8601.string(a.time)) (\(a.side))") }
        lines.append("  wrote \(directory)/")
        print(lines.joined(separator: "\n"))
    }
}
