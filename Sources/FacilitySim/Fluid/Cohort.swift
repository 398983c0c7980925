import EventEngine
import FacilityModels

/// GPUs that share cooling technology, thermal parameters and load, simulated once with a multiplicity.
///
/// A cohort of 768 immersion GPUs in 24 tanks is one `ThermalChain` (one module, one tank) whose
/// energies are multiplied by 24 tanks; it splits only when GPUs come to differ (a failure, a control
/// action), which later issues add.
///
/// Throttling keeps the cohort whole: every GPU of a cohort sees the same coolant, load and state, so a
/// controller reading any one of them would decide the same for all, and the cohort changes DVFS state
/// together. (Simplification: real GPUs differ by a few kelvin in position and silicon; a spread would split
/// the cohort.)
struct Cohort {
    /// Label used in time-series columns (`immersion`, `direct_to_chip`, `air`).
    let name: String
    let technology: CoolingSystemBlock.Technology
    /// GPUs in the cohort.
    let gpus: Int
    /// Number of node-2 groups (tanks, racks or heat sinks): gpus / chain.modulesPerSink (a last,
    /// partly filled tank counts as its fraction).
    let sinks: Double
    /// The thermal chain in force: its conductance to the coolant (and a cold plate's resistance) at the flow the
    /// plant's pumps deliver this hour (`FacilityPlant.chain(for:flowRatio:)`).
    var chain: ThermalChain
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
    /// Δ heat stored in the cohort's GPUs in service since the start, J (the in-service share changes at
    /// failures and replacements, so it is accumulated rather than taken as end minus start).
    var storedChangeJoules: Double = 0
    /// GPU electrical energy of the whole cohort, J.
    var electricalJoules: Double = 0
    var maxModuleCelsius: Double
    /// Highest junction temperature of the last `advance` step, °C (incident and effect tracking, `RunLedger`).
    var lastStepMaxCelsius = -Double.infinity
    var gpuSecondsAboveLimit: Double = 0

    // Clock control.
    /// DVFS state in force: index into the accelerator's clock states (0 = full clock).
    var clockIndex = 0
    /// Clock ratio f/f_max of that state.
    var clockRatio = 1.0
    /// Throughput ratio of that state relative to full clock (memory-bound decode).
    var throughputRatio = 1.0
    /// GPU-seconds run below full clock, s.
    var gpuSecondsThrottled: Double = 0
    /// GPU work delivered and the work the same load would have delivered at full clock, GPU-seconds of
    /// full-clock work (∝ utilisation × throughput ratio × time).
    var workDelivered: Double = 0
    var workDemanded: Double = 0
    /// Clock changes applied.
    var clockChanges = 0

    // Failures (issue 6).
    /// GPUs in service (not failed, not awaiting replacement).
    var gpusInService: Int
    /// What is left of the Exp(1) draw before the cohort's next GPU failure (see `GPUHazard`).
    var failureBudget = Double.infinity
    /// The cohort's next GPU failure, when it falls before the next input change.
    var pendingFailure: EventHandle?
    /// GPU failures so far.
    var failures = 0
    /// Full-clock GPU work the load demanded from failed GPUs, GPU-seconds.
    var workLostToFailures: Double = 0
    /// Full-clock GPU work the GPUs in service did not deliver because of their clock, GPU-seconds (exactly 0 at full clock).
    var workLostToThrottling: Double = 0
    /// ∫ (GPUs in service × throughput ratio) dt: the capacity the cohort offered, GPU-seconds at full clock.
    var capacitySeconds: Double = 0
    /// The pending reactive decision, if one is scheduled.
    var pendingDecision: EventHandle?
    /// A decided clock change waits for its actuation delay.
    var actuationPending = false
    /// The earliest sensor tick the next reactive reading may use, s.
    var nextReadingNotBefore: Double = 0

    init(name: String, technology: CoolingSystemBlock.Technology, gpus: Int, chain: ThermalChain,
         coolantOffsetKelvin: Double?, initial: ThermalChain.State) {
        self.name = name
        self.technology = technology
        self.gpus = gpus
        self.sinks = Double(gpus) / Double(chain.modulesPerSink)
        self.chain = chain
        self.gpusInService = gpus
        self.coolantOffsetKelvin = coolantOffsetKelvin
        self.state = initial
        self.inputs = ThermalChain.Inputs(modulePowerWatts: 0, sinkPowerWatts: 0, coolantCelsius: initial.sinkCelsius)
        self.maxModuleCelsius = initial.moduleCelsius
    }

    /// Sets the DVFS state to `index` of `clockStates` (ratios f/f_max), with its throughput ratio for
    /// memory-bound decode work.
    mutating func setClock(_ index: Int, accelerator: AcceleratorSpec) {
        if index != clockIndex { clockChanges += 1 }
        clockIndex = index
        clockRatio = accelerator.clockStates[index]
        throughputRatio = accelerator.memoryBoundThroughputRatio(clock: clockRatio)
    }

    /// Share of the cohort's GPUs in service: every heat flow of the chain counts for this share, since the
    /// chain stands for one GPU in service and its share of the tank (Simplification: a failed GPU's tank
    /// neighbours are computed as if it still ran — conservative by at most one GPU's heat in a tank).
    var inServiceShare: Double { Double(gpusInService) / Double(gpus) }

    /// Advances the exact solution by `dt` s under the current inputs, accumulating heat flows, the
    /// peak module temperature and GPU-seconds above `limit`; returns the sub-interval above the limit.
    /// With `hazard`, the interval's cumulative GPU failure hazard is taken off `failureBudget` on the same trajectory.
    mutating func advance(by dt: Double, limit: Double, utilisation: Double, hazard: GPUHazard? = nil) -> ClosedRange<Double>? {
        guard dt > 0 else { return nil }
        let inService = Double(gpusInService)
        workDemanded += Double(gpus) * utilisation * dt
        workLostToFailures += Double(gpus - gpusInService) * utilisation * dt
        workDelivered += inService * utilisation * dt * throughputRatio
        workLostToThrottling += inService * utilisation * dt * (1 - throughputRatio)
        capacitySeconds += inService * throughputRatio * dt
        if clockIndex > 0 { gpuSecondsThrottled += inService * dt }
        electricalJoules += inService * inputs.modulePowerWatts * dt
        let share = inServiceShare
        let trajectory = chain.trajectory(from: state, inputs: inputs)
        if let hazard, failureBudget.isFinite, gpusInService > 0 {
            failureBudget -= inService * hazard.integral(trajectory, until: dt)
        }
        heatToCoolantJoules += sinks * share * trajectory.heatToCoolantJoules(until: dt)
        heatToAirJoules += heatToAirWatts * dt
        let end = trajectory.state(at: dt)
        storedChangeJoules += sinks * share * (chain.storedHeatJoules(end) - chain.storedHeatJoules(state))
        state = end
        // Every GPU out: the chain relaxes, but no GPU is there to be hot.
        guard gpusInService > 0 else { return nil }
        lastStepMaxCelsius = trajectory.maximumModuleCelsius(until: dt)
        maxModuleCelsius = max(maxModuleCelsius, lastStepMaxCelsius)
        let above = trajectory.intervalAbove(limit, until: dt)
        if let above { gpuSecondsAboveLimit += inService * (above.upperBound - above.lowerBound) }
        return above
    }
}
