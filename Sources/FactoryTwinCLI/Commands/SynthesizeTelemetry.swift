import ArgumentParser
import Foundation
import Scenario
import Shadow
import Telemetry

/// `factory-twin synthesize-telemetry SCENARIO --truth TRUTH.yaml --out FILE.csv`: a hall's telemetry produced by the
/// twin with hidden truth values, spoilt as real telemetry is (see `SyntheticTelemetry`); also writes its map file.
struct SynthesizeTelemetry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize-telemetry",
        abstract: "Write a synthetic telemetry CSV (and its map) from a scenario and hidden truth values.")

    @Argument(help: "Scenario of the hall (its horizon, load and weather).")
    var scenario: String

    @Option(help: "Truth file: parameters (field path: value), seed, start (ISO 8601 UTC).")
    var truth: String

    @Option(help: "CSV file to write; the map is written beside it as <name>.map.yaml.")
    var out: String

    func run() throws {
        let spec = try ScenarioInput.load(scenario)
        do {
            let t = try ShadowTruth.read(path: truth)
            let csv = try SyntheticTelemetry(startEpochSeconds: t.startEpochSeconds, seed: t.seed).csv(spec: spec, truth: t.applied(to: spec))
            try Data(csv.utf8).write(to: URL(fileURLWithPath: out))
            let mapPath = (out as NSString).deletingPathExtension + ".map.yaml"
            try Data(SyntheticTelemetry.mapYAML().utf8).write(to: URL(fileURLWithPath: mapPath))
            print("wrote \(out) (\(csv.utf8.count) bytes) and \(mapPath)")
        } catch let error as TelemetryError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ScenarioInput.dataError
        }
    }
}
