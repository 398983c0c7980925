import FacilityModels
import Foundation

/// The operating point of the plant for one hour: subsystem powers and the facility-water supply temperature.
struct PlantPoint {
    var powers: SubsystemPowers
    var supplyCelsius: Double
    /// Heat the trim chiller takes from the warm-water loop, W (0 when the dry coolers hold the set-point alone).
    var trimHeatWatts = 0.0
}

/// Binds the scenario to the physical models: builds the cohorts and, each hour, finds the plant's
/// quasi-steady operating point from the load, the weather and the heat the IT produces.
///
/// Simplifications (documented in the README): the plant (pumps, fans, chillers, power chain) is
/// quasi-steady within an hour — its electrical power is evaluated from the heat the IT produces in
/// that hour; economiser and chiller modes switch at hourly boundaries without hysteresis; dry-cooler
/// and tower approach scales linearly with heat over airflow.
struct FacilityPlant {
    let spec: ScenarioSpec
    let accelerator: AcceleratorSpec
    /// Hourly outdoor conditions (a TMY3 year or a synthetic climate), repeated past a year.
    let hourly: WeatherSeries
    /// IT power at full utilisation, W.
    let designITWatts: Double
    /// Facility-water supply set-point, °C.
    let setpointCelsius: Double
    let chiller = Chiller()
    let ups: PowerStage, pdu: PowerStage, transformer: PowerStage
    /// Server input power per GPU at full load and clock, W: liquid-cooled (no fans) and air-cooled.
    let designLiquidServerWattsPerGPU: Double, designAirServerWattsPerGPU: Double
    /// Heat reaching room air at full load, W (sizes constant-speed air handling).
    let designAirHeatWatts: Double
    /// The serving rate (issue 5): a serving GPU at load u draws P(`activity(atLoad: u)`), not P(u); nil without a
    /// serving block.
    var servingRate: ServingRate?

    init(spec: ScenarioSpec) throws {
        self.spec = spec
        self.accelerator = try AcceleratorCatalogue.spec(named: spec.facility.accelerator)
        self.hourly = try FacilityPlant.loadWeather(spec.weather)
        designLiquidServerWattsPerGPU = FacilityPlant.serverWattsPerGPU(gpu: accelerator.tdpWatts, utilisation: 1, air: false)
        designAirServerWattsPerGPU = FacilityPlant.serverWattsPerGPU(gpu: accelerator.tdpWatts, utilisation: 1, air: true)
        let airPrimary = spec.coolingSystem.primary == .air
        designITWatts = Double(spec.facility.gpus) * (airPrimary ? designAirServerWattsPerGPU : designLiquidServerWattsPerGPU)
        designAirHeatWatts = airPrimary ? Double(spec.facility.gpus) * designAirServerWattsPerGPU
            : Double(spec.facility.gpus) * designAirServerWattsPerGPU * (1 - PlantDefaults.liquidCaptureFraction)
        setpointCelsius = spec.plant.supplySetpointCelsius ?? (spec.coolingSystem.primary == .air ? 10 : 30)
        let rating = designITWatts * PlantDefaults.electricalOversizing
        // Installed UPS rating: modules of a quarter of the load each (Assumption), plus the spares of the redundancy.
        let upsRating: Double
        switch spec.plant.upsRedundancy {
        case .n: upsRating = rating
        case .nPlus1: upsRating = rating * 1.25
        case .nPlus2: upsRating = rating * 1.5
        case .twoN: upsRating = rating * 2
        }
        ups = spec.plant.upsMode == .ecoMode ? .ecoModeUPS(ratingWatts: upsRating) : .doubleConversionUPS(ratingWatts: upsRating)
        pdu = .pdu(ratingWatts: rating)
        transformer = .transformer(ratingWatts: rating * 1.6)
    }

    func weather(atHour h: Int) -> WeatherConditions { hourly.conditions(hour: h) }

    /// Server input power per GPU (GPU, the rest of the server, fans when air-cooled, PSU loss), W.
    static func serverWattsPerGPU(gpu: Double, utilisation u: Double, air: Bool) -> Double {
        var other = PlantDefaults.otherServerWattsPerGPUIdle + PlantDefaults.otherServerWattsPerGPUPerUtilisation * u
        if air { other *= 1 + PlantDefaults.airServerFanFraction }
        return (gpu + other) / PlantDefaults.psuEfficiency
    }

    /// The weather series of the scenario; a heatwave offset shifts dry-bulb at constant relative humidity.
    static func loadWeather(_ source: WeatherSource) throws -> WeatherSeries {
        switch source {
        case .tmy3(let path, let offset):
            return try WeatherSeries(tmy3: TMY3FileCache.file(atPath: path), dryBulbOffsetKelvin: offset)
        case .synthetic(let mean, let annual, let daily, let hottest, let rh):
            return try SyntheticClimate(meanCelsius: mean, annualAmplitudeKelvin: annual, dailyAmplitudeKelvin: daily,
                                        hottestDayOfYear: hottest, relativeHumidity: rh).series()
        }
    }

    // MARK: cohorts

    /// One cohort per cooling technology in use (primary share, then secondary).
    func makeCohorts() -> [Cohort] {
        let f = spec.facility
        var split: [(CoolingSystemBlock.Technology, Int)] = []
        let secondary = spec.coolingSystem.secondary
        let primaryGPUs = secondary == .none ? f.gpus : Int((Double(f.gpus) * f.primaryShare).rounded())
        if primaryGPUs > 0 { split.append((spec.coolingSystem.primary, primaryGPUs)) }
        if f.gpus - primaryGPUs > 0, secondary != .none { split.append((secondary, f.gpus - primaryGPUs)) }
        return split.map { technology, gpus in
            let chain = self.chain(for: technology)
            let start = ThermalChain.State(moduleCelsius: setpointCelsius, sinkCelsius: setpointCelsius)
            return Cohort(name: technology.rawValue, technology: technology, gpus: gpus, chain: chain,
                          coolantOffsetKelvin: technology == .air ? nil : (technology == .directToChip ? spec.plant.cduApproachKelvin ?? PlantDefaults.cduApproachKelvin : 0),
                          initial: start)
        }
    }

    /// The thermal chain of one GPU module and its node 2 for a cooling technology.
    func chain(for technology: CoolingSystemBlock.Technology) -> ThermalChain {
        let p = spec.plant
        switch technology {
        case .liquidImmersion, .none:
            let perTank = spec.facility.gpusPerTank
            let tankDesignWatts = Double(perTank) * designLiquidServerWattsPerGPU
            // Oil loop sized for its design rise; effectiveness-NTU conductance G = ε·C_min.
            let capacityRate = tankDesignWatts / PlantDefaults.loopDesignRiseKelvin
            return ThermalChain(moduleCapacitanceJoulesPerKelvin: PlantDefaults.heatSinkModuleCapacitance,
                                moduleResistanceKelvinPerWatt: p.immersionJunctionToFluid ?? PlantDefaults.immersionJunctionToFluid,
                                sinkCapacitanceJoulesPerKelvin: (p.immersionFluidVolume ?? PlantDefaults.immersionFluidVolume)
                                    * PlantDefaults.oilDensity * PlantDefaults.oilSpecificHeat,
                                modulesPerSink: perTank,
                                sinkConductanceWattsPerKelvin: (p.immersionHXEffectiveness ?? PlantDefaults.immersionHXEffectiveness) * capacityRate)
        case .directToChip:
            let flow = p.coldPlateFlowPerGPU ?? PlantDefaults.coldPlateFlowPerGPU
            let massFlow = flow / 60 * 0.9956   // kg/s of water at 30 °C (ρ 995.6 kg/m³, Modelica Water)
            return ThermalChain(moduleCapacitanceJoulesPerKelvin: PlantDefaults.coldPlateModuleCapacitance,
                                moduleResistanceKelvinPerWatt: (p.junctionToCase ?? PlantDefaults.junctionToCase) + ColdPlate.ocp1kWOAM.resistanceKelvinPerWatt(flowLitersPerMinute: flow),
                                sinkCapacitanceJoulesPerKelvin: PlantDefaults.coldPlateCoolantCapacitance,
                                modulesPerSink: 1, sinkConductanceWattsPerKelvin: massFlow * 4177)
        case .air:
            return ThermalChain(moduleCapacitanceJoulesPerKelvin: PlantDefaults.heatSinkModuleCapacitance,
                                moduleResistanceKelvinPerWatt: PlantDefaults.airJunctionToAir,
                                sinkCapacitanceJoulesPerKelvin: PlantDefaults.airPathCapacitance,
                                modulesPerSink: 1, sinkConductanceWattsPerKelvin: PlantDefaults.airConductancePerGPU)
        }
    }
}
