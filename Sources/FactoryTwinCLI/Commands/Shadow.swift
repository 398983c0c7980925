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
        (.prom, .om, .txt). The map file says which series is which twin signal and in what unit. Writes summary.json, \
        report.html, drift.prom, audit.jsonl and, with --fit, calibrated.yaml (an overlay that extends SCENARIO) into --out. \
        Parameters: \(ShadowParameter.allCases.map(\.rawValue).joined(separator: ", ")).
        """)

    @Argument(help: "Scenario of the hall (all GPUs in immersion tanks).")
    var scenario: String

    @Option(help: "Telemetry: a CSV file or OpenMetrics text snapshots.")
    var telemetry: String

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
            let data = try ShadowData.align(try ShadowTelemetry.read(telemetry, partialLastLine: follow), map: signalMap, tanks: plant.tanks)
            let run = try ShadowRun.run(plant: plant, data: data, fit: parameters, detector: detector)
            _ = try ShadowReport.write(run, detector: detector, scenarioPath: scenario, outputDirectory: directory, date: today)
            ShadowCommand.printSummary(run, directory: directory)
            if follow {
                try ShadowFollow(plant: plant, map: signalMap, detector: detector, telemetry: telemetry, directory: directory,
                                 values: run.calibration?.values ?? plant.scenarioValues, date: today)
                    .loop(from: run, pollSeconds: pollSeconds, polls: polls)
            }
        } catch let error as TelemetryError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ScenarioInput.dataError
        } catch let error as ShadowError {
            FileHandle.standardError.write(Data("\(scenario): \(error.description)\n".utf8))
            throw ScenarioInput.dataError
        }
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
