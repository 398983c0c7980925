/// Heat rejection to the outdoors: a dry cooler against the dry-bulb or an evaporative tower against the
/// wet-bulb. One enum so that the plant solver stays free of existential boxing (no allocation).
public enum HeatRejector: Sendable, Equatable, Codable {
    case dryCooler(DryCooler)
    case coolingTower(CoolingTower)

    /// Checks the model.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        switch self {
        case .dryCooler(let d): try d.validate()
        case .coolingTower(let t): try t.validate()
        }
    }

    /// The thermal and fan model.
    public var thermal: DryCooler {
        switch self {
        case .dryCooler(let d): return d
        case .coolingTower(let t): return t.thermal
        }
    }

    /// True for an evaporative tower.
    public var isEvaporative: Bool {
        if case .coolingTower = self { return true }
        return false
    }

    /// The outdoor temperature this rejector works against, °C: dry-bulb or wet-bulb.
    @inline(__always)
    public func sinkCelsius(_ weather: WeatherConditions) -> Double {
        isEvaporative ? weather.wetBulbCelsius : weather.dryBulbCelsius
    }

    /// Water leaving at design heat and full speed, °C: sink + design approach.
    @inline(__always)
    public func designLeavingCelsius(_ weather: WeatherConditions) -> Double {
        sinkCelsius(weather) + thermal.designApproachKelvin
    }

    /// Fan power per watt rejected at design, W/W.
    public var designSpecificFanPower: Double { thermal.designFanWatts / thermal.designHeatWatts }

    /// Make-up water per joule rejected, L/J (0 for a dry cooler).
    public var waterLitersPerJoule: Double {
        switch self {
        case .dryCooler: return 0
        case .coolingTower(let t): return t.waterLitersPerJoule
        }
    }

    /// The operating point holding `setpointCelsius` for `heatWatts` of water with flow capacity rate
    /// `waterCapacityRateWattsPerKelvin` (see `DryCooler.operatingPoint`).
    @inline(__always)
    public func operatingPoint(heatWatts: Double, weather: WeatherConditions, setpointCelsius: Double,
                               waterCapacityRateWattsPerKelvin: Double) -> DryCooler.Point {
        thermal.operatingPoint(heatWatts: heatWatts, ambientCelsius: sinkCelsius(weather), setpointCelsius: setpointCelsius,
                               waterCapacityRateWattsPerKelvin: waterCapacityRateWattsPerKelvin)
    }

    /// A rejector of the same kind sized for `designHeatWatts` at the same approach and specific fan power.
    public func resized(designHeatWatts: Double) -> HeatRejector {
        switch self {
        case .dryCooler(var d):
            d.designFanWatts *= designHeatWatts / d.designHeatWatts
            d.designHeatWatts = designHeatWatts
            return .dryCooler(d)
        case .coolingTower(var t):
            t.thermal.designFanWatts *= designHeatWatts / t.thermal.designHeatWatts
            t.thermal.designHeatWatts = designHeatWatts
            return .coolingTower(t)
        }
    }
}
