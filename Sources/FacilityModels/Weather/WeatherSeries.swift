/// Hourly outdoor conditions with a lookup by simulation time.
///
/// Lookup is piecewise constant per hour: the hour [k·3600, (k+1)·3600) s of the run uses row
/// (startIndex + k) mod count. Chosen because the simulator steps weather hourly (one event per hour,
/// inputs constant between events, which the exact thermal solutions require) and TMY3 values label the
/// hour ending at their timestamp; linear interpolation would make the inputs change between events. A
/// run longer than the series wraps round (a TMY is one typical year).
public struct WeatherSeries: Sendable, Equatable {
    /// Hourly conditions.
    public var hours: [WeatherConditions]
    /// Dry-bulb offset applied on top of the source, K (heatwave scenarios; already in `hours`).
    public let dryBulbOffsetKelvin: Double
    /// Where the conditions come from, for reports.
    public var source: String

    /// A series from hourly conditions.
    /// - Throws: `FacilityModelError.invalidConfiguration` when empty.
    public init(hours: [WeatherConditions], source: String, dryBulbOffsetKelvin: Double = 0) throws {
        guard !hours.isEmpty else {
            throw FacilityModelError.invalidConfiguration(model: "WeatherSeries", message: "needs at least one hour of weather")
        }
        try FacilityModelError.requireFinite(dryBulbOffsetKelvin, "WeatherSeries", "dryBulbOffsetKelvin")
        self.hours = dryBulbOffsetKelvin == 0 ? hours : hours.map { $0.shifted(byKelvin: dryBulbOffsetKelvin) }
        self.dryBulbOffsetKelvin = dryBulbOffsetKelvin
        self.source = source
    }

    /// The hours of a TMY3 file, rotated so that index 0 is 1 January 01:00's hour (hour 0 of the year),
    /// optionally `dryBulbOffsetKelvin` warmer at constant relative humidity (`WeatherConditions.shifted`).
    /// - Throws: `FacilityModelError` for a non-finite offset.
    public init(tmy3 file: TMY3File, dryBulbOffsetKelvin: Double = 0) throws {
        var hours: [WeatherConditions] = []
        hours.reserveCapacity(file.dryBulbCelsius.count)
        for i in file.dryBulbCelsius.indices {
            hours.append(WeatherConditions(dryBulbCelsius: file.dryBulbCelsius[i],
                                           wetBulbCelsius: Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: file.dryBulbCelsius[i],
                                                                                              relativeHumidity: file.relativeHumidity[i]),
                                           dewPointCelsius: file.dewPointCelsius[i], relativeHumidity: file.relativeHumidity[i],
                                           pressurePascals: file.pressurePascals[i]))
        }
        if hours.count == 8760, file.firstHourOfYear != 0 {
            let shift = (8760 - file.firstHourOfYear) % 8760
            hours = Array(hours[shift...] + hours[..<shift])
        }
        try self.init(hours: hours, source: "TMY3 \(file.stationID) \(file.station)", dryBulbOffsetKelvin: dryBulbOffsetKelvin)
    }

    /// Number of hours in the series.
    public var count: Int { hours.count }

    /// The conditions during hour `hour` of the run (wrapping round the series).
    @inline(__always)
    public func conditions(hour: Int) -> WeatherConditions {
        let n = hours.count
        return hours[((hour % n) + n) % n]
    }

    /// The conditions at simulation time `seconds` (piecewise constant per hour; see the type).
    @inline(__always)
    public func conditions(atSeconds seconds: Double) -> WeatherConditions {
        conditions(hour: Int((seconds / 3600).rounded(.down)))
    }

    /// The next time after `seconds` at which the conditions may change (the next whole hour), s.
    public func nextChangeSeconds(after seconds: Double) -> Double {
        ((seconds / 3600).rounded(.down) + 1) * 3600
    }

    /// Minimum, mean and maximum dry-bulb over the series, °C.
    public var dryBulbSummary: (minimum: Double, mean: Double, maximum: Double) {
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        for h in hours {
            lo = min(lo, h.dryBulbCelsius)
            hi = max(hi, h.dryBulbCelsius)
            sum += h.dryBulbCelsius
        }
        return (lo, sum / Double(hours.count), hi)
    }
}
