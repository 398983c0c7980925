import FacilityModels
import Serving

extension FacilitySimulation {
    /// The serving set-up and saturated rate of a scenario with a `serving:` block (issue 5), else (nil, nil).
    /// - Throws: `ServingError` for a set-up that cannot be built.
    static func serving(_ spec: ScenarioSpec, accelerator: AcceleratorSpec) throws -> (ServingSetup?, ServingRate?) {
        guard let block = spec.serving else { return (nil, nil) }
        let setup = try ServingSetup(spec: block, accelerator: accelerator)
        let rate = try ServingRate(setup: setup, accelerator: accelerator, seed: spec.seed, replication: spec.replication)
        return (setup, rate)
    }

    /// Fluid-fidelity tokens: `tokensPerGPUSecond × Σ cohort.workDelivered` (work delivered is GPU-seconds of
    /// full-clock work by the GPUs in service, already reduced by throttling's memory-bound throughput ratio), and
    /// tokens per joule at the GPUs, the IT boundary (server input) and the facility boundary (PUE included); the
    /// tokens lost to failed GPUs and to throttling at the same rate.
    func applyServingFigures(to s: inout RunSummary, series: TimeSeries) {
        guard let setup = servingSetup, let rate = servingRate else { return }
        let work = cohorts.reduce(0) { $0 + $1.workDelivered }
        let gpuJoules = cohorts.reduce(0) { $0 + $1.electricalJoules }
        let tokens = rate.tokensPerGPUSecond * work
        s.servedModel = setup.model.name
        s.tokensGenerated = tokens
        s.tokensPerSecond = s.simulatedSeconds > 0 ? tokens / s.simulatedSeconds : 0
        s.tokensPerJouleGpu = gpuJoules > 0 ? tokens / gpuJoules : 0
        s.tokensPerJouleIt = s.itEnergyJoules > 0 ? tokens / s.itEnergyJoules : 0
        s.tokensPerJouleFacility = s.facilityEnergyJoules > 0 ? tokens / s.facilityEnergyJoules : 0
        // What the load asked for and did not get: from failed GPUs, and from GPUs in service below full clock.
        s.tokensLostToFailures = rate.tokensPerGPUSecond * cohorts.reduce(0) { $0 + $1.workLostToFailures }
        s.tokensLostToThrottling = rate.tokensPerGPUSecond * cohorts.reduce(0) { $0 + $1.workLostToThrottling }
        if spec.fidelity == .fluid { fluidLatency(setup: setup, rate: rate, series: series, into: &s) }
    }

    /// Fluid fidelity's latency (issue 15 item 5): `FluidLatency` over the sampling intervals of the time series —
    /// each cohort's requests (offered load × interval × its GPUs × saturated requests per GPU-second) at the load and
    /// the DVFS clock of the interval — from one `LatencyCurve` per clock in force, sampled with this run's seed and
    /// replication; request fidelity records every request instead.
    func fluidLatency(setup: ServingSetup, rate: ServingRate, series: TimeSeries, into s: inout RunSummary) {
        let columns = series.columns
        guard let load = columns.firstIndex(of: "utilisation") else { return }
        let clockColumns = cohorts.map { c in (columns.firstIndex(of: "\(c.name)_clock"), Double(c.gpus)) }
        let dt = spec.samplingIntervalSeconds
        var byClock: [Double: [(load: Double, requests: Double)]] = [:]
        for row in 0..<series.count {
            let values = series.values[(row * columns.count)..<((row + 1) * columns.count)]
            let t = values[values.startIndex]
            guard t < spec.horizonSeconds else { continue }
            let u = values[values.startIndex + load], span = min(dt, spec.horizonSeconds - t)
            for (column, gpus) in clockColumns {
                let clock = column.map { values[values.startIndex + $0] } ?? 1
                byClock[clock, default: []].append((u, u * span * gpus * rate.requestsPerGPUSecond))
            }
        }
        var curves: [Double: LatencyCurve] = [:]
        for clock in byClock.keys.sorted() {
            let levels = LatencyCurve.levels(for: byClock[clock]!.filter { $0.requests > 0 }.map(\.load))
            guard let curve = try? LatencyCurve(setup: setup, rate: rate, seed: spec.seed, replication: spec.replication,
                                                clock: clock, levels: levels) else { return }
            curves[clock] = curve
        }
        s.latencySeconds = FluidLatency.summary(curves: curves, intervals: byClock)
        if s.latencySeconds != nil {
            s.latencySource = "fluid: one replica under Poisson arrivals at the clock in force, sampled at \(LatencyCurve.loads.count) loads, interpolated to each interval's load and weighted by its requests (LatencyCurve, \(curves.count) clock(s))"
        }
    }
}
