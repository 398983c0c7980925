/// The headline figures of one run, in SI units, written as `summary.json`.
///
/// Keys are the snake_case forms of the property names (`itEnergyJoules` → `it_energy_joules`).
/// Every figure is simulated except `wallSeconds`, the only field read from the host clock, so two
/// runs of the same scenario and seed differ in that field alone.
public struct RunSummary: Codable, Sendable, Equatable {
    /// Scenario name from the file.
    public var scenario: String
    /// Seed the run used.
    public var seed: UInt64
    /// FactoryTwin version that produced the figures.
    public var version: String
    /// `fluid` or `request`.
    public var fidelity: String
    /// Accelerator catalogue name and number of GPUs simulated.
    public var accelerator: String
    public var gpus: Int

    /// Power usage effectiveness (The Green Grid): total facility energy / IT energy.
    public var pue: Double
    /// Partial PUE of the cooling subsystem: (IT + cooling energy) / IT energy.
    public var ppueCooling: Double
    /// Energy reuse effectiveness: (total − reused) / IT.
    public var ere: Double
    /// Energy reuse factor: reused / total.
    public var erf: Double
    /// Water usage effectiveness, litres per kWh of IT energy (0 without evaporative cooling).
    public var wueLitersPerKilowattHour: Double

    /// IT energy at the server input (GPUs plus the rest of the server), J.
    public var itEnergyJoules: Double
    /// Energy drawn from the utility, J.
    public var facilityEnergyJoules: Double
    /// Energy by subsystem, J; the values sum to `facilityEnergyJoules`.
    public var energyBySubsystemJoules: [String: Double]
    /// Heat exported from the facility water to the heat user, J (the reused energy of ERE and ERF).
    public var heatRecoveredJoules: Double
    /// Heat delivered to the heat user after the heat pump's lift, J.
    public var heatDeliveredJoules: Double
    /// Electricity of the heat-recovery heat pump, J; it serves the heat user and lies outside the
    /// data-centre boundary, so it is not in `facilityEnergyJoules` or the PUE.
    public var heatPumpEnergyJoules: Double
    /// Heat rejected to the environment, J.
    public var heatRejectedJoules: Double
    /// Water evaporated and blown down, litres.
    public var waterLiters: Double
    /// |electrical energy in − heat rejected − heat recovered − Δ stored heat| / electrical energy in.
    public var energyBalanceRelativeError: Double

    /// Mean IT power over the run, W.
    public var meanItPowerWatts: Double
    /// Peak facility power drawn from the utility, W.
    public var peakFacilityPowerWatts: Double
    /// Highest GPU junction temperature reached, °C.
    public var maxGpuTemperatureCelsius: Double
    /// GPU temperature limit of the scenario (`thermal_management.gpu_temperature_threshold`), °C.
    public var gpuTemperatureLimitCelsius: Double
    /// Time during which at least one GPU was above the limit, s.
    public var secondsAboveGpuLimit: Double
    /// GPU-seconds spent above the limit (a GPU above the limit for 1 h counts 3600), s.
    public var gpuSecondsAboveLimit: Double
    /// Time the chiller ran (trim or full mechanical cooling), s.
    public var chillerSeconds: Double
    /// Highest facility-water supply temperature, °C.
    public var maxCoolantSupplyCelsius: Double
    /// Clock controller of the run: `none`, `reactive` or `predictive`.
    public var throttleController: String
    /// Time-weighted share of GPU-time run below full clock (0…1).
    public var throttledFraction: Double
    /// Share of the demanded GPU work that throttling did not deliver (0…1): (demanded − lost to failed GPUs −
    /// delivered) / demanded, where demanded is what the load asks of every installed GPU at full clock; decode work
    /// is memory-bound, so a clock ratio f delivers `AcceleratorSpec.memoryBoundThroughputRatio(f)`.
    public var throughputLostFraction: Double
    /// DVFS state changes applied over the run (summed over cohorts).
    public var clockChanges: Int

    // MARK: Serving (issue 5). nil when the run did not model tokens.
    /// Target model served (preset name) and tokens generated over the run (output tokens).
    public var servedModel: String?
    public var tokensGenerated: Double?
    /// Mean output tokens per second over the horizon.
    public var tokensPerSecond: Double?
    /// Tokens per joule at the GPUs, at the IT boundary (server input) and at the facility boundary (PUE included).
    public var tokensPerJouleGpu: Double?
    public var tokensPerJouleIt: Double?
    public var tokensPerJouleFacility: Double?
    /// Request counts of a request-fidelity run.
    public var requests: RequestCounts?
    /// Latency statistics: every request of a request-fidelity run, or at fluid fidelity the queueing approximation
    /// of `FluidLatency` (sampled replicas at the hour's load).
    public var latencySeconds: LatencySummary?
    /// Where `latencySeconds` comes from (`request fidelity: …` or `fluid: …`); nil without latencies.
    public var latencySource: String?

    // MARK: Operations (issue 6). nil when the run did not model them.
    /// Time all GPUs could run at full clock / time (one run), or the mean over replications.
    public var availability: Double?
    /// 95 % confidence interval of `availability` over replications: [low, high] (key `availability_ci95`; the
    /// property is spelt `Ci95` so that snake_case decoding round-trips).
    public var availabilityCi95: [Double]?
    /// Mean fraction of GPU capacity in service (failed GPUs and missing cooling weigh by what they remove).
    public var capacityWeightedAvailability: Double?
    /// Service availability (issue 15): share of time the hall delivered at least its committed capacity (GPUs in
    /// service × clock throughput ratio, capped by the cooling delivered); throttling that keeps capacity at or above
    /// the commitment is not downtime (`FacilityModels.ServiceAvailabilityTally`). The uptime benchmark is judged on it.
    public var serviceAvailability: Double?
    /// 95 % interval of `serviceAvailability` over replications: [low, high].
    public var serviceAvailabilityCi95: [Double]?
    /// Facility availability: share of time power and cooling were delivered (every redundancy group at N units), the
    /// Uptime Institute tiers' site-infrastructure reading.
    public var facilityAvailability: Double?
    /// 95 % interval of `facilityAvailability` over replications: [low, high].
    public var facilityAvailabilityCi95: [Double]?
    /// The committed capacity the service availability is counted against (share of installed capacity) and where
    /// it comes from (the scenario, or the assumed default).
    public var committedCapacity: Double?
    public var committedCapacityBasis: String?
    /// Tokens the load demanded but throttling or failures did not deliver.
    public var tokensLostToThrottling: Double?
    public var tokensLostToFailures: Double?
    /// GPU failures and cooling-unit failures over the run.
    public var gpuFailures: Int?
    public var coolingUnitFailures: Int?
    /// Cooling units replaced by predictive maintenance before they failed.
    public var preventiveReplacements: Int?
    /// Control actions attempted beyond their authority under the bounded-autonomy policy.
    public var aiAutonomyBoundaryViolations: Int?
    /// Incidents the run detected (issue 17; `RunResult.incidents` lists them, the report explains the worst);
    /// nil where incidents are not detected (request fidelity, not yet).
    public var incidents: Int?
    /// Replications aggregated into this summary (nil or 1 for a single run).
    public var replications: Int?

    /// The scenario's `provenance:` list (calibrated values and where from); nil when it has none.
    public var provenance: [String]?

    // MARK: Economics (issue 8). nil without an economics model.
    public var economics: EconomicsSummary?

    /// Every plant parameter the run read (issue 16), in catalogue order, with its source or the `assumed` flag.
    public var parameters: [ParameterUse]?

    // MARK: Training (issue 15). nil without a `workload: training` block.
    public var training: TrainingFigures?

    /// Simulated horizon, s.
    public var simulatedSeconds: Double
    /// Events the engine executed.
    public var events: Int
    /// Host wall-clock time of the simulation, s (the one non-deterministic field).
    public var wallSeconds: Double
}
