/// Every parameter of the plant model that can move a verdict (PUE, peak GPU temperature, throttling, uptime,
/// cost), as an enum so that the set is closed and iterable. Each case's default entry — unit, value, plausible
/// range and source — is in `PlantParameter+Defaults.swift`; a run reads them through `ParameterCatalogue`.
///
/// Names carry their units (`…KelvinPerWatt`, `…Celsius`); the raw value is the declaration order, used as an index.
public enum PlantParameter: Int, CaseIterable, Sendable, Codable {
    // servers
    case otherServerWattsPerGPUIdle, otherServerWattsPerGPUPerUtilisation, airServerFanFraction, psuEfficiency
    // GPU modules
    case heatSinkModuleCapacitanceJoulesPerKelvin, coldPlateModuleCapacitanceJoulesPerKelvin
    // immersion
    case immersionJunctionToFluidKelvinPerWatt, immersionFluidVolumeCubicMeters
    case immersionFluidDensityKilogramsPerCubicMeter, immersionFluidSpecificHeatJoulesPerKilogramKelvin
    case immersionFluidConductivityWattsPerMeterKelvin, immersionFluidViscosityPascalSeconds
    case immersionHXEffectiveness, heatExchangerUAFlowExponent, loopDesignRiseKelvin, pumpMinimumSpeedRatio
    // direct-to-chip
    case coldPlateFlowLitersPerMinutePerGPU, coldPlateResistanceAt2LitersPerMinute, coldPlateResistanceAt3LitersPerMinute
    case coldPlateResistanceAt4LitersPerMinute, coldPlateResistanceAt5LitersPerMinute, junctionToCaseKelvinPerWatt
    case coldPlateCoolantCapacitanceJoulesPerKelvin, liquidCaptureFraction, cduApproachKelvin
    // water
    case warmWaterSupplyCelsius, waterDensityKilogramsPerCubicMeter, waterSpecificHeatJoulesPerKilogramKelvin
    // air cooling and room air
    case airJunctionToAirKelvinPerWatt, airConductancePerGPUWattsPerKelvin, airPathCapacitanceJoulesPerKelvin
    case crahSupplyAirCelsius, crahCoilApproachKelvin, rackRecirculationKelvin, roomChilledWaterSupplyCelsius
    case crahAirRiseKelvin, crahFanPressurePascals, crahFanEfficiency, airDensityKilogramsPerCubicMeter
    case airSpecificHeatJoulesPerKilogramKelvin
    // heat rejection and pumps
    case dryCoolerApproachKelvin, dryCoolerFanFraction, towerApproachKelvin, towerFanFraction, economiserApproachKelvin
    case chilledWaterRiseKelvin, waterPumpPressurePascals, waterPumpEfficiency, secondaryPumpPressurePascals
    case secondaryPumpEfficiency, towerWaterLitersPerJoule
    // chiller
    case chillerCarnotFraction, chillerEvaporatorApproachKelvin, chillerCondenserApproachKelvin, chillerMaximumCOP
    case chillerMinimumSinkCelsius
    // power chain
    case electricalOversizing, upsModuleFraction, transformerRatingMultiple
    case upsDoubleConversionFixedLossFraction, upsDoubleConversionProportionalLossFraction, upsDoubleConversionSquareLossFraction
    case upsEcoFixedLossFraction, upsEcoProportionalLossFraction
    case transformerNoLoadLossFraction, transformerLoadLossFraction, pduProportionalLossFraction
    // heat recovery and building
    case heatPumpCarnotFraction, heatRecoveryApproachKelvin, heatDemandSeasonalSwing, heatDemandPeakDayOfYear, otherFacilityFraction

    /// Index into `allCases` (the declaration order).
    @inline(__always)
    public var index: Int { rawValue }

    /// The stable name used in summary.json, reports and scenario `parameters:` blocks (the case name).
    public var name: String { String(describing: self) }

    /// The parameter whose `name` is `name`, if any.
    public init?(name: String) {
        guard let p = PlantParameter.allCases.first(where: { $0.name == name }) else { return nil }
        self = p
    }
}
