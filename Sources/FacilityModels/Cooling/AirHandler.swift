/// Computer-room air handling (CRAH fans, or the fans of rear-door/in-row coolers): moves the heat the
/// liquid does not capture from the IT to a chilled-water coil.
///
/// Airflow V̇ = Q/(ρ·cp·ΔT_air) and fan power P = Δp·V̇/η at design; at part load a variable-speed fan
/// follows the affinity law, P = P_design·(Q/Q_design)³ (speed floored), while a constant-speed fan draws
/// P_design always. At design the specific fan power is Δp/(ρ·cp·ΔT·η) W per W of heat.
///
/// Assumption (no public CRAH data in the shared references): ΔT_air = 12 K, Δp = 500 Pa, η = 0.6, giving
/// 500/(1.1614·1007·12·0.6) = 0.0594 kW of fan per kW of heat at design. Above design heat the fans
/// are capped at full speed (the air then leaves warmer). The liquid-captured share of heat that
/// leaves the air side is 0.945 in RAPS' Frontier model (`ExaDigiT/RAPS config/frontier.yaml`,
/// cooling_efficiency), so a direct-to-chip hall sends 5.5 % of its IT heat here.
public struct AirHandler: Sendable, Equatable, Codable {
    /// Heat at design, W.
    public var designHeatWatts: Double
    /// Air temperature rise across the IT at design, K.
    public var airRiseKelvin: Double
    /// Fan total pressure rise, Pa.
    public var fanPressurePascals: Double
    /// Fan wire-to-air efficiency.
    public var fanEfficiency: Double
    /// Variable-speed fans (affinity law) or constant speed.
    public var variableSpeed: Bool
    /// Lowest fan speed ratio. Assumption: 0.3.
    public var minimumSpeedRatio: Double
    /// The air.
    public var air: Coolant

    public init(designHeatWatts: Double, airRiseKelvin: Double = PlantDefaults.crahAirRiseKelvin, fanPressurePascals: Double = PlantDefaults.crahFanPressure,
                fanEfficiency: Double = PlantDefaults.crahFanEfficiency,
                variableSpeed: Bool = true, minimumSpeedRatio: Double = 0.3, air: Coolant = .air) {
        self.designHeatWatts = designHeatWatts
        self.airRiseKelvin = airRiseKelvin
        self.fanPressurePascals = fanPressurePascals
        self.fanEfficiency = fanEfficiency
        self.variableSpeed = variableSpeed
        self.minimumSpeedRatio = minimumSpeedRatio
        self.air = air
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requireNonNegative(designHeatWatts, "AirHandler", "designHeatWatts")
        try FacilityModelError.requirePositive(airRiseKelvin, "AirHandler", "airRiseKelvin")
        try FacilityModelError.requireNonNegative(fanPressurePascals, "AirHandler", "fanPressurePascals")
        try FacilityModelError.require(fanEfficiency, in: 1e-3...1, "AirHandler", "fanEfficiency")
        try FacilityModelError.require(minimumSpeedRatio, in: 0...1, "AirHandler", "minimumSpeedRatio")
        try air.validate()
    }

    /// Fan power per watt of heat at design, W/W: Δp/(ρ·cp·ΔT·η).
    public var designSpecificFanPower: Double {
        fanPressurePascals / (air.volumetricHeatCapacityJoulesPerCubicMeterKelvin * airRiseKelvin * fanEfficiency)
    }

    /// Fan power at design, W.
    public var designFanWatts: Double { designSpecificFanPower * designHeatWatts }

    /// Fan power while moving `heatWatts` to the coil, W.
    @inline(__always)
    public func fanWatts(heatWatts: Double) -> Double {
        guard designHeatWatts > 0 else { return 0 }
        if !variableSpeed { return designFanWatts }
        guard heatWatts > 0 else { return 0 }
        let speed = min(1, max(minimumSpeedRatio, heatWatts / designHeatWatts))
        return designFanWatts * speed * speed * speed
    }
}
