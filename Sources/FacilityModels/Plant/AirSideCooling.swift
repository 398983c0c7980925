/// The air side of the plant: chilled water for the air handlers' coils, made by a chiller or, when the
/// weather allows, by a water-side economiser against the outdoors.
///
/// Defaults (Assumption unless stated): chilled-water supply 15 °C with a 6 K range (elevated chilled water
/// for 22–24 °C supply air; legacy halls run 7–10 °C), economiser exchanger approach 2 K, chilled-water
/// pumps of 300 kPa at 0.87 wire-to-water efficiency (HewlettPackard/dc-rl envs/datacenter.py:
/// CW_PRESSURE_DROP 300000, CW_PUMP_EFFICIENCY 0.87), and the chiller of `Chiller()`.
public struct AirSideCooling: Sendable, Equatable, Codable {
    /// Chilled-water supply set-point, °C.
    public var chilledWaterSupplyCelsius: Double
    /// Chilled-water range (return − supply) at design, K.
    public var chilledWaterRangeKelvin: Double
    /// The chiller.
    public var chiller: Chiller
    /// Whether a water-side economiser exists.
    public var economiserEnabled: Bool
    /// Economiser exchanger approach, K.
    public var economiserApproachKelvin: Double
    /// Heat rejection of the economiser and of the chiller's condenser.
    public var rejection: HeatRejector
    /// Chilled-water pumps (rated for the design air-side heat).
    public var chilledWaterPump: Pump

    public init(chilledWaterSupplyCelsius: Double = PlantDefaults.chilledWaterSupplyCelsius,
                chilledWaterRangeKelvin: Double = PlantDefaults.chilledWaterRiseKelvin, chiller: Chiller = Chiller(),
                economiserEnabled: Bool = true, economiserApproachKelvin: Double = PlantDefaults.economiserApproachKelvin,
                rejection: HeatRejector, chilledWaterPump: Pump) {
        self.chilledWaterSupplyCelsius = chilledWaterSupplyCelsius
        self.chilledWaterRangeKelvin = chilledWaterRangeKelvin
        self.chiller = chiller
        self.economiserEnabled = economiserEnabled
        self.economiserApproachKelvin = economiserApproachKelvin
        self.rejection = rejection
        self.chilledWaterPump = chilledWaterPump
    }

    /// The air side sized for `designHeatWatts` of coil heat, rejecting through `rejection` (resized).
    public static func sized(designHeatWatts: Double, rejection: HeatRejector,
                             chilledWaterSupplyCelsius: Double = PlantDefaults.chilledWaterSupplyCelsius,
                             economiserEnabled: Bool = true) -> AirSideCooling {
        let heat = max(designHeatWatts, 1)
        let flow = Coolant.water.flowCubicMetersPerSecond(heatWatts: heat, riseKelvin: PlantDefaults.chilledWaterRiseKelvin)
        return AirSideCooling(chilledWaterSupplyCelsius: chilledWaterSupplyCelsius, economiserEnabled: economiserEnabled,
                              rejection: rejection.resized(designHeatWatts: heat),
                              chilledWaterPump: Pump(designFlowCubicMetersPerSecond: flow, designPressurePascals: PlantDefaults.waterPumpPressure,
                                                                     efficiency: PlantDefaults.waterPumpEfficiency))
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        try FacilityModelError.require(chilledWaterSupplyCelsius, in: 2...35, "AirSideCooling", "chilledWaterSupplyCelsius")
        try FacilityModelError.requirePositive(chilledWaterRangeKelvin, "AirSideCooling", "chilledWaterRangeKelvin")
        try chiller.validate()
        try FacilityModelError.requireNonNegative(economiserApproachKelvin, "AirSideCooling", "economiserApproachKelvin")
        try rejection.validate()
        try chilledWaterPump.validate()
    }

    /// The temperature the economiser alone delivers, °C: the rejector's design leaving temperature
    /// (sink + approach) plus the economiser exchanger's approach. Conservative at part load.
    @inline(__always)
    public func freeCoolingCelsius(_ weather: WeatherConditions) -> Double {
        rejection.designLeavingCelsius(weather) + economiserApproachKelvin
    }

    /// The mode the temperatures ask for with no hysteresis (free below the set-point, full mechanical
    /// above the return temperature, partial between), or `.mechanical` without an economiser.
    public func idealMode(_ weather: WeatherConditions) -> Economiser.Mode {
        guard economiserEnabled else { return .mechanical }
        let free = freeCoolingCelsius(weather)
        if free <= chilledWaterSupplyCelsius { return .free }
        return free < chilledWaterSupplyCelsius + chilledWaterRangeKelvin ? .partial : .mechanical
    }
}
