import Foundation
import Reporting
import Telemetry

/// Writes a shadow run's files into a directory: `summary.json`, `report.html` (measured-vs-simulated and residual
/// charts, the comparison and calibration tables), `calibrated.yaml` (with `--fit`), `drift.prom` (OpenMetrics), `simulated.csv`
/// (the twin's value of every measured output at every instant) and `audit.jsonl` (one entry per drift alarm). Files are written under temporary names and renamed, so a failure never
/// leaves half a report.
public enum ShadowReport {
    /// Writes every file; returns the paths written.
    public static func write(_ run: ShadowRun, detector: DriftDetector, scenarioPath: String, outputDirectory: String,
                             date: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        var files: [(String, Data)] = []
        var overlayName: String?
        if let calibration = run.calibration {
            overlayName = "calibrated.yaml"
            let yaml = CalibratedOverlay.yaml(calibration: calibration, scenarioName: run.scenarioName, scenarioPath: scenarioPath,
                                              telemetry: run.telemetrySource, date: date, outputDirectory: outputDirectory)
            files.append(("calibrated.yaml", Data(yaml.utf8)))
        }
        let summary = ShadowSummary(run, detector: detector, overlay: overlayName)
        files.append(("summary.json", try summary.json() + Data("\n".utf8)))
        files.append(("report.html", Data(html(run).utf8)))
        files.append(("drift.prom", Data(metrics(run, detector: detector).utf8)))
        files.append(("simulated.csv", Data(simulatedCSV(run).utf8)))
        files.append(("audit.jsonl", Data(audit(run, detector: detector, date: date).utf8)))
        var written: [String] = []
        for (name, data) in files {
            let path = (outputDirectory as NSString).appendingPathComponent(name)
            let temporary = path + ".partial"
            try data.write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
            written.append(path)
        }
        return written
    }

    /// OpenMetrics text: per signal the CUSUM peak and whether it alarmed, and the alarm count.
    static func metrics(_ run: ShadowRun, detector: DriftDetector) -> String {
        metrics(alarms: run.alarms, peaks: run.cusumPeak, detector: detector)
    }

    /// OpenMetrics text for `alarms` and the CUSUM `peaks` per signal.
    static func metrics(alarms: [DriftDetector.Alarm], peaks: [String: Double], detector: DriftDetector) -> String {
        var m = "# HELP factory_twin_shadow_drift_alarm 1 when the signal's CUSUM of standardised residuals left its calibrated band.\n"
        m += "# TYPE factory_twin_shadow_drift_alarm gauge\n"
        let alarmed = Set(alarms.map(\.signal))
        let names = peaks.keys.sorted()
        for s in names { m += "factory_twin_shadow_drift_alarm{signal=\"\(s)\"} \(alarmed.contains(s) ? 1 : 0)\n" }
        m += "# HELP factory_twin_shadow_cusum_peak Largest two-sided CUSUM statistic of the signal (alarm above the threshold).\n"
        m += "# TYPE factory_twin_shadow_cusum_peak gauge\n"
        for s in names { m += "factory_twin_shadow_cusum_peak{signal=\"\(s)\"} \(peaks[s]!)\n" }
        m += "# HELP factory_twin_shadow_cusum_threshold CUSUM alarm threshold h.\n# TYPE factory_twin_shadow_cusum_threshold gauge\n"
        m += "factory_twin_shadow_cusum_threshold \(detector.h)\n"
        m += "# HELP factory_twin_shadow_drift_alarms Signals in alarm.\n# TYPE factory_twin_shadow_drift_alarms gauge\n"
        m += "factory_twin_shadow_drift_alarms \(alarms.count)\n# EOF\n"
        return m
    }

    /// One JSON line per alarm: what happened, why (the rule and the statistic), which observation drove it.
    static func audit(_ run: ShadowRun, detector: DriftDetector, date: String) -> String {
        audit(run.alarms, source: run.telemetrySource, detector: detector, date: date)
    }

    static func audit(_ alarms: [DriftDetector.Alarm], source: String, detector: DriftDetector, date: String) -> String {
        alarms.map { a in
            let fields: [(String, String)] = [
                ("time", "\"\(ISO8601.string(a.time))\""), ("action", "\"drift_alarm\""), ("signal", "\"\(a.signal)\""),
                ("side", "\"\(a.side)\""), ("authority", "\"notify_human\""),
                ("rule", "\"two-sided CUSUM of (simulated - measured)/sigma, k = \(detector.k), h = \(detector.h)\""),
                ("statistic", "\(a.statistic)"), ("sigma", "\(a.sigma)"), ("telemetry", "\"\(jsonEscape(source))\""),
                ("telemetry_row", "\(a.row)"), ("written", "\"\(date)\""),
            ]
            return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n"
        }.joined()
    }

    static func jsonEscape(_ s: String) -> String { s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
}

extension ShadowReport {
    /// `simulated.csv`: the twin's value of every measured output at every instant (calibrated when calibrated), beside
    /// the telemetry's own timestamps, for plotting or checking elsewhere.
    public static func simulatedCSV(_ run: ShadowRun) -> String {
        let prediction = run.predictionAfter ?? run.predictionBefore
        let signals = run.data.measured.map(\.signal)
        var lines = ["timestamp," + signals.flatMap { ["\($0)", "\($0).measured"] }.joined(separator: ",")]
        let columns = signals.map { prediction.values($0)! }
        for k in run.data.times.indices {
            var f = [ISO8601.string(run.data.times[k])]
            for (i, c) in columns.enumerated() {
                f.append(String(format: "%.6g", c[k]))
                let m = run.data.measured[i].values[k]
                f.append(m.isNaN ? "" : String(format: "%.6g", m))
            }
            lines.append(f.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
