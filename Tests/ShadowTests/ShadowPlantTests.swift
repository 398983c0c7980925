import FacilityModels
import FacilitySim
@testable import Shadow
import XCTest

/// The shadow plant is the twin: its closed forms, and agreement with `FacilitySimulation` on a steady hall.
final class ShadowPlantTests: XCTestCase {
    /// 64 H100s in two 32-GPU tanks, constant utilisation u, constant 10 °C weather, no chiller, no heat recovery.
    static func spec(utilisation u: Double) -> ScenarioSpec {
        var plant = PlantSpec(supplySetpointCelsius: 30, chiller: .none)
        plant.immersionJunctionToFluid = 0.05
        return ScenarioSpec(name: "shadow-unit", seed: 1, horizonSeconds: 3 * 3600, samplingIntervalSeconds: 3600,
                            facility: FacilitySpec(accelerator: "H100-SXM", gpus: 64, gpusPerTank: 32),
                            coolingSystem: CoolingSystemBlock(primary: .liquidImmersion),
                            thermalManagement: ThermalManagementBlock(gpuTemperatureThresholdCelsius: 90, automaticThrottling: false),
                            plant: plant,
                            weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                                hottestDayOfYear: 200, relativeHumidity: 0.5),
                            load: .constant(utilisation: u))
    }

    /// Held inputs for `rows` instants 60 s apart: every tank at GPU power `watts`, supply 30 °C, dry-bulb 10 °C.
    static func data(rows: Int, tanks: Int, watts: (Int) -> Double) -> ShadowData {
        ShadowData(source: "unit", times: (0..<rows).map { Double($0) * 60 }, gpuPowerWatts: Array(repeating: (0..<rows).map(watts), count: tanks),
                   supplyCelsius: Array(repeating: 30, count: rows), dryBulbCelsius: Array(repeating: 10, count: rows),
                   measured: [], skips: SkipCounts())
    }

    /// Steady state by hand at u = 0.75, from the catalogue's defaults: P_GPU = 75 + 0.75·625 = 543.75 W; server
    /// (543.75 + 150 + 75)/0.95 = 809.21 W, design server (700 + 250)/0.95 = 1000 W; so the pumps run at
    /// r = 809.21/1000 = 0.80921 of design flow (above the drives' minimum), and the tank exchanger (design capacity rate
    /// 32·1000 W / 10 K = 3,200 W/K, ε_d 0.8 so NTU_d = 4, UA ∝ r^0.8) has NTU = 4·r^−0.2 = 4.17299, ε = NTU/(1+NTU) =
    /// 0.806688 and G = ε·r·3,200 = 2,088.90 W/K; fluid 30 + 32·809.21/2,088.90 = 42.396 °C; GPU + 0.05·543.75 = 69.584 °C.
    /// A constant input from the steady state must stay there (to 1e-9 K) over 100 steps.
    func testSteadyStateByHand() throws {
        let plant = try ShadowPlant(spec: ShadowPlantTests.spec(utilisation: 0.75))
        let p = plant.predict(ShadowPlantTests.data(rows: 100, tanks: 2) { _ in 543.75 }, values: plant.scenarioValues)
        let r = (543.75 + 225) / 950, ntu = 4 * pow(r, -0.2)
        let expected = 30 + 32 * (543.75 + 225) / 0.95 / (ntu / (1 + ntu) * r * 3200) + 0.05 * 543.75
        XCTAssertEqual(expected, 69.584, accuracy: 1e-3)
        for k in [0, 50, 99] { XCTAssertEqual(p.gpuTemperature[1][k], expected, accuracy: 1e-9) }
        XCTAssertEqual(p.itPower[0], 64 * (543.75 + 225) / 0.95, accuracy: 1e-6)
    }

    /// The propagator is exact: a step from 300 W to 650 W followed over 60-s steps equals `ThermalChain`'s closed-form
    /// trajectory at the same instants (1e-9 K) — with, over each step, the chain at the flow the pumps ran at the step's
    /// start (the plant's `chain(flowRatio:)` at r = heat/design heat) — and a 120-s step (a gap) lands where two 60-s
    /// steps do. Node powers by hand: module P, fluid 32·((P + 150 + 100·u)/0.95 − P), u = (P − 75)/625.
    func testPropagatorMatchesClosedForm() throws {
        let plant = try ShadowPlant(spec: ShadowPlantTests.spec(utilisation: 0.5))
        let values = plant.scenarioValues
        let data = ShadowPlantTests.data(rows: 30, tanks: 1) { $0 == 0 ? 300 : 650 }
        let p = plant.predict(data, values: values)
        let measured = plant.plant(values)
        func server(_ w: Double) -> Double { (w + 150 + 100 * (w - 75) / 625) / 0.95 }
        func inputs(_ w: Double) -> ThermalChain.Inputs {
            ThermalChain.Inputs(modulePowerWatts: w, sinkPowerWatts: 32 * (server(w) - w), coolantCelsius: 30)
        }
        // One tank of two measured: the loop carries 32 servers' heat of a 64-GPU design.
        func chain(_ w: Double) -> ThermalChain { measured.chain(flowRatio: max(0.3, 32 * server(w) / (64 * 1000))) }
        let start = chain(300).steadyState(inputs(300))
        // Row 0's input (300 W) holds over [0, 60 s), then 650 W.
        let first = chain(300).trajectory(from: start, inputs: inputs(300)).state(at: 60)
        let after = chain(650).trajectory(from: first, inputs: inputs(650))
        for k in 2..<30 { XCTAssertEqual(p.gpuTemperature[0][k], after.state(at: Double(k - 1) * 60).moduleCelsius, accuracy: 1e-9) }
        var gapped = data
        gapped.times.remove(at: 5)
        gapped.gpuPowerWatts[0].remove(at: 5)
        gapped.supplyCelsius.remove(at: 5)
        gapped.dryBulbCelsius!.remove(at: 5)
        XCTAssertEqual(plant.predict(gapped, values: values).gpuTemperature[0][5], p.gpuTemperature[0][6], accuracy: 1e-9)
    }

    /// Against `FacilitySimulation` on the same steady hall (u = 0.75, 10 °C, set-point held): the fluid run's peak GPU
    /// temperature is its steady state, its mean IT, cooling-pump and facility power are those of the hour, and the shadow
    /// plant must give the same figures from the GPU power the run implies (1e-6 relative).
    func testAgreesWithTheFluidRun() throws {
        let spec = ShadowPlantTests.spec(utilisation: 0.75)
        let result = try FacilitySimulation(spec: spec).run()
        let plant = try ShadowPlant(spec: spec)
        let p = plant.predict(ShadowPlantTests.data(rows: 10, tanks: 2) { _ in 75 + 0.75 * 625 }, values: plant.scenarioValues)
        let s = result.summary
        XCTAssertEqual(p.gpuTemperature[0][9], s.maxGpuTemperatureCelsius, accuracy: 1e-6 * s.maxGpuTemperatureCelsius)
        XCTAssertEqual(p.itPower[9], s.meanItPowerWatts, accuracy: 1e-6 * s.meanItPowerWatts)
        let pumps = s.energyBySubsystemJoules["cooling_pumps"]! / spec.horizonSeconds
        XCTAssertEqual(p.pumpPower[9], pumps, accuracy: 1e-6 * pumps)
        let facility = s.facilityEnergyJoules / spec.horizonSeconds
        XCTAssertEqual(p.facilityPower[9], facility, accuracy: 1e-6 * facility)
    }
}
