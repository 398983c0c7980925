import FacilityModels
import FacilitySim
import Foundation

/// The twin driven by measured inputs: each tank's `ThermalChain` advanced exactly between telemetry instants
/// under the measured GPU power and supply temperature, and the plant's electrical powers from the same load.
///
/// The equations are those of `FacilitySim`'s fluid run (`FacilityPlant`, `FacilityPlant+OperatingPoint`) for an
/// all-immersion hall, with the measured supply temperature in place of the set-point logic:
/// - GPU of tank i at power P (W): utilisation u = (P − P_idle)/(TDP − P_idle) (full clock), server input
///   (P + 150 + 100·u)/0.95 (`PlantDefaults`); the GPU's power heats its module, the rest of the server the tank fluid;
/// - tank: module C₁ = 600 J/K, R = `immersion.junction_to_fluid`, fluid C₂ = V·868·2010 J/K, 32 modules, conductance
///   to the facility water ε·(tank design heat / 10 K);
/// - pumps: facility water k·Q_d·s³ (k = `heat_rejection.pump_power_fraction`) and tank loops 150 kPa at 0.7, speed s =
///   max(0.3, liquid heat / design heat) (`Pump`);
/// - dry-cooler fans 0.015·Q_d·s³ with s = approach·(heat share)/(supply − dry-bulb) within [0.3, 1];
/// - PDU, UPS and transformer losses (`PowerStage`); CRAH fans, chilled-water pumps and the chiller or economiser for
///   the electrical rooms' heat; 1 % of design IT for the building.
/// Simplifications (stated in the README): every GPU is in a tank; the warm-water loop's trim chiller is off (the
/// supply is measured, so a running trim chiller would show as facility-power error); the economiser has no hold time;
/// GPUs run at full clock.
///
/// Between instants the inputs are held (zero-order hold), so the exact propagator of the linear chain over a step
/// Δt — x(t+Δt) = Φ(Δt)·x(t) + Γ(Δt)·(P₁, P₂, T_in) — is computed once per distinct Δt by superposition of
/// `ThermalChain.trajectory` and applied to every tank.
public struct ShadowPlant: Sendable {
    public let spec: ScenarioSpec
    public let accelerator: AcceleratorSpec
    /// Tanks in the hall and GPUs per tank.
    public let tanks: Int, gpusPerTank: Int
    /// Server input per GPU at full load, W, and the hall's liquid design heat (= design IT), W.
    public let designServerWattsPerGPU: Double, designHeatWatts: Double

    /// - Throws: `ShadowError.unsupportedScenario` unless every GPU is immersion-cooled.
    public init(spec: ScenarioSpec) throws {
        guard spec.coolingSystem.primary == .liquidImmersion, spec.coolingSystem.secondary == .none || spec.facility.primaryShare == 1 else {
            throw ShadowError.unsupportedScenario(
                "shadow mode models all-immersion halls in this build (cooling_system.primary: liquid_immersion, secondary: none or primary_share: 1)")
        }
        self.spec = spec
        accelerator = try AcceleratorCatalogue.spec(named: spec.facility.accelerator)
        gpusPerTank = spec.facility.gpusPerTank
        tanks = (spec.facility.gpus + gpusPerTank - 1) / gpusPerTank
        designServerWattsPerGPU = ShadowPlant.serverWatts(gpu: accelerator.tdpWatts, utilisation: 1)
        designHeatWatts = Double(spec.facility.gpus) * designServerWattsPerGPU
    }

    /// Server input power per GPU, W (`FacilityPlant.serverWattsPerGPU` for a liquid-cooled server).
    static func serverWatts(gpu: Double, utilisation u: Double) -> Double {
        (gpu + PlantDefaults.otherServerWattsPerGPUIdle + PlantDefaults.otherServerWattsPerGPUPerUtilisation * u) / PlantDefaults.psuEfficiency
    }

    /// Utilisation implied by a GPU power at full clock: (P − P_idle)/(TDP − P_idle) within [0, 1].
    func utilisation(gpuWatts: Double) -> Double {
        min(1, max(0, (gpuWatts - accelerator.idleWatts) / (accelerator.tdpWatts - accelerator.idleWatts)))
    }

    /// The tank chain with `values` in force.
    func chain(_ values: ShadowValues) -> ThermalChain {
        let capacityRate = Double(gpusPerTank) * designServerWattsPerGPU / PlantDefaults.loopDesignRiseKelvin
        return ThermalChain(moduleCapacitanceJoulesPerKelvin: PlantDefaults.heatSinkModuleCapacitance,
                            moduleResistanceKelvinPerWatt: values[.junctionToFluid],
                            sinkCapacitanceJoulesPerKelvin: values[.fluidVolumePerTank] * PlantDefaults.oilDensity * PlantDefaults.oilSpecificHeat,
                            modulesPerSink: gpusPerTank, sinkConductanceWattsPerKelvin: values[.hxEffectiveness] * capacityRate)
    }

    /// Time constant of a tank's fluid, C₂/G₂, s (≈ 820 s for the reference tank).
    public func tankTimeConstantSeconds(_ values: ShadowValues) -> Double {
        let c = chain(values)
        return c.sinkCapacitanceJoulesPerKelvin / c.sinkConductanceWattsPerKelvin
    }

    /// The parameter values `spec` holds.
    public var scenarioValues: ShadowValues { ShadowValues(spec: spec) }

    /// Predicts every output at every instant of `data` with `values` in force.
    /// - Complexity: O(rows × tanks), plus one propagator per distinct step length.
    public func predict(_ data: ShadowData, values: ShadowValues) -> ShadowPrediction {
        let n = data.times.count
        let chain = chain(values)
        var prediction = ShadowPrediction(rows: n, tanks: tanks)
        var propagators: [Double: Propagator] = [:]
        var lastStep = Double.nan
        var f = Propagator(chain: chain, dt: 60)
        let m = Double(gpusPerTank)
        for tank in 0..<min(tanks, data.tanks) {
            let power = data.gpuPowerWatts[tank]
            func inputs(_ k: Int) -> (Double, Double, Double) {
                let p = power[k]
                return (p, m * (ShadowPlant.serverWatts(gpu: p, utilisation: utilisation(gpuWatts: p)) - p), data.supplyCelsius[k])
            }
            let i0 = inputs(0)
            let state = chain.steadyState(ThermalChain.Inputs(modulePowerWatts: i0.0, sinkPowerWatts: i0.1, coolantCelsius: i0.2))
            var module = state.moduleCelsius, sink = state.sinkCelsius
            prediction.gpuTemperature[tank][0] = module
            var previous = i0
            for k in 1..<n {
                let dt = data.times[k] - data.times[k - 1]
                if dt != lastStep {
                    if let cached = propagators[dt] { f = cached } else { f = Propagator(chain: chain, dt: dt); propagators[dt] = f }
                    lastStep = dt
                }
                let (p1, p2, tin) = previous
                let nextModule = f.mm * module + f.ms * sink + f.m1 * p1 + f.m2 * p2 + f.mt * tin
                let nextSink = f.sm * module + f.ss * sink + f.s1 * p1 + f.s2 * p2 + f.st * tin
                module = nextModule
                sink = nextSink
                prediction.gpuTemperature[tank][k] = module
                previous = inputs(k)
            }
        }
        let plant = ShadowPowerModel(plant: self, values: values)
        for k in 0..<n {
            var it = 0.0
            for tank in 0..<min(tanks, data.tanks) {
                let p = data.gpuPowerWatts[tank][k]
                it += m * ShadowPlant.serverWatts(gpu: p, utilisation: utilisation(gpuWatts: p))
            }
            let powers = plant.powers(itWatts: it, supplyCelsius: data.supplyCelsius[k], dryBulbCelsius: data.dryBulbCelsius?[k])
            prediction.itPower[k] = it
            prediction.pumpPower[k] = powers.pumps
            prediction.facilityPower[k] = powers.facility
        }
        return prediction
    }

    /// Φ(Δt) and Γ(Δt) of the chain: x(t+Δt) = Φ·x(t) + Γ·(P₁, P₂, T_in) under held inputs.
    struct Propagator {
        /// Φ = [[mm, ms], [sm, ss]] (module, sink) and Γ = [[m1, m2, mt], [s1, s2, st]] (P₁, P₂, T_in).
        var mm, ms, sm, ss, m1, m2, mt, s1, s2, st: Double

        init(chain: ThermalChain, dt: Double) {
            func response(_ x: ThermalChain.State, _ p1: Double, _ p2: Double, _ tin: Double) -> ThermalChain.State {
                chain.trajectory(from: x, inputs: ThermalChain.Inputs(modulePowerWatts: p1, sinkPowerWatts: p2, coolantCelsius: tin)).state(at: dt)
            }
            let zero = ThermalChain.State(moduleCelsius: 0, sinkCelsius: 0)
            let a = response(ThermalChain.State(moduleCelsius: 1, sinkCelsius: 0), 0, 0, 0)
            let b = response(ThermalChain.State(moduleCelsius: 0, sinkCelsius: 1), 0, 0, 0)
            let g1 = response(zero, 1, 0, 0), g2 = response(zero, 0, 1, 0), g3 = response(zero, 0, 0, 1)
            (mm, ms, sm, ss) = (a.moduleCelsius, b.moduleCelsius, a.sinkCelsius, b.sinkCelsius)
            (m1, m2, mt) = (g1.moduleCelsius, g2.moduleCelsius, g3.moduleCelsius)
            (s1, s2, st) = (g1.sinkCelsius, g2.sinkCelsius, g3.sinkCelsius)
        }
    }
}
