import FacilityModels
import Foundation

/// The operating point of the plant for one hour: subsystem powers, the facility-water supply temperature and the
/// one coolant flow every liquid loop runs at.
struct PlantPoint {
    var powers: SubsystemPowers
    var supplyCelsius: Double
    /// Heat the trim chiller takes from the warm-water loop, W (0 when the dry coolers hold the set-point alone).
    var trimHeatWatts = 0.0
    /// Flow of every liquid loop (facility water, tank oil, CDU secondary) as a fraction of its design flow: the
    /// pumps' speed ratio, the flow the heat exchangers and cold plates see, and the flow that sets the return
    /// temperature (0 without liquid cooling).
    var flowRatio = 0.0
    /// Facility-water return temperature, °C: supply + liquid heat/(flow · ρ·cp) (= supply without liquid heat).
    var returnCelsius = 0.0
    /// Server inlet air of the air-cooled GPUs, °C (CRAH supply air from the chilled water actually delivered).
    var airInletCelsius = 0.0
}

/// The one plant model: binds the scenario to the physical models, builds the cohorts and, each hour, finds the
/// plant's quasi-steady operating point from the load, the weather and the heat the IT produces.
///
/// One flow assumption throughout (issue 16): variable-speed pumps hold the design rise, so every liquid loop runs
/// at the flow ratio r = liquid heat / liquid design heat (floored at the drives' minimum speed, capped at the
/// running pumps' share); pump power is P_design·r³ (affinity), the tank exchanger's conductance is ε(NTU(r))·r·C
/// with UA ∝ r^n, the cold plates see r × their design flow, and the return water the heat user draws from is
/// supply + Q/(r·C). Every physical parameter is read through `parameters` (`ParameterCatalogue`), which records
/// what the run used for summary.json.
///
/// Simplifications (documented in the README): the plant (pumps, fans, chillers, power chain) is quasi-steady
/// within an hour; economiser and chiller modes switch at hourly boundaries without hysteresis; dry-cooler and tower
/// approach scales linearly with heat over airflow.
struct FacilityPlant {
    let spec: ScenarioSpec
    let accelerator: AcceleratorSpec
    /// Every parameter the run may use, with the scenario's overrides; records the ones read.
    let parameters: ParameterCatalogue
    /// Hourly outdoor conditions (a TMY3 year or a synthetic climate), repeated past a year.
    let hourly: WeatherSeries
    /// IT power at full utilisation, W.
    let designITWatts: Double
    /// Facility-water supply set-point, °C.
    let setpointCelsius: Double
    let chiller: Chiller
    let ups: PowerStage, pdu: PowerStage, transformer: PowerStage
    /// Server input power per GPU at full load and clock, W: liquid-cooled (no fans) and air-cooled.
    let designLiquidServerWattsPerGPU: Double, designAirServerWattsPerGPU: Double
    /// Heat reaching room air at full load, W (sizes constant-speed air handling).
    let designAirHeatWatts: Double
    /// The serving rate (issue 5): a serving GPU at load u draws P(`activity(atLoad: u)`), not P(u); nil without a
    /// serving block.
    var servingRate: ServingRate?

    init(spec: ScenarioSpec) throws {
        self.init(spec: spec, accelerator: try AcceleratorCatalogue.spec(named: spec.facility.accelerator),
                  hourly: try FacilityPlant.loadWeather(spec.weather))
    }

    /// The plant of `spec` with its accelerator and weather already resolved (a replay rebuilds the plant for each
    /// set of parameter values without reading the weather file again).
    init(spec: ScenarioSpec, accelerator: AcceleratorSpec, hourly: WeatherSeries) {
        self.spec = spec
        self.accelerator = accelerator
        self.hourly = hourly
        let c = ParameterCatalogue(overrides: FacilityPlant.overrides(spec.plant))
        parameters = c
        designLiquidServerWattsPerGPU = FacilityPlant.serverWattsPerGPU(gpu: accelerator.tdpWatts, utilisation: 1, air: false, c)
        designAirServerWattsPerGPU = FacilityPlant.serverWattsPerGPU(gpu: accelerator.tdpWatts, utilisation: 1, air: true, c)
        let airPrimary = spec.coolingSystem.primary == .air
        designITWatts = Double(spec.facility.gpus) * (airPrimary ? designAirServerWattsPerGPU : designLiquidServerWattsPerGPU)
        designAirHeatWatts = airPrimary ? Double(spec.facility.gpus) * designAirServerWattsPerGPU
            : Double(spec.facility.gpus) * designAirServerWattsPerGPU * (1 - c[.liquidCaptureFraction])
        setpointCelsius = spec.plant.supplySetpointCelsius ?? (airPrimary ? c[.roomChilledWaterSupplyCelsius] : c[.warmWaterSupplyCelsius])
        chiller = Chiller(carnotFraction: c[.chillerCarnotFraction], evaporatorApproachKelvin: c[.chillerEvaporatorApproachKelvin],
                          condenserApproachKelvin: c[.chillerCondenserApproachKelvin], maximumCOP: c[.chillerMaximumCOP],
                          minimumSinkCelsius: c[.chillerMinimumSinkCelsius])
        let rating = designITWatts * c[.electricalOversizing]
        // Installed UPS rating: modules of `upsModuleFraction` of the load each, plus the spares of the redundancy.
        let module = c[.upsModuleFraction]
        let upsRating: Double
        switch spec.plant.upsRedundancy {
        case .n: upsRating = rating
        case .nPlus1: upsRating = rating * (1 + module)
        case .nPlus2: upsRating = rating * (1 + 2 * module)
        case .twoN: upsRating = rating * 2
        }
        ups = .ups(ratingWatts: upsRating, ecoMode: spec.plant.upsMode == .ecoMode, c)
        pdu = .pdu(ratingWatts: rating, c)
        transformer = .transformer(ratingWatts: rating * c[.transformerRatingMultiple], c)
    }

    /// The scenario's values for catalogue parameters: the named fields, then the generic `parameters:` block, which
    /// wins (it names the catalogue entry itself, so `--set parameters.<name>=v` — the sensitivity study's and the
    /// shadow fit's handle on every parameter — acts whatever named field the file sets).
    static func overrides(_ p: PlantSpec) -> [PlantParameter: Double] {
        var o: [PlantParameter: Double] = [:]
        let named: [(PlantParameter, Double?)] = [
            (.dryCoolerApproachKelvin, p.dryCoolerApproachKelvin), (.immersionJunctionToFluidKelvinPerWatt, p.immersionJunctionToFluid),
            (.immersionFluidVolumeCubicMeters, p.immersionFluidVolume), (.immersionHXEffectiveness, p.immersionHXEffectiveness),
            (.coldPlateFlowLitersPerMinutePerGPU, p.coldPlateFlowPerGPU), (.junctionToCaseKelvinPerWatt, p.junctionToCase),
            (.cduApproachKelvin, p.cduApproachKelvin),
        ]
        for case let (key, value?) in named { o[key] = value }
        // The pump coefficient k (design facility-water pump power per W of liquid design heat) is the pump head in
        // other words: k = Δp/(ρ·c_p·ΔT·η), so Δp = k·ρ·c_p·ΔT·η at the catalogue's water, rise and efficiency.
        if let k = p.pumpPowerFraction {
            let c = ParameterCatalogue(overrides: o)
            o[.waterPumpPressurePascals] = k * c.peek(.waterDensityKilogramsPerCubicMeter) * c.peek(.waterSpecificHeatJoulesPerKilogramKelvin)
                * c.peek(.loopDesignRiseKelvin) * c.peek(.waterPumpEfficiency)
        }
        o.merge(p.parameterOverrides) { _, block in block }
        return o
    }

    func weather(atHour h: Int) -> WeatherConditions { hourly.conditions(hour: h) }

    /// Server input power per GPU (GPU, the rest of the server, fans when air-cooled, PSU loss), W.
    static func serverWattsPerGPU(gpu: Double, utilisation u: Double, air: Bool, _ c: ParameterCatalogue) -> Double {
        var other = c[.otherServerWattsPerGPUIdle] + c[.otherServerWattsPerGPUPerUtilisation] * u
        if air { other *= 1 + c[.airServerFanFraction] }
        return (gpu + other) / c[.psuEfficiency]
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
}
