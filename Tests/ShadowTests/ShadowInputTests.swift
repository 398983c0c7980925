import Foundation
@testable import Shadow
import Telemetry
import XCTest

/// Telemetry through the map into the twin: what is skipped is counted, what is wrong is an error naming file, line and
/// field; drift alarms; the calibrated overlay loads as a scenario and carries its provenance.
final class ShadowInputTests: XCTestCase {
    func temporary(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shadow-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let header = "timestamp,sup,p0,p1,t0,t1\n"

    func align(_ csv: String, map: String? = nil, window: Double = 600) throws -> ShadowData {
        let table = try CSVTelemetryReader.parse(Data(csv.utf8), source: "hall.csv")
        let m = try SignalMap.read(path: try temporary("map.yaml", map ?? """
            signals:
              supply_temperature: {series: sup, unit: °F}
              tank[*].gpu_power: {series: "p{tank}", unit: kW}
              tank[*].gpu_temperature: {series: "t{tank}", unit: °C}
            """), tanks: 2)
        return try ShadowData.align(table, map: m, tanks: 2, reorderWindowSeconds: window)
    }

    func error(_ body: () throws -> Void) -> TelemetryError? {
        do { try body(); return nil } catch let e as TelemetryError { return e } catch { XCTFail("\(error)"); return nil }
    }

    /// Units convert (86 °F = 30 °C, 0.5 kW = 500 W); a repeated instant and a late row are skipped and counted; a
    /// missing input is held and counted, a missing output is counted; a 180-s step among 60-s steps is a gap.
    func testSkipsAreCounted() throws {
        let d = try align(ShadowInputTests.header + """
            0,86,0.5,0.5,60,61
            60,86,,0.5,60,
            60,86,0.5,0.5,60,61
            120,86,0.6,0.5,60,61
            90,86,0.6,0.5,60,61
            300,86,0.6,0.5,60,61

            """)
        XCTAssertEqual(d.times, [0, 60, 120, 300])
        XCTAssertEqual(d.supplyCelsius[0], 30, accuracy: 1e-12)
        XCTAssertEqual(d.gpuPowerWatts[0], [500, 500, 600, 600])
        XCTAssertEqual(d.skips.duplicateRows, 1)
        XCTAssertEqual(d.skips.outOfOrderRows, 1)
        XCTAssertEqual(d.skips.inputsHeld["tank[0].gpu_power"], 1)
        XCTAssertEqual(d.skips.outputsMissing["tank[1].gpu_temperature"], 1)
        XCTAssertEqual(d.skips.gaps, 1)
        XCTAssertEqual(d.skips.gapSeconds, 180)
    }

    /// Time going backwards beyond the window, a map naming a series that is not there, a unit of the wrong dimension,
    /// a missing unit and an input never measured are errors at the right file, line and field.
    func testBadTelemetryAndMaps() throws {
        let rows = ShadowInputTests.header + "0,86,0.5,0.5,60,61\n7200,86,0.5,0.5,60,61\n60,86,0.5,0.5,60,61\n"
        let back = error { _ = try self.align(rows) }
        XCTAssertEqual(back?.line, 4)
        XCTAssertEqual(back?.field, "timestamp")
        XCTAssertEqual(back?.message.hasPrefix("time goes backwards by 7140"), true)
        let missing = error { _ = try self.align(rows, map: "signals:\n  supply_temperature: {series: supply, unit: °C}\n  tank[*].gpu_power: {series: \"p{tank}\", unit: W}\n") }
        XCTAssertEqual(missing?.line, 2)
        XCTAssertEqual(missing?.field, "supply_temperature")
        XCTAssertEqual(missing?.message.hasPrefix("series 'supply' is not in hall.csv"), true)
        let unit = error { _ = try self.align(rows, map: "signals:\n  supply_temperature: {series: sup, unit: kW}\n") }
        XCTAssertEqual(unit?.field, "supply_temperature")
        XCTAssertEqual(unit?.column, 43)
        let noUnit = error { _ = try self.align(rows, map: "signals:\n  supply_temperature: {series: sup}\n") }
        XCTAssertEqual(noUnit?.message.hasPrefix("missing `unit:`"), true)
        let noInput = error { _ = try self.align(rows, map: "signals:\n  supply_temperature: {series: sup, unit: °F}\n") }
        XCTAssertEqual(noInput?.field, "tank[0].gpu_power")
        let empty = error { _ = try self.align(ShadowInputTests.header + "0,86,,,60,61\n60,86,,,60,61\n") }
        XCTAssertEqual(empty?.field, "tank[0].gpu_power")
        XCTAssertEqual(empty?.message.hasPrefix("series 'p0' has no valid sample"), true)
    }

    /// CUSUM by hand: σ = 1 K, an error of +2 K from row 10 on adds 2 − 0.5 = 1.5 a row to S⁺, which passes h = 15 at
    /// the 11th such row (16.5 > 15; 15.0 after 10 is not above), i.e. row 20; before row 10 errors of 0 leave S at 0.
    func testCUSUMAlarmsWhenTheResidualShifts() {
        let rows = 40
        let times = (0..<rows).map { Double($0) * 60 }
        var prediction = ShadowPrediction(rows: rows, tanks: 1)
        prediction.gpuTemperature[0] = Array(repeating: 50, count: rows)
        let measured = (0..<rows).map { $0 < 10 ? 50.0 : 48.0 }
        let data = ShadowData(source: "unit", times: times, gpuPowerWatts: [Array(repeating: 500, count: rows)],
                              supplyCelsius: Array(repeating: 30, count: rows), dryBulbCelsius: nil,
                              measured: [(ShadowSignal(.gpuTemperature, tank: 0), measured)], skips: SkipCounts())
        var states: [String: DriftDetector.State] = [:]
        let scan = DriftDetector().scan(data, prediction, sigma: ["gpu_temperature": 1], states: &states)
        XCTAssertEqual(scan.alarms.count, 1)
        XCTAssertEqual(scan.alarms.first?.row, 20)
        XCTAssertEqual(scan.alarms.first?.side, "high")
        XCTAssertEqual(scan.alarms.first?.statistic ?? 0, 16.5, accuracy: 1e-12)
    }
}
