import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

final class FacilitySimulationTests: XCTestCase {
    /// A day of 32 direct-to-chip H100s at constant full load in a constant synthetic climate.
    func makeSpec(load: LoadSpec = .constant(utilisation: 1), hours: Double = 24, limit: Double = 70) -> ScenarioSpec {
        ScenarioSpec(name: "unit", seed: 1, horizonSeconds: hours * 3600, samplingIntervalSeconds: 3600,
                     facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerRack: 32),
                     coolingSystem: CoolingSystemBlock(primary: .directToChip),
                     // No clock control: these tests check the thermal physics at full clock.
                     thermalManagement: ThermalManagementBlock(gpuTemperatureThresholdCelsius: limit, automaticThrottling: false),
                     plant: PlantSpec(supplySetpointCelsius: 30),
                     weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                         hottestDayOfYear: 200, relativeHumidity: 0.5),
                     load: load)
    }

    /// Constant load in constant weather from the steady state stays at the steady state. The hand value:
    /// cold-plate coolant at 30 + 3 K (CDU approach) = 33 °C; node 2 (plate coolant) at
    /// 33 + (700 + captured other heat)/G₂ with G₂ = 2/60·0.9956·4177; module = node 2 + 700·(0.02 + 0.0172).
    func testSteadyStateHandValue() throws {
        let result = try FacilitySimulation(spec: makeSpec()).run()
        let server = (700.0 + 250) / 0.95
        let captured = 0.945 * server - 700
        let g2 = 2.0 / 60 * 0.9956 * 4177
        let expected = 33 + (700 + captured) / g2 + 700 * (0.02 + 0.0172)
        XCTAssertEqual(result.summary.maxGpuTemperatureCelsius, expected, accuracy: 1e-9)
        XCTAssertEqual(result.summary.meanItPowerWatts, 32 * server, accuracy: 1e-6)
        XCTAssertEqual(result.summary.secondsAboveGpuLimit, 0)
    }

    /// With the limit below the steady temperature, every GPU is above it the whole day:
    /// seconds above = 86,400 s and GPU-seconds above = 32·86,400.
    func testTimeAboveLimitWhenAlwaysAbove() throws {
        let result = try FacilitySimulation(spec: makeSpec(limit: 40)).run()
        XCTAssertEqual(result.summary.secondsAboveGpuLimit, 86_400, accuracy: 1e-6)
        XCTAssertEqual(result.summary.gpuSecondsAboveLimit, 32 * 86_400, accuracy: 1e-3)
    }

    /// The union of intervals above the limit counts overlapping time once: [0,2] ∪ [1,3] ∪ [5,6] = 4.
    func testUnionLength() {
        XCTAssertEqual(FacilitySimulation.unionLength([0...2, 1...3, 5...6]), 4)
        XCTAssertEqual(FacilitySimulation.unionLength([]), 0)
        XCTAssertEqual(FacilitySimulation.unionLength([2...2.5]), 0.5)
    }

    /// The time series has one row per sampling instant from 0 to the horizon inclusive, in order.
    func testTimeSeriesRows() throws {
        let result = try FacilitySimulation(spec: makeSpec(load: .diurnal(mean: 0.6, amplitude: 0.3, peakHour: 15))).run()
        let times = try XCTUnwrap(result.timeSeries.column("time_s"))
        XCTAssertEqual(times, (0...24).map { Double($0) * 3600 })
        let util = try XCTUnwrap(result.timeSeries.column("utilisation"))
        XCTAssertEqual(util.max()!, 0.6 + 0.3 * cos(2 * .pi * 0.5 / 24), accuracy: 1e-12, "peak hour 15:00–16:00 sampled at its middle")
    }

    /// An unknown accelerator is refused with the list of known names.
    func testUnknownAccelerator() {
        var spec = makeSpec()
        spec.facility.accelerator = "TPU-v9"
        XCTAssertThrowsError(try FacilitySimulation(spec: spec)) { error in
            XCTAssertTrue("\(error)".contains("H100-SXM"), "\(error)")
        }
    }
}


/// A one-hour scenario at constant full load in a constant 10 °C synthetic climate, 30 °C facility water.
func constantLoadSpec(name: String, facility: FacilitySpec, cooling: CoolingSystemBlock, plant: PlantSpec = PlantSpec(supplySetpointCelsius: 30)) -> ScenarioSpec {
    // No clock control (full clock): these hand calculations check the physics at full power.
    ScenarioSpec(name: name, horizonSeconds: 3600, samplingIntervalSeconds: 3600, facility: facility,
                 coolingSystem: cooling, thermalManagement: ThermalManagementBlock(automaticThrottling: false), plant: plant,
                 weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                     hottestDayOfYear: 200, relativeHumidity: 0.5),
                 load: .constant(utilisation: 1))
}

final class HandComputedPlantTests: XCTestCase {
    /// PUE of a hand-computed plant at one operating point: 32 cold-plate H100s at full load, 30 °C facility
    /// water, constant 10 °C dry-bulb, no heat recovery, n+1 double-conversion UPS. By hand:
    /// - server: (700 + 150 + 100)/0.95 = 1,000 W per GPU → IT 32,000 W; liquid 0.945·32,000 = 30,240 W,
    ///   room air 32·55 = 1,760 W.
    /// - PDU 0.5 % → 160 W; UPS rated 50 kW at x = 32,160/50,000 = 0.6432: 500 + 643.2 + 206.85 = 1,350.05 W.
    /// - air handling: (1,760 + 160 + 1,350.05) W / (1.1614·1007·12) = 0.233004 m³/s at 500 Pa / 0.6 → 194.17 W
    ///   (dry air at 300 K, Incropera Table A.4).
    /// - room-air chiller: chilled water at 15 °C (catalogue `roomChilledWaterSupplyCelsius`), economiser mechanical
    ///   (10 + 10 + 2 = 22 °C ≥ 15 + 6 °C) on 3,464.22 W at COP min(12, 0.5·286.15/(296.15 − 286.15)) = 12 (the cap)
    ///   → 288.68 W; its heat-rejection fans 0.015·3,752.90 = 56.29 W.
    /// - dry coolers: approach 10 K needed over 20 K available → fan speed 0.5 → 0.015·30,240·0.125 = 56.70 W.
    /// - pumps at full load run at design flow (r = 1): water flow 30,240/(995.6·4177·10) = 7.2716e-4 m³/s:
    ///   300 kPa/0.87 → 250.75 W, 150 kPa/0.7 → 155.82 W; chilled-water and condenser pumps
    ///   2·300e3·(3,464.22/(995.6·4177·6))/0.87 = 95.75 W.
    /// - other 1 % of design IT = 320 W; transformer rated 64 kW at x = 34,928.22/64,000: 192 + 190.62 = 382.62 W.
    /// Total 35,310.84 W → PUE 1.103464.
    func testPUEOfHandComputedPlant() throws {
        let spec = constantLoadSpec(name: "hand", facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerRack: 32),
                                    cooling: CoolingSystemBlock(primary: .directToChip))
        let s = try FacilitySimulation(spec: spec).run().summary
        XCTAssertEqual(s.itEnergyJoules / 3600, 32_000, accuracy: 1e-6)
        XCTAssertEqual(s.pue, 35_310.84 / 32_000, accuracy: 1e-5)
        let e = s.energyBySubsystemJoules.mapValues { $0 / 3600 }
        XCTAssertEqual(e["air_handling"]!, 194.17, accuracy: 0.01)
        XCTAssertEqual(e["chiller"]!, 288.68, accuracy: 0.01)
        XCTAssertEqual(e["cooling_fans"]!, 56.70 + 56.29, accuracy: 0.01)
        XCTAssertEqual(e["cooling_pumps"]!, 250.75 + 155.82 + 95.75, accuracy: 0.01)
        XCTAssertEqual(e["power_chain_losses"]!, 160 + 1_350.05 + 382.62, accuracy: 0.02)
    }

    /// Tank steady temperature: 32 immersion GPUs per tank at full load put 32·1,000 W into the fluid; the
    /// heat exchanger's conductance is ε·C_min = 0.8·(32,000 W / 10 K) = 2,560 W/K, so the fluid settles at
    /// 30 + 32,000/2,560 = 42.5 °C and a GPU at 42.5 + 700·0.04 = 70.5 °C (chip-to-fluid 0.04 K/W, the catalogue's
    /// derived default). At full load the pumps run at design flow (r = 1), so ε and the conductance are the design ones.
    func testImmersionTankSteadyTemperature() throws {
        let spec = constantLoadSpec(name: "tank", facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerTank: 32),
                                    cooling: CoolingSystemBlock(primary: .liquidImmersion))
        let result = try FacilitySimulation(spec: spec).run()
        XCTAssertEqual(result.timeSeries.column("liquid_immersion_sink_c")!.last!, 42.5, accuracy: 1e-9)
        XCTAssertEqual(result.summary.maxGpuTemperatureCelsius, 70.5, accuracy: 1e-9)
    }
}

final class HeatRecoveryTests: XCTestCase {
    /// Heat export by hand: mean demand 300 kW, on day 15 the seasonal profile gives 1.5·300 = 450 kW at 65 °C.
    /// The source is the facility return at full flow, 30 + 10 − 3 = 37 °C; the heat pump's COP = 0.5·341.15/(341.15 − 310.15)
    /// = 5.50242; it takes 450·(1 − 1/COP) = 368.216 kW from the facility water and uses 81.784 kW of electricity.
    /// Over a run with facility energy E and IT energy I, ERF = reused/E and ERE = (E − reused)/I, reused being
    /// the heat taken from the facility water.
    func testHeatExportAndReuseMetrics() throws {
        let spec = constantLoadSpec(name: "hr", facility: FacilitySpec(accelerator: "H100-SXM", gpus: 1024, gpusPerTank: 32),
                                    cooling: CoolingSystemBlock(primary: .liquidImmersion, heatRecovery: true),
                                    plant: PlantSpec(supplySetpointCelsius: 30, heatRecoveryDemandWatts: 300e3, heatRecoverySupplyCelsius: 65))
        let plant = try FacilityPlant(spec: spec)
        let r = plant.recoverHeat(liquidHeat: 1e6, hour: 15 * 24, returnCelsius: 40)
        let cop = 0.5 * 341.15 / 31
        XCTAssertEqual(r.deliveredWatts, 450e3, accuracy: 1e-6)
        XCTAssertEqual(r.fromFacilityWatts, 450e3 * (1 - 1 / cop), accuracy: 1e-6)
        XCTAssertEqual(r.heatPumpWatts, 450e3 / cop, accuracy: 1e-6)
        // On day 0 of a run (hour 0) the profile gives 300·(1 + 0.5·cos(2π·15/365)) kW.
        let s = try FacilitySimulation(spec: spec).run().summary
        let demand = 300e3 * (1 + 0.5 * cos(2 * Double.pi * -15 / 365))
        XCTAssertEqual(s.heatRecoveredJoules, demand * (1 - 1 / cop) * 3600, accuracy: 1e-3)
        XCTAssertEqual(s.erf, s.heatRecoveredJoules / s.facilityEnergyJoules, accuracy: 1e-15)
        XCTAssertEqual(s.ere, (s.facilityEnergyJoules - s.heatRecoveredJoules) / s.itEnergyJoules, accuracy: 1e-15)
        XCTAssertLessThan(s.ere, s.pue)
    }
}
