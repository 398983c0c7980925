import FacilitySim
import Foundation
import Scenario
import XCTest
@testable import Studies

/// The one-at-a-time sensitivity study behind the run report's tornado charts.
final class SensitivityStudyTests: XCTestCase {
    /// The fixture hall (tanks only, one day) with an economics block and throttling off, so the GPU power does not
    /// depend on the temperature.
    static let extra = """
    economics:
      energy_price: 0.094 USD/kWh
    """

    func study(_ path: String, threads: Int = 1) throws -> (SensitivityResult, RunSummary) {
        let overrides = [ScenarioOverride(path: "thermal_management.automatic_throttling", value: "disabled")]
        let spec = try ScenarioLoader.load(path: path, overrides: overrides)
        let nominal = try ReplicationRunner.runOne(spec, replication: 0).summary
        return (try SensitivityStudy(path: path, overrides: overrides, threads: threads).run(spec: spec, nominal: nominal), nominal)
    }

    /// Chip-to-fluid resistance over its catalogue range 0.03 → 0.06 K/W with the clock held: the GPU junction sits P·R above the tank fluid,
    /// and the fluid does not depend on R, so the peak rises by P·ΔR with P the GPU power at the peak. P recovered as
    /// ΔT/ΔR must lie between the H100's idle 75 W and its TDP 700 W (catalogue). (PUE moves a little with R: hotter
    /// GPUs fail more often under the Arrhenius law, which changes the IT load.) Energy price 0.068 → 0.18 USD/kWh changes cost but not PUE or temperature
    /// (equal exactly: the price is read after the physics), and cost rises with price. The plant parameters varied are
    /// exactly those the nominal run read (its summary's `parameters`), so no cold-plate entry appears for a tanks-only
    /// hall; the reliability entry applies (the fixture models GPU failures).
    func testEffectsHaveTheirPhysicalSigns() throws {
        let directory = try StudyFixtures.temporaryDirectory(self)
        let (result, nominal) = try study(try StudyFixtures.writeScenario(in: directory, extra: Self.extra))
        XCTAssertEqual(result.metrics, ["pue", "max_gpu_temperature_celsius", "capacity_weighted_availability", "economics.cost_per_gpu_hour_usd"])
        XCTAssertEqual(result.nominal["pue"], nominal.pue)
        let r = try XCTUnwrap(result.parameters.first { $0.name == "parameters.immersionJunctionToFluidKelvinPerWatt" })
        XCTAssertEqual(r.low, 0.03)
        XCTAssertEqual(r.high, 0.06)
        let t = "max_gpu_temperature_celsius"
        let watts = (r.highValues[t]! - r.lowValues[t]!) / (r.high - r.low)
        XCTAssertGreaterThan(watts, 75)
        XCTAssertLessThan(watts, 700)
        let price = try XCTUnwrap(result.parameters.first { $0.name == "economics.energy_price" })
        XCTAssertEqual(price.lowValues["pue"], price.highValues["pue"])
        XCTAssertEqual(price.lowValues[t], price.highValues[t])
        XCTAssertGreaterThan(price.highValues["economics.cost_per_gpu_hour_usd"]!, price.lowValues["economics.cost_per_gpu_hour_usd"]!)
        let plantNames = Set(result.parameters.map(\.name).filter { $0.hasPrefix("parameters.") })
        XCTAssertEqual(plantNames, Set((nominal.parameters ?? []).map { "parameters.\($0.name)" }))
        XCTAssertFalse(plantNames.contains("parameters.junctionToCaseKelvinPerWatt"))
        XCTAssertNil(result.parameters.first { $0.name == "reliability.gpu.mtbf" }?.notApplicable)
        let applicable = result.parameters.filter { $0.notApplicable == nil }.count
        XCTAssertEqual(result.runs, 1 + 2 * applicable)
        // The tornado's order: the largest temperature swing first, and it is the chip-to-fluid resistance.
        XCTAssertEqual(result.top(t, count: 1).first?.name, "parameters.immersionJunctionToFluidKelvinPerWatt")
    }

    /// Without an economics block no `economics.` parameter runs (it would add a cost model the nominal run lacks)
    /// and the cost metric is absent; the study gives the same result bit for bit on 1 and on 2 threads.
    func testApplicabilityAndThreadIndependence() throws {
        let directory = try StudyFixtures.temporaryDirectory(self)
        let path = try StudyFixtures.writeScenario(in: directory)
        let (one, _) = try study(path, threads: 1)
        let (two, _) = try study(path, threads: 2)
        XCTAssertEqual(one, two)
        XCTAssertFalse(one.metrics.contains { $0.hasPrefix("economics.") })
        for p in one.parameters where p.name.hasPrefix("economics.") {
            XCTAssertEqual(p.notApplicable, "the scenario has no economics block")
            XCTAssertTrue(p.lowValues.isEmpty)
        }
    }

    /// The override text a parameter writes is what the scenario reads: whole numbers without a decimal point.
    func testOverrideText() {
        let p = SensitivityParameter(name: "economics.server_price", unit: "USD", low: 199_000, high: 317_000, source: "s", assumed: false,
                                     requires: .economics)
        XCTAssertEqual(p.override(199_000), "economics.server_price=199000 USD")
        let q = SensitivityParameter(name: "parameters.immersionHXEffectiveness", unit: "", low: 0.7, high: 0.9, source: "s", assumed: true,
                                     requires: .always)
        XCTAssertEqual(q.override(0.7), "parameters.immersionHXEffectiveness=0.7")
    }
}
