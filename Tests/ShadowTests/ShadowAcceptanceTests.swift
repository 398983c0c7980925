import FacilitySim
import Scenario
import Shadow
import Telemetry
import XCTest

/// Issue 14's identifiability acceptance on the shipped noisy week (`Scenarios/telemetry/`): the fit must recover the
/// hidden truth, which this test reads from `truth.yaml` (the scenario does not hold it).
final class ShadowAcceptanceTests: XCTestCase {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/telemetry")

    static func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Chip-to-fluid resistance, tank fluid volume (heat capacity V·ρ·c_p) and pump coefficient must each lie within the
    /// fit's own 95 % interval and within 5 % of the truth; after calibration the pooled GPU-temperature MAPE must be at
    /// most 1 % and the facility-power MAPE at most 2 %, and the uncalibrated errors larger. The drifting sensor (tank 7,
    /// +0.5 K/day from day 3) must raise the drift alarm, and be left out of the final fit.
    func testFitRecoversTheHiddenTruth() throws {
        let spec = try ScenarioLoader.load(path: ShadowAcceptanceTests.path("reference-hall-week.yaml"))
        let truth = try ShadowTruth.read(path: ShadowAcceptanceTests.path("truth.yaml"))
        let plant = try ShadowPlant(spec: spec)
        let map = try SignalMap.read(path: ShadowAcceptanceTests.path("reference-hall-week.map.yaml"), tanks: plant.tanks)
        let data = try ShadowData.align(try CSVTelemetryReader.read(path: ShadowAcceptanceTests.path("reference-hall-week.csv")),
                                        map: map, tanks: plant.tanks)
        XCTAssertGreaterThan(data.skips.duplicateRows, 0)
        XCTAssertGreaterThan(data.skips.outOfOrderRows, 0)
        XCTAssertGreaterThan(data.skips.gaps, 0)
        let run = try ShadowRun.run(plant: plant, data: data, fit: ShadowParameter.defaultFit)
        let calibration = try XCTUnwrap(run.calibration)
        XCTAssertTrue(calibration.converged)
        for e in calibration.estimates {
            let p = try XCTUnwrap(ShadowParameter(rawValue: e.parameter))
            let t = try XCTUnwrap(truth.values[p])
            XCTAssertFalse(e.unidentifiable, e.parameter)
            XCTAssertTrue(e.lower95 <= t && t <= e.upper95, "\(e.parameter): truth \(t) outside [\(e.lower95), \(e.upper95)]")
            XCTAssertEqual(e.estimate, t, accuracy: 0.05 * t, e.parameter)
            XCTAssertGreaterThan(abs(e.scenarioValue - t), 0.1 * t, "the scenario must start away from the truth")
        }
        let gpu = run.pooled(.gpuTemperature)
        XCTAssertLessThanOrEqual(try XCTUnwrap(gpu.after).mapePercent, 1)
        XCTAssertGreaterThan(try XCTUnwrap(gpu.before).mapePercent, try XCTUnwrap(gpu.after).mapePercent)
        let facility = try XCTUnwrap(run.after?.first { $0.signal == "facility_power" })
        XCTAssertLessThanOrEqual(facility.mapePercent, 2)
        XCTAssertGreaterThan(try XCTUnwrap(run.before.first { $0.signal == "facility_power" }).mapePercent, facility.mapePercent)
        XCTAssertEqual(run.alarms.map(\.signal), ["tank[7].gpu_temperature"])
        XCTAssertTrue(calibration.excluded.contains("tank[7].gpu_temperature"))
    }
}
