/// Where the outdoor conditions of a run come from.
public enum WeatherSource: Sendable, Equatable {
    /// A TMY3 CSV file (path resolved against the scenario file's directory), plus a dry-bulb
    /// offset in K for heatwave scenarios (wet-bulb is re-derived from the shifted dry-bulb and the
    /// file's dew point).
    case tmy3(path: String, offsetKelvin: Double)
    /// A synthetic climate: `mean + annualAmplitude·cos(2π(d − hottestDay)/365) + dailyAmplitude·cos(2π(h − 15)/24)`
    /// dry-bulb in °C, with a fixed relative humidity.
    case synthetic(meanCelsius: Double, annualAmplitudeKelvin: Double, dailyAmplitudeKelvin: Double,
                   hottestDayOfYear: Double, relativeHumidity: Double)
}
