import FacilityModels
import Foundation

/// The one plant model (`FacilityPlant`) driven by a hall's measured inputs instead of a load profile: shadow mode's
/// view of the plant. Given one instant's per-tank GPU power, outdoor dry-bulb and facility-water supply, it returns
/// what the fluid run would compute at that operating point — the tank `ThermalChain` at the pumped flow of that
/// instant, each tank's node powers, and the subsystem powers — by the same functions (`cohortHeat`, `loopFlow`,
/// `chain(for:flowRatio:)`, `plantPoint`), reading every number through the run's `ParameterCatalogue`.
///
/// What a replay changes, and only here: the GPUs' power is measured (utilisation is inferred from it at full clock,
/// u = (P − P_idle)/(TDP − P_idle), the inverse of `AcceleratorSpec.powerWatts`); the measured supply replaces the
/// set-point (`plantPoint(measuredSupplyCelsius:)`); the economiser keeps its hold across instants at their own times
/// rather than on hour boundaries. Every GPU must be immersion-cooled (one cohort type; a tank is a cohort of
/// `gpusPerTank` GPUs).
public struct MeasuredPlant {
    let plant: FacilityPlant
    var economiser = Economiser()
    /// Tanks in the hall and GPUs per tank.
    public let tanks: Int, gpusPerTank: Int

    /// What the plant does at one measured instant.
    public struct Instant: Sendable {
        /// The tank's chain at this instant's pumped flow (conductance ε(NTU(r))·r·C_design).
        public var chain: ThermalChain
        /// Loop flow as a fraction of design (the pumps' speed ratio).
        public var flowRatio: Double
        /// Per tank: one GPU's power into its module, W, and the rest of the tank's server heat into the fluid, W.
        public var modulePowerWatts: [Double], sinkPowerWatts: [Double]
        /// Facility-water supply the tanks see, °C (the measured one, or the plant's own when none is given).
        public var supplyCelsius: Double
        /// IT, cooling-pump (facility water, tank loops, room chilled water) and facility power, W.
        public var itWatts: Double, pumpWatts: Double, facilityWatts: Double
    }

    /// - Throws: `FacilitySimError`-style errors of the plant (unknown accelerator, unreadable weather), or
    ///   `MeasuredPlant.Unsupported` unless every GPU is immersion-cooled.
    public init(spec: ScenarioSpec) throws {
        try self.init(spec: spec, accelerator: try AcceleratorCatalogue.spec(named: spec.facility.accelerator),
                      weather: try FacilityPlant.loadWeather(spec.weather))
    }

    /// The plant of `spec` with the accelerator and weather already read (rebuilt cheaply for each parameter set).
    public init(spec: ScenarioSpec, accelerator: AcceleratorSpec, weather: WeatherSeries) throws {
        guard spec.coolingSystem.primary == .liquidImmersion, spec.coolingSystem.secondary == .none || spec.facility.primaryShare == 1 else {
            throw Unsupported()
        }
        plant = FacilityPlant(spec: spec, accelerator: accelerator, hourly: weather)
        gpusPerTank = spec.facility.gpusPerTank
        tanks = (spec.facility.gpus + gpusPerTank - 1) / gpusPerTank
    }

    /// A scenario a measured replay cannot drive.
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String {
            "shadow mode models all-immersion halls in this build (cooling_system.primary: liquid_immersion, secondary: none or primary_share: 1)"
        }
    }

    /// The scenario's weather, hourly (read once, shared by every rebuilt plant).
    public static func weather(_ spec: ScenarioSpec) throws -> WeatherSeries { try FacilityPlant.loadWeather(spec.weather) }

    public var accelerator: AcceleratorSpec { plant.accelerator }
    /// The parameters in force (scenario overrides on the sourced defaults).
    public var parameters: ParameterCatalogue { plant.parameters }
    /// The hall's IT power at full load and clock, W.
    public var designITWatts: Double { plant.designITWatts }

    /// The tank chain at flow ratio r (1: design flow).
    public func chain(flowRatio r: Double) -> ThermalChain { plant.chain(for: .liquidImmersion, flowRatio: r) }

    /// Utilisation implied by a GPU power at full clock: (P − P_idle)/(TDP − P_idle) within [0, 1].
    public func utilisation(gpuWatts: Double) -> Double {
        let a = plant.accelerator
        return min(1, max(0, (gpuWatts - a.idleWatts) / (a.tdpWatts - a.idleWatts)))
    }

    /// The plant at one instant, `elapsedSeconds` after the scenario's start, with tank i's GPUs each drawing
    /// `gpuWattsPerTank[i]` (tanks beyond the array draw nothing), outdoor dry-bulb `dryBulbCelsius` (nil: the
    /// scenario's weather for that hour) and measured supply `supplyCelsius` (nil: the plant's set-point logic).
    /// - Complexity: O(tanks).
    public mutating func instant(gpuWattsPerTank: [Double], dryBulbCelsius: Double?, supplyCelsius: Double?,
                                 elapsedSeconds: Double) -> Instant {
        var heat = FacilityPlant.CohortHeat()
        var itWatts = 0.0
        let m = Double(gpusPerTank)
        var sink: [Double] = []
        sink.reserveCapacity(gpuWattsPerTank.count)
        for p in gpuWattsPerTank {
            let split = plant.cohortHeat(technology: .liquidImmersion, utilisation: utilisation(gpuWatts: p), gpuWatts: p)
            itWatts += m * split.serverWatts
            heat.liquidWatts += m * (p + split.sinkWattsPerGPU)
            heat.airWatts += m * split.airWattsPerGPU
            sink.append(m * split.sinkWattsPerGPU)
        }
        heat.liquidDesignWatts = Double(plant.spec.facility.gpus) * plant.designLiquidServerWattsPerGPU
        let flow = plant.loopFlow(heat: heat, capacity: CoolingCapacity())
        let timeSeconds = Double(plant.spec.startHour) * 3600 + elapsedSeconds
        var weather = plant.weather(atHour: Int((timeSeconds / 3600).rounded(.down)))
        if let dryBulb = dryBulbCelsius { weather = WeatherConditions(dryBulbCelsius: dryBulb, relativeHumidity: weather.relativeHumidity) }
        let point = plant.plantPoint(heat: heat, itWatts: itWatts, flow: flow, weather: weather, timeSeconds: timeSeconds,
                                     economiser: &economiser, capacity: CoolingCapacity(), measuredSupplyCelsius: supplyCelsius)
        return Instant(chain: chain(flowRatio: flow.ratio), flowRatio: flow.ratio, modulePowerWatts: gpuWattsPerTank,
                       sinkPowerWatts: sink, supplyCelsius: point.supplyCelsius, itWatts: point.powers.it,
                       pumpWatts: point.powers[.coolingPumps], facilityWatts: point.powers.total)
    }
}
