import Foundation
import Operations
import XCTest
@testable import FacilitySim
import Reporting
import Scenario

/// No vacuous gate (issue 15 item 7): `check` judges the scenario's own thermal threshold and energy balance whatever
/// its `limits:` block holds, and `replay` reapplies the `--set` overrides a run was loaded with.
final class GateAndReplayOverrideTests: XCTestCase {
    /// The reference scenario (no `limits:` block) with `--set thermal_management.gpu_temperature_threshold=45°C`.
    /// Expected: its immersion GPUs sit ≈ 38 K above tank fluid near 40 °C (README, "What a year…"), far above 45 °C
    /// all year, so the gate fails on the peak (> 45.05 °C) and on the time above (allowed 0 s), and its message
    /// names the time above the 45 °C threshold; the energy-balance row (≤ 1e-9) is judged and passes.
    func testReferenceFailsAt45Celsius() throws {
        let spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("reference-immersion.yaml"),
                                           overrides: [ScenarioOverride(argument: "thermal_management.gpu_temperature_threshold=45°C")])
        XCTAssertNil(spec.limits, "the reference has no limits: block, so only the always-judged rows apply")
        let summary = try FacilitySimulation(spec: spec).run().summary
        let result = CheckGate.evaluate(summary, limits: spec.limits, baseline: nil)
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.rows.filter { !$0.passed }.map(\.metric), ["gpu_temperature_threshold", "seconds_above_gpu_limit"])
        XCTAssertTrue(result.rows.contains { $0.metric == "energy_balance_relative_error" && $0.passed })
        XCTAssertGreaterThan(summary.secondsAboveGpuLimit, 0.5 * spec.horizonSeconds)
        let table = CheckGate.table([result])
        XCTAssertTrue(table.contains("above the 45 °C threshold"), table)
        XCTAssertTrue(table.contains(" h) above"), table)
    }

    /// A trail written by `run --set …` (the 24 h heatwave, reactive, hysteresis 2 K instead of 3 K, seed 7) records
    /// the overrides on its first line; loading for replay reapplies them and the trail verifies line for line. The
    /// same trail against the file without the overrides fails (its first line differs), so the overrides matter.
    func testReplayOfRunSetTrailPasses() throws {
        let arguments = ["horizon=24 h", "thermal_management.controller=reactive", "thermal_management.hysteresis=2 K"]
        let path = ShippedScenarioTests.scenario("heatwave-throttling.yaml")
        var spec = try ScenarioLoader.load(path: path, overrides: arguments.map { try ScenarioOverride(argument: $0) })
        XCTAssertEqual(spec.overrides, arguments)
        spec.seed = 7
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-replay-set-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ResultWriter.write(try FacilitySimulation(spec: spec).run(), to: dir)
        let text = try String(contentsOf: dir.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertEqual(try AuditReplay.recordedOverrides(in: text), arguments)

        let replaySpec = try ScenarioLoader.loadForReplay(path: path, recordedText: text)
        XCTAssertEqual(replaySpec.thermalManagement.hysteresisKelvin, 2)
        let report = try AuditReplay.verify(recordedText: text, spec: replaySpec)
        XCTAssertEqual(report.seed, 7)
        XCTAssertGreaterThan(report.lines, 2)

        let plain = try ScenarioLoader.load(path: path)
        XCTAssertThrowsError(try AuditReplay.verify(recordedText: text, spec: plain))
    }
}
