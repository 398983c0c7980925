import Foundation
import XCTest
@testable import FacilityModels

final class WeatherTests: XCTestCase {
    /// Stull (2011) gives 13.7 °C wet-bulb at 20 °C and 50 % RH (the paper's worked example); wet-bulb
    /// equals dry-bulb near saturation and never exceeds it. The Magnus dew point of 20 °C / 50 % is
    /// 243.04·γ/(17.625 − γ), γ = ln 0.5 + 17.625·20/263.04 = 0.64700 → 9.26 °C, and RH from (20, 9.26)
    /// returns 0.5.
    func testStullWetBulbAndDewPoint() {
        XCTAssertEqual(Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: 20, relativeHumidity: 0.5), 13.7, accuracy: 0.05)
        XCTAssertEqual(Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: 25, relativeHumidity: 0.99), 25, accuracy: 0.3)
        XCTAssertLessThanOrEqual(Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: 35, relativeHumidity: 1), 35)
        let gamma = log(0.5) + 17.625 * 20 / 263.04
        let dew = Psychrometrics.dewPointCelsius(dryBulbCelsius: 20, relativeHumidity: 0.5)
        XCTAssertEqual(dew, 243.04 * gamma / (17.625 - gamma), accuracy: 1e-12)
        XCTAssertEqual(dew, 9.26, accuracy: 0.01)
        XCTAssertEqual(Psychrometrics.relativeHumidity(dryBulbCelsius: 20, dewPointCelsius: dew), 0.5, accuracy: 1e-12)
    }

    /// Lookup is piecewise constant per hour: t = 0…3599.9 s is hour 0, t = 3600 s hour 1; a run past the
    /// series wraps (hour 8,760 is hour 0 again); the next change after 5,000 s is at 7,200 s.
    func testPiecewiseConstantLookup() throws {
        let climate = SyntheticClimate(meanCelsius: 10, annualAmplitudeKelvin: 10, dailyAmplitudeKelvin: 5)
        let series = try climate.series()
        XCTAssertEqual(series.count, 8760)
        XCTAssertEqual(series.conditions(atSeconds: 0), series.conditions(hour: 0))
        XCTAssertEqual(series.conditions(atSeconds: 3599.9), series.conditions(hour: 0))
        XCTAssertEqual(series.conditions(atSeconds: 3600), series.conditions(hour: 1))
        XCTAssertEqual(series.conditions(hour: 8760), series.conditions(hour: 0))
        XCTAssertEqual(series.nextChangeSeconds(after: 5000), 7200)
    }

    /// Synthetic climate by hand: mean 10, annual ±10 peaking on day 200, daily ±5 peaking at 15:00. Hour
    /// 199·24 + 14 is day 200, 14:30 → 10 + 10 + 5·cos(2π·(−0.5)/24) = 24.957 °C; hour 14 (day 1, 14:30)
    /// → 10 + 10·cos(2π·(−199)/365) + 5·cos(2π·(−0.5)/24). Wet-bulb follows from the constant 60 % RH.
    func testSyntheticClimate() throws {
        let climate = SyntheticClimate(meanCelsius: 10, annualAmplitudeKelvin: 10, dailyAmplitudeKelvin: 5)
        try climate.validate()
        let daily = 5 * cos(2 * .pi * -0.5 / 24)
        XCTAssertEqual(climate.dryBulbCelsius(hour: 199 * 24 + 14), 20 + daily, accuracy: 1e-12)
        XCTAssertEqual(climate.dryBulbCelsius(hour: 14), 10 + 10 * cos(2 * .pi * -199 / 365) + daily, accuracy: 1e-12)
        let c = climate.conditions(hour: 199 * 24 + 14)
        XCTAssertEqual(c.wetBulbCelsius, Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: c.dryBulbCelsius, relativeHumidity: 0.6), accuracy: 1e-12)
        XCTAssertThrowsError(try SyntheticClimate(meanCelsius: 10, annualAmplitudeKelvin: -1, dailyAmplitudeKelvin: 0).validate())
    }

    /// A heatwave offset of +5 K shifts every dry-bulb by exactly 5 K at the same RH and re-derives the
    /// wet-bulb (Stull at the new dry-bulb), so the series' maximum rises by 5 K.
    func testHeatwaveOffset() throws {
        let climate = SyntheticClimate(meanCelsius: 15, annualAmplitudeKelvin: 8, dailyAmplitudeKelvin: 4)
        let base = try climate.series(), hot = try climate.series(dryBulbOffsetKelvin: 5)
        XCTAssertEqual(hot.dryBulbSummary.maximum, base.dryBulbSummary.maximum + 5, accuracy: 1e-12)
        let h = hot.conditions(hour: 4000), b = base.conditions(hour: 4000)
        XCTAssertEqual(h.relativeHumidity, b.relativeHumidity)
        XCTAssertEqual(h.wetBulbCelsius, Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: b.dryBulbCelsius + 5, relativeHumidity: b.relativeHumidity), accuracy: 1e-12)
        XCTAssertGreaterThan(h.wetBulbCelsius, b.wetBulbCelsius)
        XCTAssertThrowsError(try WeatherSeries(hours: [], source: "empty"))
    }
}
