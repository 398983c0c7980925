import XCTest
@testable import FacilityModels

final class PlantComponentTests: XCTestCase {
    /// Affinity laws: a pump designed for 0.1 m³/s at 300 kPa and η 0.87 draws 300e3·0.1/0.87 = 34,483 W;
    /// at half flow (half speed) it draws 1/8 of that and makes 1/4 of the pressure; below the 30 % speed
    /// floor it stays at 0.3³; it does not overspeed. A pump known by rated power (74 kW at 0.1 m³/s, η 1)
    /// has Δp = 740 kPa.
    func testPumpAffinity() throws {
        let pump = Pump(designFlowCubicMetersPerSecond: 0.1, designPressurePascals: 300e3, efficiency: 0.87)
        try pump.validate()
        XCTAssertEqual(pump.designPowerWatts, 300e3 * 0.1 / 0.87, accuracy: 1e-9)
        XCTAssertEqual(pump.powerWatts(flowRatio: 0.5), pump.designPowerWatts / 8, accuracy: 1e-9)
        XCTAssertEqual(pump.pressureRisePascals(flowRatio: 0.5), 75e3, accuracy: 1e-9)
        XCTAssertEqual(pump.powerWatts(flowRatio: 0.1), pump.designPowerWatts * 0.027, accuracy: 1e-9)
        XCTAssertEqual(pump.powerWatts(flowRatio: 2), pump.designPowerWatts, "the drive does not overspeed")
        XCTAssertEqual(pump.powerWatts(flowCubicMetersPerSecond: 0.05), pump.designPowerWatts / 8, accuracy: 1e-9)
        let rated = Pump(ratedPowerWatts: 74e3, ratedFlowCubicMetersPerSecond: 0.1)
        XCTAssertEqual(rated.designPressurePascals, 740e3, accuracy: 1e-6)
        XCTAssertEqual(rated.designPowerWatts, 74e3, accuracy: 1e-6)
        XCTAssertThrowsError(try Pump(designFlowCubicMetersPerSecond: 0.1, designPressurePascals: 1, efficiency: 1.5).validate())
    }

    /// Chiller COP at two lifts by hand (η = 0.5, evaporator 2 K below supply, condenser 3 K above sink):
    /// AHRI point, 6.7 °C water and 29.4 °C condenser water: T_e = 277.85 K, T_c = 305.55 K,
    /// COP = 0.5·277.85/27.7 = 5.0153 (inside BAC's 4.4–5.9). A hot day, 35 °C sink: T_c = 311.15 K,
    /// COP = 0.5·277.85/33.3 = 4.1719. A cold sink (5 °C) is held at the 18.3 °C head-pressure floor:
    /// T_c = 294.45 K, COP = 0.5·277.85/16.6 = 8.3690.
    func testChillerCOPFallsWithLift() throws {
        let chiller = Chiller()
        try chiller.validate()
        XCTAssertEqual(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 29.4), 0.5 * 277.85 / 27.7, accuracy: 1e-9)
        XCTAssertEqual(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 35), 0.5 * 277.85 / 33.3, accuracy: 1e-9)
        XCTAssertEqual(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 5), 0.5 * 277.85 / 16.6, accuracy: 1e-9)
        XCTAssertGreaterThan(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 29.4), 4.4)
        XCTAssertLessThan(chiller.cop(supplyCelsius: 6.7, sinkCelsius: 29.4), 5.9)
        XCTAssertEqual(chiller.powerWatts(heatWatts: 1e6, supplyCelsius: 6.7, sinkCelsius: 29.4), 1e6 / (0.5 * 277.85 / 27.7), accuracy: 1e-6)
        XCTAssertEqual(chiller.condenserHeatWatts(heatWatts: 1e6, supplyCelsius: 6.7, sinkCelsius: 29.4), 1e6 * (1 + 27.7 / (0.5 * 277.85)), accuracy: 1e-6)
        XCTAssertEqual(chiller.powerWatts(heatWatts: 0, supplyCelsius: 6.7, sinkCelsius: 29.4), 0)
    }

    /// UPS efficiency at three loads of a 1 MW double-conversion UPS (loss = 1 % fixed + 2 % of load + 1 %·x²):
    /// 100 %: loss 10 + 20 + 10 = 40 kW → 1000/1040 = 96.15 %; 50 %: 10 + 10 + 2.5 = 22.5 kW → 500/522.5 = 95.69 %;
    /// 20 %: 10 + 4 + 0.4 = 14.4 kW → 200/214.4 = 93.28 % — inside the 94–97 % double-conversion band at high
    /// load and falling at low load, as the Riello FAQ describes.
    func testUPSEfficiencyAtThreeLoads() {
        let ups = PowerStage.ups(ratingWatts: 1e6, ecoMode: false, ParameterCatalogue())
        XCTAssertEqual(ups.efficiency(outputWatts: 1e6), 1000 / 1040, accuracy: 1e-12)
        XCTAssertEqual(ups.efficiency(outputWatts: 5e5), 500 / 522.5, accuracy: 1e-12)
        XCTAssertEqual(ups.efficiency(outputWatts: 2e5), 200 / 214.4, accuracy: 1e-12)
        XCTAssertGreaterThan(PowerStage.ups(ratingWatts: 1e6, ecoMode: true, ParameterCatalogue()).efficiency(outputWatts: 5e5), 0.98)
    }

    /// A transformer is ≥ 98 % efficient from 30 % load up (no-load 0.3 %, load loss 1 %·x²: at 30 %,
    /// 0.3/(0.3 + 0.003 + 0.01·0.09) → 98.7 %).
    func testTransformer() {
        let transformer = PowerStage.transformer(ratingWatts: 1e6, ParameterCatalogue())
        for load in [0.3e6, 0.5e6, 1e6] { XCTAssertGreaterThanOrEqual(transformer.efficiency(outputWatts: load), 0.98) }
        XCTAssertEqual(transformer.efficiency(outputWatts: 0.3e6), 0.3 / (0.3 + 0.003 + 0.01 * 0.09), accuracy: 1e-12)
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

    /// The pure form: a decision leaves the receiver unchanged, reports the wanted mode while the hold
    /// blocks it, and the earliest change time is the last change + 1,200 s.
    func testPureDecisionAndEarliestChange() {
        let e = Economiser(mode: .free, at: 1000)
        let blocked = e.next(freeCelsius: 30, setpointCelsius: 10, rangeKelvin: 6, time: 1500)
        XCTAssertFalse(blocked.changed)
        XCTAssertEqual(blocked.wantedMode, .mechanical)
        XCTAssertEqual(blocked.earliestChangeSeconds, 2200)
        XCTAssertEqual(e.mode, .free)
        let allowed = e.next(freeCelsius: 30, setpointCelsius: 10, rangeKelvin: 6, time: 2200)
        XCTAssertTrue(allowed.changed)
        XCTAssertEqual(allowed.economiser.mode, .mechanical)
        XCTAssertEqual(allowed.earliestChangeSeconds, 3400)
    }
}
