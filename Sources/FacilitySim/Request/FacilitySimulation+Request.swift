import EventEngine
import FacilityModels
import Foundation
import Operations
import Serving

extension FacilitySimulation {
    /// Events of a request-fidelity run.
    enum RequestEvent {
        /// The k-th hourly step (weather, load level, plant operating point).
        case hour(Int)
        case sample
        /// The next request arrives.
        case arrival
        /// Replica r's iteration ends.
        case iterationEnd(Int)
        /// A reactive sensor reading of every cohort.
        case tick
        /// Cohort i's decided clock state takes effect.
        case actuate(cohort: Int, clockIndex: Int)
        /// A predictive decision for every cohort.
        case forecast
    }

    /// One model replica (tensor-parallel GPUs of one server) and the iteration it is running. Without chunked prefill
    /// it batches with the O(1)-per-decode `AggregateBatchScheduler`, with it by the general `ContinuousBatchScheduler`
    /// (same decisions; the aggregate one is checked against it in the Serving tests).
    struct Replica {
        var fast: AggregateBatchScheduler?
        var general: ContinuousBatchScheduler?
        /// The cohort its GPUs belong to.
        let cohort: Int
        /// Power-model utilisation of its GPUs now (0 when idle).
        var utilisation = 0.0
        var busy = false
        /// Output tokens the running iteration produces, and prompt + output tokens it retires from the
        /// replica's outstanding work.
        var producing = 0
        var retiring = 0
    }

    /// Simulates every request and batch iteration (issue 5) on the cohorts' thermal chains.
    ///
    /// - Each replica (`tensor_parallel` GPUs of a server) runs a `ContinuousBatchScheduler`; an arrival is routed by
    ///   the load balancer, an iteration's end is an event, and the next iteration starts at once if there is work.
    /// - GPU power follows each replica's phase (`IterationPower`: prefill/mixed at u = 1, decode by batch size, idle 0)
    ///   at the cohort's clock. A cohort's GPUs share one thermal chain driven by their mean power (P is linear in
    ///   u at a given clock, so the mean GPU's power is exact); inputs change only at events, so the chain advances
    ///   exactly under piecewise-constant power, and only when its power changes (a run of equal decode batches
    ///   costs no thermal work). Simplification: a busy GPU's module is as warm as its cohort's mean.
    /// - The plant is quasi-steady per hour, as in fluid fidelity: non-IT powers are evaluated at each hour (and clock
    ///   change) at the hour's offered load (offered request rate over the hall's saturated rate); the rest of the
    ///   server (CPU, memory, NICs) follows the same offered load; GPU power, and so IT power, is exact at every instant.
    /// - Throttling: reactive readings every sensor period, predictive decisions every forecast horizon with the
    ///   cohort's present power; a clock change slows every iteration planned after it (`ClockedTiming`).
    func runRequestFidelity(setup: ServingSetup, rate: ServingRate, progress: ((Double) -> Void)?) throws -> RunResult {
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let state = try RequestRun(simulation: self, setup: setup, rate: rate)
        try state.start()
        try state.loop(progress: progress)
        batchIterations = state.iterations
        cohorts = state.cohorts
        let horizon = spec.horizonSeconds
        let stored = cohorts.reduce(0) { $0 + $1.storedChangeJoules }
        var result = try makeResult(accounts: state.accounts, series: state.series, storedHeatChange: stored,
                                    secondsAbove: state.secondsAbove, availableSeconds: state.availableSeconds, service: state.service,
                                    peakFacilityWatts: state.peakFacilityWatts, chillerSeconds: state.chillerSeconds,
                                    maxSupply: state.maxSupply, events: state.sim.firedCount,
                                    wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
        let gpuJoules = cohorts.reduce(0) { $0 + $1.electricalJoules }
        var s = result.summary
        let tokens = state.tokens
        s.tokensGenerated = tokens
        s.tokensPerSecond = tokens / horizon
        s.tokensPerJouleGpu = gpuJoules > 0 ? tokens / gpuJoules : 0
        s.tokensPerJouleIt = s.itEnergyJoules > 0 ? tokens / s.itEnergyJoules : 0
        s.tokensPerJouleFacility = s.facilityEnergyJoules > 0 ? tokens / s.facilityEnergyJoules : 0
        s.requests = RequestCounts(arrived: state.arrived, completed: state.completed, inFlight: state.arrived - state.completed)
        s.latencySeconds = state.latencies.summary()
        s.latencySource = s.latencySeconds == nil ? nil : "request fidelity: every completed request"
        // Priced again now that the run's tokens and requests are known (issue 8).
        s.economics = try economicsSummary(for: s, series: result.timeSeries)
        s.parameters = plant.parameters.usedEntries.map(ParameterUse.init)
        result.summary = s
        return result
    }
}
