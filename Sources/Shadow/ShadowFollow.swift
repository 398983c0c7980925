import Foundation
import Telemetry

/// `shadow --follow`: re-reads a growing telemetry file every few seconds, predicts it with the calibrated values and
/// carries each signal's CUSUM on over the new instants; a new alarm is printed on stderr, appended to `audit.jsonl`,
/// and `drift.prom` is rewritten with the current state.
public struct ShadowFollow {
    let plant: ShadowPlant
    let map: SignalMap
    let detector: DriftDetector
    let telemetry: String
    let directory: String
    let values: ShadowValues
    let date: String

    public init(plant: ShadowPlant, map: SignalMap, detector: DriftDetector, telemetry: String, directory: String,
                values: ShadowValues, date: String) {
        self.plant = plant
        self.map = map
        self.detector = detector
        self.telemetry = telemetry
        self.directory = directory
        self.values = values
        self.date = date
    }

    /// Polls `polls` times (0: until interrupted), `pollSeconds` apart, continuing from `run`.
    /// - Throws: `TelemetryError` when the file turns bad.
    public func loop(from run: ShadowRun, pollSeconds: Double, polls: Int) throws {
        var states = run.cusumStates
        var peaks = run.cusumPeak
        var alarms = run.alarms
        var processed = run.data.times.count
        var count = 0
        while polls == 0 || count < polls {
            Thread.sleep(forTimeInterval: pollSeconds)
            count += 1
            let data = try ShadowData.align(try ShadowTelemetry.read(telemetry, partialLastLine: true), map: map, tanks: plant.tanks)
            guard data.times.count > processed else { continue }
            let prediction = plant.predict(data, values: values)
            let scan = detector.scan(data, prediction, sigma: run.bands, from: processed, states: &states)
            for (k, v) in scan.maxStatistic { peaks[k] = max(peaks[k] ?? 0, v) }
            processed = data.times.count
            alarms += scan.alarms
            for a in scan.alarms {
                FileHandle.standardError.write(Data("drift alarm: \(a.signal) at \(ISO8601.string(a.time)) (\(a.side), CUSUM \(String(format: "%.1f", a.statistic)))\n".utf8))
            }
            if !scan.alarms.isEmpty, let handle = FileHandle(forWritingAtPath: (directory as NSString).appendingPathComponent("audit.jsonl")) {
                handle.seekToEndOfFile()
                handle.write(Data(ShadowReport.audit(scan.alarms, source: data.source, detector: detector, date: date).utf8))
                try? handle.close()
            }
            let path = (directory as NSString).appendingPathComponent("drift.prom")
            try Data(ShadowReport.metrics(alarms: alarms, peaks: peaks, detector: detector).utf8).write(to: URL(fileURLWithPath: path + ".partial"))
            _ = try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        }
    }
}
