import FacilitySim
import Foundation
import Telemetry
import Yams

/// The hidden truth of a synthetic telemetry file: the parameter values, seed and first instant the generator used.
/// Kept in its own file (`Scenarios/telemetry/truth.yaml`) so that neither the scenario nor the fit can read it; tests
/// compare the fit with it.
public struct ShadowTruth: Sendable {
    public var values: [ShadowParameter: Double]
    public var seed: UInt64
    public var startEpochSeconds: Double

    /// Reads `parameters:` (field path → number in canonical units), `seed:` and `start:` (ISO 8601 UTC).
    /// - Throws: `TelemetryError` at the file's line.
    public static func read(path: String) throws -> ShadowTruth {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TelemetryError(file: path, line: 1, message: "cannot read the truth file")
        }
        guard let root = try? Yams.compose(yaml: text)?.mapping else {
            throw TelemetryError(file: path, line: 1, message: "expected a YAML mapping with parameters, seed and start")
        }
        var values: [ShadowParameter: Double] = [:]
        for (k, v) in root["parameters"]?.mapping ?? [:] {
            guard let p = ShadowParameter(name: k.string ?? ""), let x = v.float, x.isFinite else {
                throw TelemetryError(file: path, line: k.mark?.line ?? 1, column: k.mark?.column ?? 1, field: k.string ?? "",
                                     message: "expected a calibratable parameter and a number")
            }
            values[p] = x
        }
        guard let seed = root["seed"]?.int, seed >= 0, let startText = root["start"]?.string, let start = ISO8601.seconds(startText) else {
            throw TelemetryError(file: path, line: 1, message: "needs `seed:` (a whole number) and `start:` (ISO 8601 UTC)")
        }
        return ShadowTruth(values: values, seed: UInt64(seed), startEpochSeconds: start)
    }

    /// The scenario's values with the truth's in their place.
    public func applied(to spec: ScenarioSpec) -> ShadowValues {
        var v = ShadowValues(spec: spec)
        for (p, x) in values { v[p] = x }
        return v
    }
}
