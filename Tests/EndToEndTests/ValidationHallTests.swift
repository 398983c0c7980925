import Foundation
import XCTest
import FacilitySim
import Scenario

/// The validation halls of `Scenarios/validation/`: published facilities rebuilt from their published designs, run
/// for a year with the model's default parameters (the same for all three; nothing tuned per hall), and compared
/// with the published measured figure. Each test states the published figure, the tolerance and — where the model
/// misses — the known discrepancy and its cause, asserted as a gap of stated sign and size.
final class ValidationHallTests: XCTestCase {
    static func run(_ name: String) throws -> RunSummary {
        let path = ShippedScenarioTests.root.appendingPathComponent("Scenarios/validation/\(name)").path
        return try FacilitySimulation(spec: ScenarioLoader.load(path: path)).run().summary
    }

    /// NREL ESIF: measured annualised PUE 1.036 (nrel.gov "measuring-efficiency-pue"; TTM 1.04, NREL/PR-2C00-70433).
    /// ESIF's published breakdown meters lights and plugs, cooling, pumps and HVAC against IT, and no UPS or
    /// distribution loss; on that boundary — facility energy less the power chain's losses, over IT — the twin must
    /// give 1.036 ± 0.01 (the spread between the annualised 1.036 and the trailing-twelve-month 1.04, doubled).
    /// Known discrepancy on the full boundary: the twin also counts its eco-mode UPS and transformer (about 2.8 % of
    /// IT) and chills the hall's residual room air (ESIF uses none), so its full PUE sits 0–0.04 above 1.036.
    func testNRELESIF() throws {
        let s = try Self.run("nrel-esif.yaml")
        XCTAssertEqual(s.meanItPowerWatts, 1.0e6, accuracy: 0.1e6, "the published design's ~1 MW hourly-average IT load")
        let chain = s.energyBySubsystemJoules["power_chain_losses"] ?? 0
        let esifBoundary = (s.facilityEnergyJoules - chain) / s.itEnergyJoules
        XCTAssertEqual(esifBoundary, 1.036, accuracy: 0.01)
        XCTAssertGreaterThanOrEqual(s.pue - 1.036, 0, "known discrepancy: the twin's power-chain losses are outside ESIF's metering")
        XCTAssertLessThanOrEqual(s.pue - 1.036, 0.04)
    }

    /// Intel / Green Revolution Cooling mineral-oil pilot: measured cooling pPUE 1.02–1.03 over a year (Intel via
    /// Elektor and Wired, 2012). The twin's pPUE (IT + cooling)/IT must lie within 0.01 of that range.
    func testIntelGRCImmersion() throws {
        let s = try Self.run("intel-grc-immersion.yaml")
        let distance = max(0, 1.02 - s.ppueCooling, s.ppueCooling - 1.03)
        XCTAssertLessThanOrEqual(distance, 0.01, "pPUE \(s.ppueCooling)")
    }

    /// Air-cooled hall against the Uptime Institute survey average (1.58 in 2023; 1.55–1.59 since 2020).
    /// Known discrepancy, not tuned away: the shipped conventional design (constant-speed CRAH fans, 6.7 °C chilled
    /// water all year, no economiser, 2N UPS) gives a PUE about 0.21 below the survey average. The survey is of a
    /// population of older halls run far below their design load, where fixed losses weigh more; this hall runs at
    /// 75 % of its IT capacity. The test holds the gap's sign and size (−0.26…−0.16), so a change of the model that
    /// moves it is seen.
    func testUptimeAverageAirHall() throws {
        let s = try Self.run("uptime-average-air.yaml")
        let gap = s.pue - 1.58
        XCTAssertLessThan(gap, -0.16, "PUE \(s.pue)")
        XCTAssertGreaterThan(gap, -0.26, "PUE \(s.pue)")
    }
}
