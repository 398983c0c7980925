import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

/// Issue 16 acceptance: one flow assumption. The pumps, the tank heat exchanger, the return water and the pump energy
/// all follow the same pumped flow r = liquid heat / liquid design heat (floored at the drives' 0.3 minimum speed).
final class PlantFlowConsistencyTests: XCTestCase {
    /// One tank of 32 H100s at constant utilisation `u` on 30 °C water in a constant 10 °C climate (the dry coolers hold
    /// the set-point), no clock control, six hours from the steady state.
    func tankSpec(utilisation u: Double) -> ScenarioSpec {
        ScenarioSpec(name: "part-load", horizonSeconds: 6 * 3600, samplingIntervalSeconds: 3600,
                     facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerTank: 32),
                     coolingSystem: CoolingSystemBlock(primary: .liquidImmersion),
                     thermalManagement: ThermalManagementBlock(automaticThrottling: false), plant: PlantSpec(supplySetpointCelsius: 30),
                     weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                         hottestDayOfYear: 200, relativeHumidity: 0.5),
                     load: .constant(utilisation: u))
    }

    /// The closed form of the pumped flow at utilisation u, by hand from the catalogue's defaults:
    /// - GPU P(u) from the H100 power curve; server (P + 150 + 100·u)/0.95 W, all of it into the tank: Q = 32·server;
    ///   design Q_d = 32·(700 + 250)/0.95 = 32,000 W, C_d = Q_d/10 K = 3,200 W/K;
    /// - r = max(0.3, Q/Q_d); UA ∝ r^0.8, so NTU = 4·r^(−0.2) (NTU_d = 0.8/0.2) and ε = NTU/(1 + NTU) (balanced
    ///   counterflow); G = ε·r·C_d; the tank fluid settles at T = 30 + Q/G;
    /// - the water returns at 30 + Q/(r·C_d); the facility-water and tank pumps draw (300 kPa/0.87 + 150 kPa/0.7)·V̇_d·r³
    ///   with V̇_d = Q_d/(995.6·4177·10) m³/s.
    func closedForm(utilisation u: Double) throws -> (tankCelsius: Double, flowRatio: Double, returnCelsius: Double, pumpWatts: Double) {
        let gpu = try AcceleratorCatalogue.spec(named: "H100-SXM").powerWatts(utilisation: u, clock: 1)
        let q = 32 * (gpu + 150 + 100 * u) / 0.95
        let qd = 32 * (700 + 250) / 0.95, cd = qd / 10
        let r = max(0.3, q / qd)
        let ntu = 4 * pow(r, -0.2), epsilon = ntu / (1 + ntu)
        let pumps = (300e3 / 0.87 + 150e3 / 0.7) * qd / (995.6 * 4177 * 10) * r * r * r
        return (30 + q / (epsilon * r * cd), r, 30 + q / (r * cd), pumps)
    }

    /// At 60 % load (r ≈ 0.66) and at idle (r floored at 0.3) the simulated tank fluid equals the closed form within
    /// 0.2 K; the old design-flow conductance (G = 0.8·C_d whatever the flow: T = 30 + Q/2,560) is more than 1 K off at
    /// 60 % load, so the test tells the two models apart.
    func testTankFluidAtPartLoadFollowsThePumpedFlow() throws {
        for u in [0.6, 0.0] {
            let expected = try closedForm(utilisation: u)
            let result = try FacilitySimulation(spec: tankSpec(utilisation: u)).run()
            let tank = try XCTUnwrap(result.timeSeries.column("liquid_immersion_sink_c")?.last)
            XCTAssertEqual(tank, expected.tankCelsius, accuracy: 0.2, "u = \(u)")
            if u == 0.6 {
                let q = (expected.returnCelsius - 30) * expected.flowRatio * 3200
                XCTAssertGreaterThan(abs(tank - (30 + q / 2560)), 1, "the design-flow conductance would be indistinguishable")
            }
        }
    }

    /// The plant's operating point reports the same flow ratio for the pumps, the exchanger and the return water: the
    /// cohort's conductance is G(r), the return temperature 30 + Q/(r·C_d), and the liquid loops' pumps draw
    /// P_d·r³ (within 1e-9 relative: the same arithmetic). The run's pump energy over one hour at idle, less the room-air
    /// pumps the operating point reports separately, is that power × 3,600 s.
    func testPumpEnergyFollowsTheSameFlow() throws {
        for u in [0.6, 0.0] {
            let expected = try closedForm(utilisation: u)
            let spec = tankSpec(utilisation: u)
            let plant = try FacilityPlant(spec: spec)
            var cohorts = plant.makeCohorts()
            var economiser = Economiser()
            let point = plant.operatingPoint(utilisation: u, weather: plant.weather(atHour: 0), hour: 0, cohorts: &cohorts,
                                             economiser: &economiser)
            XCTAssertEqual(point.flowRatio, expected.flowRatio, accuracy: 1e-12, "u = \(u)")
            XCTAssertEqual(point.returnCelsius, expected.returnCelsius, accuracy: 1e-9, "u = \(u)")
            let g = cohorts[0].chain.sinkConductanceWattsPerKelvin
            let q = (expected.returnCelsius - 30) * expected.flowRatio * 3200
            XCTAssertEqual(30 + q / g, expected.tankCelsius, accuracy: 1e-9, "u = \(u)")
            var itWatts = 0.0
            let heat = plant.setCohortInputs(utilisation: u, cohorts: &cohorts, itWatts: &itWatts)
            let liquidPumps = plant.pumpWatts(heat: heat, flow: plant.loopFlow(heat: heat, capacity: CoolingCapacity()),
                                              capacity: CoolingCapacity(), airCoilHeatWatts: 0)
            XCTAssertEqual(liquidPumps, expected.pumpWatts, accuracy: 1e-9 * expected.pumpWatts, "u = \(u)")
            let run = try FacilitySimulation(spec: spec).run().summary
            let roomAirPumps = point.powers[.coolingPumps] - liquidPumps
            XCTAssertEqual(run.energyBySubsystemJoules["cooling_pumps"]! / spec.horizonSeconds - roomAirPumps, expected.pumpWatts,
                           accuracy: 1e-9 * expected.pumpWatts, "u = \(u)")
        }
    }
}
