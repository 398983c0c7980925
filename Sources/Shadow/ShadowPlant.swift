import FacilityModels
import FacilitySim
import Foundation

/// The twin driven by measured inputs: FacilitySim's one plant model (`MeasuredPlant`, the fluid run's `FacilityPlant`)
/// evaluated at each telemetry instant, and each tank's `ThermalChain` advanced exactly between instants.
///
/// At each instant k the plant gives, from the measured GPU power per tank, dry-bulb and supply: the tank chain at the
/// pumped flow of that instant (conductance ε(NTU(r))·r·C_design, r = liquid heat / design heat within the drives'
/// range), each tank's module and fluid powers, and IT, cooling-pump and facility power from its own formulas — with
/// every parameter read through the run's `ParameterCatalogue`, the calibratable ones (`ShadowParameter`) set as
/// scenario overrides. Nothing of the plant is re-implemented here.
///
/// Between instants the inputs and the flow are held (zero-order hold), so the exact propagator of the linear chain over
/// a step Δt — x(t+Δt) = Φ(Δt)·x(t) + Γ(Δt)·(P₁, P₂, T_in) — is computed from instant k's chain by superposition of
/// `ThermalChain.trajectory` (once per distinct chain and Δt) and applied to every tank.
public struct ShadowPlant: Sendable {
    public let spec: ScenarioSpec
    public let accelerator: AcceleratorSpec
    /// The scenario's weather (read once; the plant falls back on it where no dry-bulb is measured).
    let weather: WeatherSeries
    /// Tanks in the hall and GPUs per tank.
    public let tanks: Int, gpusPerTank: Int

    /// - Throws: `ShadowError.unsupportedScenario` unless every GPU is immersion-cooled; the plant's errors otherwise.
    public init(spec: ScenarioSpec) throws {
        self.spec = spec
        accelerator = try AcceleratorCatalogue.spec(named: spec.facility.accelerator)
        weather = try MeasuredPlant.weather(spec)
        let plant: MeasuredPlant
        do { plant = try MeasuredPlant(spec: spec, accelerator: accelerator, weather: weather) } catch let e as MeasuredPlant.Unsupported {
            throw ShadowError.unsupportedScenario(e.description)
        }
        tanks = plant.tanks
        gpusPerTank = plant.gpusPerTank
    }

    /// The plant with `values` in force (the scenario with each calibratable parameter set to its value).
    public func plant(_ values: ShadowValues) -> MeasuredPlant {
        var s = spec
        for p in ShadowParameter.allCases { p.set(values[p], in: &s) }
        // The scenario was accepted in `init`, and only parameter values differ: this cannot throw.
        guard let plant = try? MeasuredPlant(spec: s, accelerator: accelerator, weather: weather) else {
            preconditionFailure("MeasuredPlant rejected a scenario it accepted with other parameter values")
        }
        return plant
    }

    /// The tank chain with `values` in force at design flow.
    func chain(_ values: ShadowValues) -> ThermalChain { plant(values).chain(flowRatio: 1) }

    /// Time constant of a tank's fluid at design flow, C₂/G₂, s.
    public func tankTimeConstantSeconds(_ values: ShadowValues) -> Double {
        let c = chain(values)
        return c.sinkCapacitanceJoulesPerKelvin / c.sinkConductanceWattsPerKelvin
    }

    /// The parameter values `spec` holds.
    public var scenarioValues: ShadowValues { ShadowValues(spec: spec) }

    /// Predicts every output at every instant of `data` with `values` in force.
    /// - Complexity: O(rows × tanks), plus one propagator per distinct (flow, step length).
    public func predict(_ data: ShadowData, values: ShadowValues) -> ShadowPrediction {
        var plant = plant(values)
        let n = data.times.count, used = min(tanks, data.tanks)
        var prediction = ShadowPrediction(rows: n, tanks: tanks)
        guard n > 0 else { return prediction }
        var module = Array(repeating: 0.0, count: used), sink = module
        var previous: MeasuredPlant.Instant?
        var f: Propagator?
        var key = (conductance: Double.nan, dt: Double.nan)
        for k in 0..<n {
            let now = plant.instant(gpuWattsPerTank: (0..<used).map { data.gpuPowerWatts[$0][k] }, dryBulbCelsius: data.dryBulbCelsius?[k],
                                    supplyCelsius: data.supplyCelsius[k], elapsedSeconds: data.times[k] - data.times[0])
            if let p = previous {
                let dt = data.times[k] - data.times[k - 1]
                if p.chain.sinkConductanceWattsPerKelvin != key.conductance || dt != key.dt {
                    f = Propagator(chain: p.chain, dt: dt)
                    key = (p.chain.sinkConductanceWattsPerKelvin, dt)
                }
                let g = f!
                for t in 0..<used {
                    let (p1, p2, tin) = (p.modulePowerWatts[t], p.sinkPowerWatts[t], p.supplyCelsius)
                    let nextModule = g.mm * module[t] + g.ms * sink[t] + g.m1 * p1 + g.m2 * p2 + g.mt * tin
                    sink[t] = g.sm * module[t] + g.ss * sink[t] + g.s1 * p1 + g.s2 * p2 + g.st * tin
                    module[t] = nextModule
                }
            } else {
                for t in 0..<used {
                    let s = now.chain.steadyState(ThermalChain.Inputs(modulePowerWatts: now.modulePowerWatts[t],
                                                                      sinkPowerWatts: now.sinkPowerWatts[t], coolantCelsius: now.supplyCelsius))
                    (module[t], sink[t]) = (s.moduleCelsius, s.sinkCelsius)
                }
            }
            for t in 0..<used { prediction.gpuTemperature[t][k] = module[t] }
            prediction.itPower[k] = now.itWatts
            prediction.pumpPower[k] = now.pumpWatts
            prediction.facilityPower[k] = now.facilityWatts
            previous = now
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
