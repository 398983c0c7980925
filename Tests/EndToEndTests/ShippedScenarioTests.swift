import Foundation
import XCTest
@testable import FacilitySim
import Reporting
import Scenario

/// Runs the scenarios shipped in `Scenarios/` and checks the physics invariants and published anchors.
final class ShippedScenarioTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name)").path }

    static func run(_ name: String) throws -> RunResult {
        try FacilitySimulation(spec: ScenarioLoader.load(path: scenario(name))).run()
    }

    /// Every scenario shipped in Scenarios/ validates.
    func testEveryShippedScenarioValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }
        XCTAssertGreaterThanOrEqual(files.count, 2)
        for file in files {
            XCTAssertNoThrow(try ScenarioLoader.load(path: Self.scenario(file)), file)
        }
    }

    /// Every scenario shipped in Scenarios/ runs end to end: energy balance within 1e-9 relative (closed-form
    /// thermal integration leaves only rounding), PUE ≥ 1, ERE ≤ PUE (reuse only lowers it), and the simulated
    /// time equals the horizon. A request-fidelity scenario runs its first two minutes (its hour takes minutes in a
    /// debug build; `RequestScenarioTests` checks its serving figures).
    func testEveryShippedScenarioRuns() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for file in files {
            var spec = try ScenarioLoader.load(path: Self.scenario(file))
            // Request fidelity simulates every request (millions per hour): two minutes of it keep a debug build fast.
            if spec.fidelity == .request { spec.horizonSeconds = min(spec.horizonSeconds, 120) }
            let s = try FacilitySimulation(spec: spec).run().summary
            XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9, file)
            XCTAssertGreaterThanOrEqual(s.pue, 1, file)
            XCTAssertLessThanOrEqual(s.ere, s.pue + 1e-15, file)
            XCTAssertEqual(s.simulatedSeconds, spec.horizonSeconds, file)
        }
    }

    /// Energy balance: electricity in = heat rejected + heat recovered + Δ stored heat, to 1e-9 relative,
    /// over a year of each shipped scenario (the thermal chains are integrated in closed form, so only
    /// floating-point rounding remains). PUE ≥ 1, ERE ≤ PUE, and the subsystems sum to the facility energy.
    func testEnergyBalanceAndMetricInvariants() throws {
        for name in ["reference-immersion.yaml", "traditional-air-cooled.yaml"] {
            let s = try Self.run(name).summary
            XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9, name)
            XCTAssertGreaterThanOrEqual(s.pue, 1, name)
            XCTAssertLessThanOrEqual(s.ere, s.pue + 1e-15, name)
            let sum = s.energyBySubsystemJoules.values.reduce(0, +)
            XCTAssertEqual(sum, s.facilityEnergyJoules, accuracy: 1e-9 * sum, name)
            XCTAssertEqual(s.simulatedSeconds, 8760 * 3600)
        }
    }

    /// Published anchors the issue names: liquid-cooled annual PUE 1.03–1.15 (NREL ESIF 1.04, Google fleet
    /// 1.10), traditional air-cooled 1.35–1.65 (Uptime Institute 2023 average 1.58). The sourced defaults
    /// are not tuned to these ranges; this test guards against a regression that moves them out.
    func testAnnualPUEWithinPublishedAnchors() throws {
        let liquid = try Self.run("reference-immersion.yaml").summary
        let air = try Self.run("traditional-air-cooled.yaml").summary
        XCTAssert((1.03...1.15).contains(liquid.pue), "reference PUE \(liquid.pue)")
        XCTAssert((1.35...1.65).contains(air.pue), "traditional PUE \(air.pue)")
        XCTAssertGreaterThan(liquid.erf, 0, "heat recovery is enabled in the reference design")
        XCTAssertEqual(air.erf, 0)
    }

    /// Same scenario and seed twice: identical summaries except the wall-clock field, and identical time series.
    func testDeterministic() throws {
        var a = try Self.run("reference-immersion.yaml")
        var b = try Self.run("reference-immersion.yaml")
        a.summary.wallSeconds = 0
        b.summary.wallSeconds = 0
        XCTAssertEqual(try ResultWriter.summaryJSON(a.summary), try ResultWriter.summaryJSON(b.summary))
        XCTAssertEqual(a.timeSeries, b.timeSeries)
    }
}
