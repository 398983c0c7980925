import Foundation
import Scenario
import Shadow
@testable import Telemetry
import XCTest

extension PrometheusScrapeTests {
    /// Issue 14's last Prometheus acceptance: `shadow` reading `query_range` from the server gives the same comparison as
    /// reading the same samples from CSV.
    ///
    /// The map names one PromQL query per signal of what Prometheus scraped from `serve` (the cohort's GPU temperature for
    /// every tank; GPU power as H100 idle + dynamic power at the served utilisation, 75 + 625·u W, computed by PromQL);
    /// the reference hall's plant (`Scenarios/telemetry/reference-hall-week.yaml`, all-immersion, as shadow needs) is
    /// driven by them. The same rows are then written to a CSV file (shortest round-trip decimals, so every double
    /// survives), with a map naming the CSV's columns, and read back through `CSVTelemetryReader`. Expected: the aligned
    /// data and the comparisons are identical, exactly (no tolerance: the same doubles go through the same code).
    func assertShadowReadsPrometheusLikeCSV(base: String, start: Double, end: Double, root: URL) throws {
        let spec = try ScenarioLoader.load(path: ServeProcess.packageRoot.appendingPathComponent("Scenarios/telemetry/reference-hall-week.yaml").path)
        let plant = try ShadowPlant(spec: spec)
        let signals: [(signal: String, query: String, unit: String)] = [
            ("supply_temperature", "facility_water_supply_temperature_celsius", "°C"),
            ("outdoor_dry_bulb", "outdoor_dry_bulb_celsius", "°C"),
            ("pump_power", "pump_power_watts", "W"),
            ("it_power", "it_power_watts", "W"),
            ("facility_power", "facility_power_watts", "W"),
            ("tank[*].gpu_power", "75 + 625 * it_utilisation_ratio", "W"),
            ("tank[*].gpu_temperature", #"gpu_temperature_celsius{cohort="liquid_immersion"}"#, "°C"),
        ]
        func writeMap(_ name: String, _ series: (Int) -> String) throws -> SignalMap {
            let path = root.appendingPathComponent(name).path
            let lines = signals.enumerated().map { i, s in "  \(s.signal): {series: '\(series(i).replacingOccurrences(of: "'", with: "''"))', unit: \(s.unit)}" }
            try ("signals:\n" + lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return try SignalMap.read(path: path, tanks: plant.tanks)
        }
        let promMap = try writeMap("prometheus-map.yaml") { signals[$0].query }
        let served = try ShadowTelemetry.read(map: promMap, startSeconds: start, endSeconds: end, stepSeconds: 1) { queries, a, b, step in
            try PrometheusClient.queryRange(baseURL: base, queries: queries.map { (name: $0, query: $0) }, start: a, end: b, step: step)
        }
        XCTAssertGreaterThanOrEqual(served.timestamps.count, 10)
        // The same samples as CSV: column s<i> holds signal i's query.
        var csv = "timestamp," + signals.indices.map { "s\($0)" }.joined(separator: ",") + "\n"
        for (r, time) in served.timestamps.enumerated() {
            let fields = signals.map { s -> String in
                let v = served.values[r][served.columnIndex(s.query)!]
                return v.isNaN ? "" : "\(v)"
            }
            csv += ISO8601.string(time) + "," + fields.joined(separator: ",") + "\n"
        }
        let csvPath = root.appendingPathComponent("served.csv").path
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        let csvMap = try writeMap("csv-map.yaml") { "s\($0)" }
        let a = try ShadowData.align(served, map: promMap, tanks: plant.tanks)
        let b = try ShadowData.align(try CSVTelemetryReader.read(path: csvPath), map: csvMap, tanks: plant.tanks)
        XCTAssertEqual(a.times, b.times)
        XCTAssertEqual(a.gpuPowerWatts, b.gpuPowerWatts)
        let viaPrometheus = SignalComparison.compare(a, plant.predict(a, values: plant.scenarioValues))
        let viaCSV = SignalComparison.compare(b, plant.predict(b, values: plant.scenarioValues))
        XCTAssertFalse(viaPrometheus.isEmpty)
        XCTAssertEqual(viaPrometheus, viaCSV, "shadow via query_range = shadow via CSV of the same samples")
    }
}
