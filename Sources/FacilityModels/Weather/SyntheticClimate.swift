import Foundation

/// A synthetic climate: dry-bulb as an annual plus a diurnal sinusoid, constant relative humidity.
///
///     T(h) = mean + A_annual·cos(2π(day − hottestDay)/365) + A_daily·cos(2π(hourOfDay − hottestHour)/24)
///
/// evaluated at the middle of each hour (day = ⌊h/24⌋ + 1, hourOfDay = h mod 24 + 0.5). Wet-bulb and dew
/// point follow from the constant RH (Stull 2011; Magnus). Assumption: a test and sensitivity climate, not
/// a measured one; use TMY3 files for real sites.
public struct SyntheticClimate: Sendable, Equatable, Codable {
    /// Annual mean dry-bulb, °C.
    public var meanCelsius: Double
    /// Half the annual swing, K.
    public var annualAmplitudeKelvin: Double
    /// Half the daily swing, K.
    public var dailyAmplitudeKelvin: Double
    /// Day of year (1–365) of the warmest day.
    public var hottestDayOfYear: Double
    /// Hour of day (0–24) of the warmest hour. Default 15:00 (mid-afternoon maximum).
    public var hottestHourOfDay: Double
    /// Relative humidity, 0…1.
    public var relativeHumidity: Double
    /// Pressure, Pa.
    public var pressurePascals: Double

    public init(meanCelsius: Double, annualAmplitudeKelvin: Double, dailyAmplitudeKelvin: Double, hottestDayOfYear: Double = 200,
                hottestHourOfDay: Double = 15, relativeHumidity: Double = 0.6, pressurePascals: Double = 101_325) {
        self.meanCelsius = meanCelsius
        self.annualAmplitudeKelvin = annualAmplitudeKelvin
        self.dailyAmplitudeKelvin = dailyAmplitudeKelvin
        self.hottestDayOfYear = hottestDayOfYear
        self.hottestHourOfDay = hottestHourOfDay
        self.relativeHumidity = relativeHumidity
        self.pressurePascals = pressurePascals
    }

    /// Checks the parameters.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.require(meanCelsius, in: -60...50, "SyntheticClimate", "meanCelsius")
        try FacilityModelError.require(annualAmplitudeKelvin, in: 0...40, "SyntheticClimate", "annualAmplitudeKelvin")
        try FacilityModelError.require(dailyAmplitudeKelvin, in: 0...25, "SyntheticClimate", "dailyAmplitudeKelvin")
        try FacilityModelError.require(hottestDayOfYear, in: 0...366, "SyntheticClimate", "hottestDayOfYear")
        try FacilityModelError.require(hottestHourOfDay, in: 0...24, "SyntheticClimate", "hottestHourOfDay")
        try FacilityModelError.require(relativeHumidity, in: 0.01...1, "SyntheticClimate", "relativeHumidity")
        try FacilityModelError.require(pressurePascals, in: 30_000...110_000, "SyntheticClimate", "pressurePascals")
    }

    /// Dry-bulb during hour `hour` of the year, °C.
    public func dryBulbCelsius(hour: Int) -> Double {
        let day = Double(hour / 24) + 1, hourOfDay = Double(hour % 24) + 0.5
        return meanCelsius + annualAmplitudeKelvin * cos(2 * .pi * (day - hottestDayOfYear) / 365)
            + dailyAmplitudeKelvin * cos(2 * .pi * (hourOfDay - hottestHourOfDay) / 24)
    }

    /// Conditions during hour `hour` of the year.
    public func conditions(hour: Int) -> WeatherConditions {
        WeatherConditions(dryBulbCelsius: dryBulbCelsius(hour: hour), relativeHumidity: relativeHumidity, pressurePascals: pressurePascals)
    }

    /// A year (8,760 hours) of this climate, `dryBulbOffsetKelvin` warmer if asked.
    /// - Throws: `FacilityModelError` for bad parameters.
    public func series(dryBulbOffsetKelvin: Double = 0) throws -> WeatherSeries {
        try validate()
        return try WeatherSeries(hours: (0..<8760).map(conditions(hour:)), source: "synthetic climate", dryBulbOffsetKelvin: dryBulbOffsetKelvin)
    }
}
