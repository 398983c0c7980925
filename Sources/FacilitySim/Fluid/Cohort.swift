import FacilityModels

/// GPUs that share cooling technology, thermal parameters and load, simulated once with a multiplicity.
///
/// A cohort of 768 immersion GPUs in 24 tanks is one `ThermalChain` (one module, one tank) whose
/// energies are multiplied by 24 tanks; it splits only when GPUs come to differ (a failure, a control
/// action), which later issues add.
struct Cohort {
    /// Label used in time-series columns (`immersion`, `direct_to_chip`, `air`).
    let name: String
    let technology: CoolingSystemBlock.Technology
    /// GPUs in the cohort.
    let gpus: Int
    /// Number of node-2 groups (tanks, racks or heat sinks): gpus / chain.modulesPerSink (a last,
    /// partly filled tank counts as its fraction).
    let sinks: Double
    let chain: ThermalChain
    /// Offset of this cohort's coolant inlet above the facility-water supply, K (CDU approach);
    /// nil for air-cooled cohorts, whose inlet is the room air.
    let coolantOffsetKelvin: Double?

    var state: ThermalChain.State
    var inputs: ThermalChain.Inputs
    /// Heat the cohort sends to its room air directly (not into node 2), W.
    var heatToAirWatts: Double = 0

    // Accumulators over the run.
    var heatToCoolantJoules: Double = 0
    var heatToAirJoules: Double = 0
    var electricalJoules: Double = 0
    var maxModuleCelsius: Double
    var gpuSecondsAboveLimit: Double = 0

    init(name: String, technology: CoolingSystemBlock.Technology, gpus: Int, chain: ThermalChain,
         coolantOffsetKelvin: Double?, initial: ThermalChain.State) {
        self.name = name
        self.technology = technology
        self.gpus = gpus
        self.sinks = Double(gpus) / Double(chain.modulesPerSink)
        self.chain = chain
        self.coolantOffsetKelvin = coolantOffsetKelvin
        self.state = initial
        self.inputs = ThermalChain.Inputs(modulePowerWatts: 0, sinkPowerWatts: 0, coolantCelsius: initial.sinkCelsius)
        self.maxModuleCelsius = initial.moduleCelsius
    }

    /// Total heat stored in the cohort above 0 °C, J.
    var storedHeatJoules: Double { sinks * chain.storedHeatJoules(state) }

    /// Heat flowing into the coolant right now, W (all node-2 groups).
    var heatToCoolantWatts: Double {
        sinks * chain.sinkConductanceWattsPerKelvin * (state.sinkCelsius - inputs.coolantCelsius)
    }

    /// Advances the exact solution by `dt` s under the current inputs, accumulating heat flows, the
    /// peak module temperature and GPU-seconds above `limit`; returns the sub-interval above the limit.
    mutating func advance(by dt: Double, limit: Double) -> ClosedRange<Double>? {
        guard dt > 0 else { return nil }
        let trajectory = chain.trajectory(from: state, inputs: inputs)
        heatToCoolantJoules += sinks * trajectory.heatToCoolantJoules(until: dt)
        heatToAirJoules += heatToAirWatts * dt
        maxModuleCelsius = max(maxModuleCelsius, trajectory.maximumModuleCelsius(until: dt))
        let above = trajectory.intervalAbove(limit, until: dt)
        if let above { gpuSecondsAboveLimit += Double(gpus) * (above.upperBound - above.lowerBound) }
        state = trajectory.state(at: dt)
        return above
    }
}
