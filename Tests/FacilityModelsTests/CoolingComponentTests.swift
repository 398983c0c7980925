import Foundation
import XCTest
@testable import FacilityModels

final class CoolingComponentTests: XCTestCase {
    /// Counterflow ε-NTU (Incropera Table 11.3): balanced streams, NTU = 4 → ε = 4/5 = 0.8; Cr = 0.8,
    /// NTU = 2 → ε = (1 − e^(−0.4))/(1 − 0.8·e^(−0.4)) = 0.71091; Cr → 0 → 1 − e^(−NTU).
    func testCounterflowEffectiveness() {
        XCTAssertEqual(HeatExchanger.counterflowEffectiveness(ntu: 4, capacityRatio: 1), 0.8, accuracy: 1e-12)
        XCTAssertEqual(HeatExchanger.counterflowEffectiveness(ntu: 2, capacityRatio: 0.8), (1 - exp(-0.4)) / (1 - 0.8 * exp(-0.4)), accuracy: 1e-12)
        XCTAssertEqual(HeatExchanger.counterflowEffectiveness(ntu: 2, capacityRatio: 0), 1 - exp(-2), accuracy: 1e-12)
        let hx = HeatExchanger.counterflow(conductanceWattsPerKelvin: 8000)
        XCTAssertEqual(hx.heatWatts(hotInCelsius: 50, coldInCelsius: 30, hotCapacityRateWattsPerKelvin: 4000, coldCapacityRateWattsPerKelvin: 5000),
                       (1 - exp(-0.4)) / (1 - 0.8 * exp(-0.4)) * 4000 * 20, accuracy: 1e-9)
    }

    /// An immersion tank of mineral oil whose loop has C_f = 4,000 W/K, facility water C_w = 5,000 W/K,
    /// a counterflow exchanger of UA = 8,000 W/K (NTU = 2, Cr = 0.8, ε = 0.71091) and a 400 W oil pump,
    /// carrying 30 kW of IT with 32 °C supply water. Steady state by hand: Q = 30,000 + 400 = 30,400 W;
    /// T_f = 32 + 30,400/(ε·4,000) = 42.6905 °C; water returns at 32 + 30,400/5,000 = 38.08 °C; oil returns
    /// at T_f − 30,400/4,000 = T_f − 7.6 °C; a 700 W GPU at 0.06 K/W sits 42 K above the fluid. The same
    /// tank as a ThermalChain (32 modules, G = ε·C_min) has the same fluid temperature in steady state.
    func testImmersionTankSteadyTemperature() throws {
        let oil = Coolant.mineralOil, water = Coolant.water
        let oilFlow = 4000 / oil.volumetricHeatCapacityJoulesPerCubicMeterKelvin
        let waterFlow = 5000 / water.volumetricHeatCapacityJoulesPerCubicMeterKelvin
        let tank = ImmersionTank(fluidVolumeCubicMeters: 1.2, modulesPerTank: 32, chipToFluidKelvinPerWatt: 0.06,
                                 fluidFlowCubicMetersPerSecond: oilFlow, waterFlowCubicMetersPerSecond: waterFlow,
                                 heatExchanger: .counterflow(conductanceWattsPerKelvin: 8000),
                                 pump: Pump(ratedPowerWatts: 400, ratedFlowCubicMetersPerSecond: oilFlow), designHeatWatts: 30_000)
        try tank.validate()
        let epsilon = (1 - exp(-0.4)) / (1 - 0.8 * exp(-0.4))
        let s = tank.steadyState(itWatts: 30_000, modulePowerWatts: 700, supplyCelsius: 32)
        XCTAssertEqual(s.heatWatts, 30_400, accuracy: 1e-9)
        XCTAssertEqual(s.fluidCelsius, 32 + 30_400 / (epsilon * 4000), accuracy: 1e-9)
        XCTAssertEqual(s.fluidCelsius, 42.6905, accuracy: 1e-4)
        XCTAssertEqual(s.waterReturnCelsius, 38.08, accuracy: 1e-9)
        XCTAssertEqual(s.fluidReturnCelsius, s.fluidCelsius - 7.6, accuracy: 1e-9)
        XCTAssertEqual(s.moduleCelsius, s.fluidCelsius + 42, accuracy: 1e-9)
        XCTAssertEqual(s.pumpWatts, 400, accuracy: 1e-9)
        // The transient model agrees in steady state: 32 modules of 30,000/32 W, the pump's 400 W into the fluid.
        let chain = tank.thermalChain(moduleCapacitanceJoulesPerKelvin: 600)
        let steady = chain.steadyState(.init(modulePowerWatts: 30_000 / 32, sinkPowerWatts: 400, coolantCelsius: 32))
        XCTAssertEqual(steady.sinkCelsius, s.fluidCelsius, accuracy: 1e-9)
        // With a fixed 3 K approach instead: T_f = 32 + 3 + 30,400/5,000 = 41.08 °C.
        var approach = tank
        approach.heatExchanger = .approach(kelvin: 3)
        XCTAssertEqual(approach.steadyState(itWatts: 30_000, modulePowerWatts: 0, supplyCelsius: 32).fluidCelsius, 41.08, accuracy: 1e-9)
    }

    /// A designed tank for 32 kW: oil and water each sized for 10 K, UA for ε = 0.8 at balanced flows, so
    /// at design heat (32 kW + pump work W) the fluid sits at 32 + (32,000 + W)/(0.8·3,200) °C.
    func testDesignedTank() throws {
        let tank = ImmersionTank.designed(designHeatWatts: 32_000, modulesPerTank: 32)
        try tank.validate()
        let s = tank.steadyState(itWatts: 32_000, modulePowerWatts: 0, supplyCelsius: 32)
        XCTAssertEqual(s.fluidCelsius, 32 + (32_000 + s.pumpWatts) / (0.8 * 3200), accuracy: 1e-9)
        XCTAssertEqual(s.pumpWatts, 32_000 / (868 * 2010 * 10) * 150e3 / 0.7, accuracy: 1e-9)
    }

    /// OCP 1 kW OAM plate: R(2.5 L/min) = (0.0172 + 0.0160)/2 = 0.0166 K/W; clamped to 0.0172 below 2 and
    /// 0.0151 above 5 L/min. At 1 kW, 30 °C inlet and 4 L/min the case is 30 + 15.4 = 45.4 °C, the junction
    /// 20 K higher (0.02 K/W), the water leaves at 30 + 1000/(995.6·4177·4/60,000) = 33.607 °C, and a 70 °C
    /// case limit allows (70 − 30)/0.0154 = 2,597 W.
    func testColdPlate() throws {
        let plate = ColdPlate.ocp1kWOAM
        try plate.validate()
        XCTAssertEqual(plate.resistanceKelvinPerWatt(flowLitersPerMinute: 2.5), 0.0166, accuracy: 1e-15)
        XCTAssertEqual(plate.resistanceKelvinPerWatt(flowLitersPerMinute: 1), 0.0172)
        XCTAssertEqual(plate.resistanceKelvinPerWatt(flowLitersPerMinute: 9), 0.0151)
        XCTAssertEqual(plate.caseCelsius(heatWatts: 1000, inletCelsius: 30, flowLitersPerMinute: 4), 45.4, accuracy: 1e-9)
        XCTAssertEqual(plate.junctionCelsius(heatWatts: 1000, inletCelsius: 30, flowLitersPerMinute: 4), 65.4, accuracy: 1e-9)
        XCTAssertEqual(plate.outletCelsius(heatWatts: 1000, inletCelsius: 30, flowLitersPerMinute: 4), 30 + 1000 / (995.6 * 4177 * 4 / 60_000), accuracy: 1e-9)
        XCTAssertEqual(plate.maximumHeatWatts(caseLimitCelsius: 70, inletCelsius: 30, flowLitersPerMinute: 4), 40 / 0.0154, accuracy: 1e-9)
        XCTAssertThrowsError(try ColdPlate(flowLitersPerMinute: [3, 2], resistanceKelvinPerWatt: [0.01, 0.02]).validate())
    }

    /// Project Deschutes CDU: at its rated 2 MW it draws 74 kW with a 3 K approach (26.8 °C in → 29.8 °C to
    /// the racks, back at 45 °C). Variable flow at 1 MW: speed 0.5, 74·0.125 = 9.25 kW, approach 3 K,
    /// return 29.8 + 15.2 = 45 °C (ΔT held). Constant flow at 1 MW: 74 kW, approach 1.5 K, rise 7.6 K.
    func testCDU() throws {
        let cdu = CDU.projectDeschutes
        try cdu.validate()
        let rated = cdu.operatingPoint(heatWatts: 2e6, facilitySupplyCelsius: 26.8)
        XCTAssertEqual(rated.pumpWatts, 74e3, accuracy: 1e-9)
        XCTAssertEqual(rated.secondarySupplyCelsius, 29.8, accuracy: 1e-12)
        XCTAssertEqual(rated.secondaryReturnCelsius, 45, accuracy: 1e-12)
        let half = cdu.operatingPoint(heatWatts: 1e6, facilitySupplyCelsius: 26.8)
        XCTAssertEqual(half.pumpWatts, 9250, accuracy: 1e-9)
        XCTAssertEqual(half.secondaryReturnCelsius, 45, accuracy: 1e-12)
        var constant = cdu
        constant.flowControl = .constantFlow
        let c = constant.operatingPoint(heatWatts: 1e6, facilitySupplyCelsius: 26.8)
        XCTAssertEqual(c.pumpWatts, 74e3, accuracy: 1e-9)
        XCTAssertEqual(c.approachKelvin, 1.5, accuracy: 1e-12)
        XCTAssertEqual(c.secondaryReturnCelsius - c.secondarySupplyCelsius, 7.6, accuracy: 1e-12)
    }

    /// Air handling: specific fan power Δp/(ρ·cp·ΔT·η) = 500/(1.1614·1007·12·0.6) = 0.05937 W/W; at half the
    /// design heat a variable-speed fan draws 1/8 of design, a constant-speed one all of it.
    func testAirHandler() throws {
        let crah = AirHandler(designHeatWatts: 100_000)
        try crah.validate()
        XCTAssertEqual(crah.designSpecificFanPower, 500 / (1.1614 * 1007 * 12 * 0.6), accuracy: 1e-12)
        XCTAssertEqual(crah.fanWatts(heatWatts: 50_000), crah.designFanWatts / 8, accuracy: 1e-9)
        var constant = crah
        constant.variableSpeed = false
        XCTAssertEqual(constant.fanWatts(heatWatts: 50_000), crah.designFanWatts, accuracy: 1e-9)
    }
}
