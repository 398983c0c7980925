import XCTest
@testable import FacilityModels

final class HeatRejectionTests: XCTestCase {
    /// A 1 MW dry cooler, 10 K design approach, 15 kW of fans. Holding 30 °C at 10 °C dry-bulb with 1 MW:
    /// s = 10·1/20 = 0.5, fans 15·0.125 = 1.875 kW. With 0.4 MW at 10 °C: s = 0.2 (the floor). At 25 °C
    /// dry-bulb with 1 MW: s would be 2, so fans run flat out; with C_w = 100 kW/K the return is 40 °C
    /// and the cooler rejects C_w·(40 − 25)/(1 + a·C_w) with a = 1e-5 K/W: 1.5e6/2 = 750 kW, leaving
    /// 250 kW for the chiller, water leaving at 40 − 7.5 = 32.5 °C. At the boundary (20 °C) both branches
    /// agree: exactly 1 MW rejected at full speed.
    func testDryCoolerFanSpeedAndShortfall() throws {
        let cooler = DryCooler(designHeatWatts: 1e6)
        try cooler.validate()
        let mild = cooler.operatingPoint(heatWatts: 1e6, ambientCelsius: 10, setpointCelsius: 30, waterCapacityRateWattsPerKelvin: 1e5)
        XCTAssertEqual(mild.fanSpeedRatio, 0.5, accuracy: 1e-12)
        XCTAssertEqual(mild.fanWatts, 1875, accuracy: 1e-9)
        XCTAssertEqual(mild.shortfallWatts, 0)
        XCTAssertEqual(cooler.operatingPoint(heatWatts: 4e5, ambientCelsius: 10, setpointCelsius: 30, waterCapacityRateWattsPerKelvin: 1e5).fanSpeedRatio, 0.2, accuracy: 1e-12)
        let hot = cooler.operatingPoint(heatWatts: 1e6, ambientCelsius: 25, setpointCelsius: 30, waterCapacityRateWattsPerKelvin: 1e5)
        XCTAssertEqual(hot.fanSpeedRatio, 1)
        XCTAssertEqual(hot.rejectedWatts, 750_000, accuracy: 1e-6)
        XCTAssertEqual(hot.shortfallWatts, 250_000, accuracy: 1e-6)
        XCTAssertEqual(hot.leavingCelsius, 32.5, accuracy: 1e-9)
        let edge = cooler.operatingPoint(heatWatts: 1e6, ambientCelsius: 20, setpointCelsius: 30, waterCapacityRateWattsPerKelvin: 1e5)
        let justOver = cooler.operatingPoint(heatWatts: 1e6, ambientCelsius: 20 + 1e-9, setpointCelsius: 30, waterCapacityRateWattsPerKelvin: 1e5)
        XCTAssertEqual(edge.rejectedWatts, 1e6, accuracy: 1e-3)
        XCTAssertEqual(justOver.rejectedWatts, 1e6, accuracy: 1)
    }

    /// Tower water: evaporation 1/2.43e6 kg/J plus blowdown at 4 cycles (1/3 of evaporation) plus drift of
    /// 2e-5 of the flow Q/(4,177·5.5): per kWh rejected 3.6e6·(1.3333/2.43e6 + 2e-5/22,973.5) = 1.9785 L.
    /// The tower works against the wet-bulb: at 20 °C wet-bulb, 30 °C set-point, design heat, s = 5/10 = 0.5.
    func testCoolingTowerWaterAndFans() throws {
        let tower = CoolingTower(designHeatWatts: 1e6)
        try tower.validate()
        let perKWh = 3.6e6 * ((1 + 1.0 / 3) / 2.43e6 + 2e-5 / (4177 * 5.5))
        XCTAssertEqual(tower.waterLitersPerJoule * 3.6e6, perKWh, accuracy: 1e-12)
        XCTAssertEqual(perKWh, 1.9785, accuracy: 1e-4)
        XCTAssertEqual(tower.operatingPoint(heatWatts: 1e6, wetBulbCelsius: 20, setpointCelsius: 30, waterCapacityRateWattsPerKelvin: 1e5).fanSpeedRatio,
                       0.5, accuracy: 1e-12)
        XCTAssertThrowsError(try CoolingTower(designHeatWatts: 1e6, cyclesOfConcentration: 1).validate())
    }

    /// Heat pump for district heating, 65 °C supply from 40 °C return water (3 K exchanger approach → 37 °C
    /// source): T_hot = 68 + 273.15, T_cold = 34 + 273.15, COP = 0.5·341.15/34 = 5.0169. For 100 kW asked:
    /// from the facility 100·(1 − 1/COP) = 80.07 kW, electricity 19.93 kW. With 70 °C return water the heat
    /// goes across directly (67 ≥ 65), and never more than the 50 kW available.
    func testHeatRecovery() throws {
        let recovery = HeatRecovery(demand: .constant(100_000), userSupplyCelsius: 65)
        try recovery.validate()
        let cop = 0.5 * 341.15 / 34
        let lifted = recovery.operatingPoint(demandWatts: 100_000, availableWatts: 1e6, returnCelsius: 40)
        XCTAssertEqual(lifted.heatPumpCOP, cop, accuracy: 1e-12)
        XCTAssertEqual(lifted.deliveredWatts, 100_000, accuracy: 1e-9)
        XCTAssertEqual(lifted.fromFacilityWatts, 100_000 * (1 - 1 / cop), accuracy: 1e-9)
        XCTAssertEqual(lifted.heatPumpWatts, 100_000 / cop, accuracy: 1e-9)
        let direct = recovery.operatingPoint(demandWatts: 100_000, availableWatts: 50_000, returnCelsius: 70)
        XCTAssertEqual(direct.deliveredWatts, 50_000)
        XCTAssertEqual(direct.heatPumpWatts, 0)
    }

    /// Demand profile: mean 1 MW, ±50 % seasonal peaking on day 15, ±10 % daily peaking at 07:00: on day 15
    /// at 07:00 (hour 15·24 + 7, day 15.29: seasonal 1 + 0.5·cos(2π·0.29/365) ≈ 1.5) demand is ≈ 1.5·1.1 MW;
    /// 182 days later at 19:00 (day 197.79, cos(2π·182.79/365) ≈ −1) it is ≈ 0.5·0.9 MW.
    func testDemandProfile() throws {
        let profile = HeatDemandProfile(meanWatts: 1e6)
        try profile.validate()
        XCTAssertEqual(profile.demandWatts(hourOfYear: 15 * 24 + 7), 1e6 * (1 + 0.5 * cos(2 * .pi * (Double(15 * 24 + 7) / 24 - 15) / 365)) * 1.1, accuracy: 1e-6)
        XCTAssertEqual(profile.demandWatts(hourOfYear: 15 * 24 + 7), 1.65e6, accuracy: 1e3)
        XCTAssertEqual(profile.demandWatts(hourOfYear: (15 + 182) * 24 + 19), 0.45e6, accuracy: 1e3)
        XCTAssertEqual(HeatDemandProfile.constant(5).demandWatts(hourOfYear: 1234), 5)
    }
}
