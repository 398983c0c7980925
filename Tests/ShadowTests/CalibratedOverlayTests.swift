import FacilitySim
import Foundation
import Scenario
@testable import Shadow
import XCTest

/// The calibrated overlay is a scenario: it extends the original, sets the identified estimates, leaves out the
/// unidentifiable ones, and its provenance reaches every run's summary.
final class CalibratedOverlayTests: XCTestCase {
    /// An overlay written in a temporary directory for the shipped week's scenario with two estimates (one flagged
    /// unidentifiable) loads with the identified value in force, the flagged one at the original's value (0.8 is the
    /// default effectiveness), `provenance` set, and a 1-hour run of it carries the provenance in its summary.
    func testOverlayLoadsAndCarriesProvenance() throws {
        let scenario = ShadowAcceptanceTests.path("reference-hall-week.yaml")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let spec = try ScenarioLoader.load(path: scenario)
        let calibration = ShadowCalibration(
            estimates: [
                .init(parameter: ShadowParameter.junctionToFluid.rawValue, unit: "K/W", scenarioValue: 0.06, estimate: 0.0521,
                      standardError: 1e-5, lower95: 0.05208, upper95: 0.05212, unidentifiable: false),
                .init(parameter: ShadowParameter.hxEffectiveness.rawValue, unit: "", scenarioValue: 0.8, estimate: 0.5,
                      standardError: 1, lower95: -1.5, upper95: 2.5, unidentifiable: true),
            ],
            correlation: [[1, 0], [0, 1]], sigma: [:], residuals: 10, iterations: 1, evaluations: 1, converged: true, excluded: [],
            values: ShadowValues(spec: spec))
        let yaml = CalibratedOverlay.yaml(calibration: calibration, scenarioName: spec.name, scenarioPath: scenario,
                                          telemetry: "week.csv", date: "2026-12-03", outputDirectory: dir.path)
        let path = dir.appendingPathComponent("calibrated.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        var overlay = try ScenarioLoader.load(path: path)
        XCTAssertEqual(overlay.name, "reference-hall-week-calibrated")
        XCTAssertEqual(overlay.plant.immersionJunctionToFluid ?? 0, 0.0521, accuracy: 1e-12)
        XCTAssertNil(overlay.plant.immersionHXEffectiveness)
        XCTAssertEqual(overlay.provenance, ["calibrated from week.csv, 2026-12-03"])
        XCTAssertTrue(yaml.contains("Not identifiable from this telemetry, left at the original's value: immersion.hx_effectiveness"))
        overlay.horizonSeconds = 3600
        overlay.serving = nil
        overlay.reliability = ReliabilitySpec()
        overlay.aiGovernance = nil
        overlay.economics = nil
        let summary = try FacilitySimulation(spec: overlay).run().summary
        XCTAssertEqual(summary.provenance, ["calibrated from week.csv, 2026-12-03"])
    }
}
