import Foundation

/// The calibrated overlay scenario: `extends:` the original and sets each identified parameter to its estimate, with the
/// provenance "calibrated from <telemetry>, <date>" on the value and in the scenario's `provenance:` list, which every
/// later run of it carries into its report.
///
/// Parameters flagged unidentifiable are not written (the original's value stays in force) and are named in a comment.
public enum CalibratedOverlay {
    /// The overlay's YAML, to be written in directory `outputDirectory`.
    public static func yaml(calibration: ShadowCalibration, scenarioName: String, scenarioPath: String, telemetry: String,
                            date: String, outputDirectory: String) -> String {
        let provenance = "calibrated from \(telemetry), \(date)"
        var lines = [
            "# Calibrated overlay written by `factory-twin shadow --fit`: the original scenario with the parameters the telemetry",
            "# identified set to their estimates (95 % intervals beside them). Run it like any scenario.",
            "extends: \(quoted(relativePath(from: outputDirectory, to: scenarioPath)))",
            "name: \(quoted(String((scenarioName + "-calibrated").prefix(100))))",
            "provenance:",
            "  - \(quoted(provenance))",
        ]
        var blocks: [String: [String]] = [:]
        var skipped: [String] = []
        for e in calibration.estimates {
            let parts = e.parameter.split(separator: ".").map(String.init)
            guard parts.count == 2 else { continue }
            if e.unidentifiable { skipped.append(e.parameter); continue }
            let value = String(format: "%.6g", e.estimate) + (e.unit.isEmpty ? "" : " \(e.unit)")
            let interval = String(format: "%.6g … %.6g", e.lower95, e.upper95)
            blocks[parts[0], default: []].append("  \(parts[1]): \(value)   # \(provenance); 95 % interval \(interval); was \(String(format: "%.6g", e.scenarioValue))")
        }
        for block in blocks.keys.sorted() { lines.append("\(block):"); lines += blocks[block]! }
        if !skipped.isEmpty {
            lines.append("# Not identifiable from this telemetry, left at the original's value: \(skipped.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `target` relative to directory `base` (both made absolute against the working directory).
    static func relativePath(from base: String, to target: String) -> String {
        let b = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        let t = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < b.count, common < t.count, b[common] == t[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        return (ups + t[common...]).joined(separator: "/")
    }
}
