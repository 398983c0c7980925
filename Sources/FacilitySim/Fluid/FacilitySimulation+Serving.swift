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
    func applyServingFigures(to s: inout RunSummary) {
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
    }
}
