import FacilityModels

/// Scenario choices for the cooling plant, heat recovery and power chain.
///
/// Fields left `nil` take the sourced defaults of the corresponding `FacilityModels` type.
public struct PlantSpec: Sendable {
    /// How mechanical cooling is used.
    public enum ChillerMode: String, Sendable, CaseIterable {
        /// No chiller: the supply temperature floats with the weather.
        case none
        /// The chiller trims only when dry coolers cannot meet the set-point (warm-water designs).
        case trim
        /// Chilled water from the chiller, with a water-side economiser when it is cold enough.
        case full
    }

    /// Facility-water supply set-point, °C.
    public var supplySetpointCelsius: Double?
    /// Dry-cooler approach to dry-bulb, K.
    public var dryCoolerApproachKelvin: Double?
    /// Electrical power of the facility-water pumps at design flow per watt of liquid design heat (the
    /// coefficient k of the affinity law P = k·Q_design·(V̇/V̇_design)³); nil: `defaultPumpPowerFraction`.
    public var pumpPowerFraction: Double?
    /// The catalogue's facility-water pumps as a coefficient: k = Δp/(ρ·c_p·ΔT·η) with the `PlantParameter` defaults
    /// (300 kPa at 0.87, water at 30 °C, 10 K design rise: 300e3/(995.6·4,177·10·0.87) ≈ 0.0083) — 0.83 % of the heat, as
    /// Frontier's CDU pumps draw ≈ 0.75 % of IT (ExaDigiT/RAPS config/frontier.yaml). The plant maps a scenario's k back
    /// onto the pump head (`FacilityPlant.overrides`), so the two are one parameter.
    public static var defaultPumpPowerFraction: Double {
        let c = ParameterCatalogue()
        return c.peek(.waterPumpPressurePascals) / (c.peek(.waterDensityKilogramsPerCubicMeter)
            * c.peek(.waterSpecificHeatJoulesPerKilogramKelvin) * c.peek(.loopDesignRiseKelvin) * c.peek(.waterPumpEfficiency))
    }
    public var chiller: ChillerMode
    /// Reject heat through an evaporative cooling tower (wet-bulb + approach) instead of dry coolers.
    public var coolingTower: Bool
    /// Use a water-side economiser (free cooling through the tower or dry cooler) when the weather allows.
    public var economiser: Bool = true
    /// CRAH fans run at constant (design) speed instead of following the heat load (legacy practice).
    public var constantSpeedAirHandling: Bool = false
    /// UPS topology: double conversion, or eco mode (bypass, conversion only on disturbance).
    public enum UPSMode: String, Sendable, CaseIterable { case doubleConversion = "double_conversion", ecoMode = "eco_mode" }
    public var upsMode: UPSMode = .doubleConversion
    /// UPS redundancy: modules installed beyond the load (n+1 adds one module of four, 2n doubles the rating).
    public var upsRedundancy: CoolingSystemBlock.Redundancy = .nPlus1
    /// Immersion overrides (nil: the `PlantParameter` catalogue defaults): chip-to-fluid resistance K/W, fluid volume per tank m³,
    /// tank heat-exchanger effectiveness.
    public var immersionJunctionToFluid: Double?
    public var immersionFluidVolume: Double?
    public var immersionHXEffectiveness: Double?
    /// Cold-plate overrides (nil: the `PlantParameter` catalogue defaults): flow per GPU L/min, junction-to-case K/W, CDU approach K.
    public var coldPlateFlowPerGPU: Double?
    public var junctionToCase: Double?
    public var cduApproachKelvin: Double?
    /// Heat demand of the heat user (district heating), W; nil without heat recovery.
    public var heatRecoveryDemandWatts: Double?
    /// Supply temperature the heat user needs, °C.
    public var heatRecoverySupplyCelsius: Double?
    /// Values for any catalogue parameter (the scenario's `parameters:` block, or a sensitivity study), replacing the
    /// defaults of `PlantParameter.defaultEntry`; an entry here wins over the named field above that sets the same parameter.
    public var parameterOverrides: [PlantParameter: Double] = [:]

    public init(supplySetpointCelsius: Double? = nil, dryCoolerApproachKelvin: Double? = nil,
                chiller: ChillerMode = .trim, coolingTower: Bool = false,
                heatRecoveryDemandWatts: Double? = nil, heatRecoverySupplyCelsius: Double? = nil) {
        self.supplySetpointCelsius = supplySetpointCelsius
        self.dryCoolerApproachKelvin = dryCoolerApproachKelvin
        self.chiller = chiller
        self.coolingTower = coolingTower
        self.heatRecoveryDemandWatts = heatRecoveryDemandWatts
        self.heatRecoverySupplyCelsius = heatRecoverySupplyCelsius
    }
}
