import Foundation
import XCTest
import FacilityModels
import FacilitySim
import Scenario

/// Issue 16: summary.json lists every parameter the run used with its source or the flag "assumed".
final class PlantParameterSummaryTests: XCTestCase {
    /// A week of the reference scenario: summary.json's `parameters` is exactly the catalogue's reads, each with a
    /// kind and a source, `assumed` true exactly for the assumptions; it includes the parameters that move the
    /// reference verdicts (chip-to-fluid resistance, the fluid's ρ and cp, the exchanger, the UPS, the room air).
    func testSummaryListsEveryParameterTheRunRead() throws {
        var spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("reference-immersion.yaml"))
        spec.horizonSeconds = 7 * 24 * 3600
        let simulation = try FacilitySimulation(spec: spec)
        let listed = try XCTUnwrap(simulation.run().summary.parameters)
        XCTAssertEqual(listed.map(\.name), simulation.parameterCatalogue.usedEntries.map(\.name))
        for p in listed {
            XCTAssertFalse(p.source.isEmpty, p.name)
            XCTAssertEqual(p.assumed, p.kind == "assumed", p.name)
        }
        let names = Set(listed.map(\.name))
        for p: PlantParameter in [.immersionJunctionToFluidKelvinPerWatt, .immersionFluidDensityKilogramsPerCubicMeter,
                                  .immersionFluidSpecificHeatJoulesPerKilogramKelvin, .immersionHXEffectiveness,
                                  .heatExchangerUAFlowExponent, .upsDoubleConversionFixedLossFraction, .roomChilledWaterSupplyCelsius,
                                  .chillerCarnotFraction, .dryCoolerApproachKelvin, .junctionToCaseKelvinPerWatt] {
            XCTAssertTrue(names.contains(p.name), "\(p.name) not listed")
        }
        XCTAssertEqual(listed.first { $0.name == "dryCoolerApproachKelvin" }?.kind, "scenario", "the scenario file sets it")
    }
}
