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
}
