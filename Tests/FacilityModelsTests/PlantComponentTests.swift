import XCTest
@testable import FacilityModels

final class PlantComponentTests: XCTestCase {
    /// Affinity laws: a pump designed for 0.1 m³/s at 300 kPa and η 0.87 draws 300e3·0.1/0.87 = 34,483 W;
    /// at half flow (half speed) it draws 1/8 of that, 4,310 W; below the 30 % speed floor it stays at 0.3³.
    func testPumpAffinity() {
        let pump = Pump(designFlowCubicMetersPerSecond: 0.1, designPressurePascals: 300e3, efficiency: 0.87)
        XCTAssertEqual(pump.designPowerWatts, 34_482.758620689656, accuracy: 1e-6)
        XCTAssertEqual(pump.powerWatts(flowRatio: 0.5), pump.designPowerWatts / 8, accuracy: 1e-9)
        XCTAssertEqual(pump.powerWatts(flowRatio: 0.1), pump.designPowerWatts * 0.027, accuracy: 1e-9)
        XCTAssertEqual(pump.powerWatts(flowRatio: 2), pump.designPowerWatts, "the drive does not overspeed")
    }

    /// Chiller COP at two lifts by hand (η = 0.5, evaporator 2 K below supply, condenser 3 K above sink):
    /// AHRI point, 6.7 °C water and 29.4 °C condenser water: T_e = 277.85 K, T_c = 305.55 K,
    /// COP = 0.5·277.85/27.7 = 5.0153. A hot day, 35 °C sink: T_c = 311.15 K, COP = 0.5·277.85/33.3 = 4.1719.
    /// A cold sink (5 °C) is held at the 18.3 °C head-pressure floor: T_c = 294.45 K, COP = 0.5·277.85/16.6 = 8.3690.
    func testChillerCOPFallsWithLift() {
        let chiller = Chiller()
        XCTAssertEqual(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 29.4), 0.5 * 277.85 / 27.7, accuracy: 1e-9)
        XCTAssertEqual(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 35), 0.5 * 277.85 / 33.3, accuracy: 1e-9)
        XCTAssertEqual(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 5), 0.5 * 277.85 / 16.6, accuracy: 1e-9)
        XCTAssertEqual(chiller.powerWatts(heatWatts: 1e6, supplyCelsius: 6.7, sinkCelsius: 29.4), 1e6 / (0.5 * 277.85 / 27.7), accuracy: 1e-6)
        XCTAssertEqual(chiller.powerWatts(heatWatts: 0, supplyCelsius: 6.7, sinkCelsius: 29.4), 0)
    }

    /// UPS efficiency at three loads of a 1 MW double-conversion UPS (loss = 1 % fixed + 2 % of load + 1 %·x²):
    /// 100 %: loss 10 + 20 + 10 = 40 kW → 1000/1040 = 96.15 %; 50 %: 10 + 10 + 2.5 = 22.5 kW → 500/522.5 = 95.69 %;
    /// 20 %: 10 + 4 + 0.4 = 14.4 kW → 200/214.4 = 93.28 %.
    func testUPSEfficiencyAtThreeLoads() {
        let ups = PowerStage.doubleConversionUPS(ratingWatts: 1e6)
        XCTAssertEqual(ups.efficiency(outputWatts: 1e6), 1000 / 1040, accuracy: 1e-12)
        XCTAssertEqual(ups.efficiency(outputWatts: 5e5), 500 / 522.5, accuracy: 1e-12)
        XCTAssertEqual(ups.efficiency(outputWatts: 2e5), 200 / 214.4, accuracy: 1e-12)
        XCTAssertGreaterThan(PowerStage.ecoModeUPS(ratingWatts: 1e6).efficiency(outputWatts: 5e5), 0.98)
    }

    /// Stull (2011) gives 13.7 °C wet-bulb at 20 °C and 50 % RH (the paper's worked example); wet-bulb equals
    /// dry-bulb near saturation and never exceeds it.
    func testStullWetBulb() {
        XCTAssertEqual(TMY3File.stullWetBulbCelsius(dryBulbCelsius: 20, relativeHumidity: 0.5), 13.7, accuracy: 0.05)
        XCTAssertEqual(TMY3File.stullWetBulbCelsius(dryBulbCelsius: 25, relativeHumidity: 0.99), 25, accuracy: 0.3)
        XCTAssertLessThanOrEqual(TMY3File.stullWetBulbCelsius(dryBulbCelsius: 35, relativeHumidity: 1), 35)
    }

    /// The accelerator power model: idle at u = 0, TDP at u = 1 and full clock, monotone in clock; unknown names list the catalogue.
    func testAcceleratorPower() throws {
        let h100 = try AcceleratorCatalogue.spec(named: "h100-sxm")
        XCTAssertEqual(h100.powerWatts(utilisation: 0), 75)
        XCTAssertEqual(h100.powerWatts(utilisation: 1), 700)
        var previous = 0.0
        for f in h100.clockStates.reversed() {
            let p = h100.powerWatts(utilisation: 1, clock: f)
            XCTAssertGreaterThan(p, previous)
            previous = p
        }
        // At half clock: V = 0.6 + 0.4·0.5 = 0.8, P = 75 + 625·0.5·0.64 = 275 W.
        XCTAssertEqual(h100.powerWatts(utilisation: 1, clock: 0.5), 275, accuracy: 1e-12)
        XCTAssertThrowsError(try AcceleratorCatalogue.spec(named: "TPU")) { XCTAssertTrue("\($0)".contains("MI300X")) }
    }
}

final class EconomiserTests: XCTestCase {
    /// Set-point 10 °C, range 6 K, deadband 1 K, hold 20 min. Starting mechanical at T_free = 20 °C (share 1);
    /// at 14 °C it enters partial (below 10 + 6 − 1), share (14 − 10)/6 = 2/3; at 9.5 °C it stays partial
    /// (the deadband asks < 9 °C to go free); at 8 °C it would go free but only 10 min have passed, so it waits;
    /// 20 min after the last change it goes free (share 0); back at 10.5 °C it stays free (needs > 11 °C).
    func testHysteresisAndHold() {
        var e = Economiser()
        XCTAssertEqual(e.update(freeCelsius: 20, setpointCelsius: 10, rangeKelvin: 6, time: 0), 1)
        XCTAssertEqual(e.update(freeCelsius: 14, setpointCelsius: 10, rangeKelvin: 6, time: 3600), 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(e.mode, .partial)
        _ = e.update(freeCelsius: 9.5, setpointCelsius: 10, rangeKelvin: 6, time: 4000)
        XCTAssertEqual(e.mode, .partial)
        _ = e.update(freeCelsius: 8, setpointCelsius: 10, rangeKelvin: 6, time: 3600 + 600)
        XCTAssertEqual(e.mode, .partial, "held: only 10 min since the last change")
        XCTAssertEqual(e.update(freeCelsius: 8, setpointCelsius: 10, rangeKelvin: 6, time: 3600 + 1200), 0)
        XCTAssertEqual(e.mode, .free)
        XCTAssertEqual(e.update(freeCelsius: 10.5, setpointCelsius: 10, rangeKelvin: 6, time: 20_000), 0)
    }
}
