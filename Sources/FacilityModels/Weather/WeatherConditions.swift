/// Outdoor air conditions during one hour.
public struct WeatherConditions: Sendable, Equatable, Codable {
    /// Dry-bulb temperature, °C.
    public var dryBulbCelsius: Double
    /// Wet-bulb temperature, °C (Stull 2011 from dry-bulb and RH when not measured).
    public var wetBulbCelsius: Double
    /// Dew-point temperature, °C.
    public var dewPointCelsius: Double
    /// Relative humidity, 0…1.
    public var relativeHumidity: Double
    /// Station pressure, Pa.
    public var pressurePascals: Double

    public init(dryBulbCelsius: Double, wetBulbCelsius: Double, dewPointCelsius: Double, relativeHumidity: Double, pressurePascals: Double) {
        self.dryBulbCelsius = dryBulbCelsius
        self.wetBulbCelsius = wetBulbCelsius
        self.dewPointCelsius = dewPointCelsius
        self.relativeHumidity = relativeHumidity
        self.pressurePascals = pressurePascals
    }

    /// Conditions from dry-bulb and relative humidity, deriving wet-bulb (Stull 2011) and dew point
    /// (Magnus, Alduchov & Eskridge 1996). Pressure defaults to the standard atmosphere, 101,325 Pa.
    public init(dryBulbCelsius: Double, relativeHumidity: Double, pressurePascals: Double = 101_325) {
        self.init(dryBulbCelsius: dryBulbCelsius,
                  wetBulbCelsius: Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: dryBulbCelsius, relativeHumidity: relativeHumidity),
                  dewPointCelsius: Psychrometrics.dewPointCelsius(dryBulbCelsius: dryBulbCelsius, relativeHumidity: relativeHumidity),
                  relativeHumidity: relativeHumidity, pressurePascals: pressurePascals)
    }

    /// The same air `offsetKelvin` warmer at the same relative humidity (a heatwave scenario; Assumption:
    /// constant RH, which raises the wet-bulb with the dry-bulb — the conservative choice for evaporative
    /// heat rejection); wet-bulb and dew point are re-derived.
    public func shifted(byKelvin offsetKelvin: Double) -> WeatherConditions {
        guard offsetKelvin != 0 else { return self }
        return WeatherConditions(dryBulbCelsius: dryBulbCelsius + offsetKelvin, relativeHumidity: relativeHumidity, pressurePascals: pressurePascals)
    }
}
