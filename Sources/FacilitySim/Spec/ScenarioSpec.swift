import Foundation

/// A validated scenario: everything a run needs, in canonical units.
///
/// `Scenario` builds it from a YAML file; tests build it directly. Defaults of physical parameters
/// live with their sources in `FacilityModels`; this type only says which were chosen.
public struct ScenarioSpec: Sendable {
    /// Fidelity of the simulation: load levels (years) or every request (minutes to days).
    public enum Fidelity: String, Sendable, CaseIterable {
        case fluid
        case request
    }

    /// Scenario name; also the default output directory `Reports/<name>`.
    public var name: String
    /// Seed of every random stream of the run.
    public var seed: UInt64
    /// Replication index: random streams are keyed by (seed, replication, stream name), so replications are
    /// independent and sweep points with the same seed and replication share common random numbers.
    public var replication: Int = 0
    /// The `--set PATH=VALUE` overrides the loader applied to the file, as written (`facility.gpus=2048`), in order.
    /// A governed run records them on its audit trail's first line, so `replay` can reapply them.
    public var overrides: [String] = []
    /// Simulated time, s.
    public var horizonSeconds: Double
    /// Hour of the weather year (and of the load and heat-demand profiles) at which the run starts, h
    /// (0 = 00:00 on 1 January of the TMY year). Simulated time still starts at 0 s.
    public var startHour: Int
    /// Interval between time-series samples, s.
    public var samplingIntervalSeconds: Double
    public var fidelity: Fidelity

    /// The IT hall: accelerators, servers, tanks and racks.
    public var facility: FacilitySpec
    /// The document's `cooling_system` block.
    public var coolingSystem: CoolingSystemBlock
    /// The document's `thermal_management` block.
    public var thermalManagement: ThermalManagementBlock
    /// Cooling plant parameters.
    public var plant: PlantSpec
    /// Outdoor conditions.
    public var weather: WeatherSource
    /// GPU utilisation over time.
    public var load: LoadSpec

    // MARK: Issue 6 — failures and repairs
    /// Cooling-unit groups, scripted failures and GPU failures (none by default).
    public var reliability = ReliabilitySpec()

    // MARK: Issue 7 — capacity planning (`plan:` block; the run ignores it)
    /// Sizing variables and conditions for `factory-twin plan`, or nil when the file has no `plan:` block.
    public var plan: CapacityPlanBlock? = nil

    // MARK: Sweeps (issue 7, item 3)
    /// The scenario's `sweep:` block: field paths and the values a `factory-twin sweep` gives each, in file order
    /// (a single `run` ignores it).
    public var sweepAxes: [(path: String, values: [String])] = []
    // MARK: Governance (issue 6, items 4–5)
    /// The document's `ai_governance` block; nil = actions are not governed and no audit trail is kept.
    public var aiGovernance: AIGovernanceBlock? = nil
    // MARK: Serving (issue 5)
    /// The `serving:` block: the model served, its calibration, arrivals and batching; nil = tokens not modelled.
    public var serving: ServingSpec? = nil
    /// The `workload: training` block (issue 15): a training job and its cloud-only comparison; nil = none.
    public var training: TrainingSpec? = nil
    /// Where the scenario's values come from when they are not defaults: the `provenance:` list (e.g. "calibrated from
    /// week.csv, 2026-12-03", written by `shadow --fit` into its overlay); carried into every run's summary and report.
    public var provenance: [String] = []

    // MARK: Economics and CI limits (issue 8)
    /// Cost model of the run (`economics:` block); nil = no cost figures in the summary.
    public var economics: EconomicsSpec? = nil
    /// The committed capacity of the service-level agreement (default 95 %, assumed).
    public var serviceLevel = ServiceLevelSpec()
    /// The baseline design's scenario file (`baseline:`), resolved; `run` simulates it for the report's comparisons.
    public var baselineScenario: URL? = nil
    /// Hard limits and regression tolerances for `factory-twin check` (`limits:` block); nil = none.
    public var limits: LimitsSpec? = nil

    public init(name: String, seed: UInt64 = 1, horizonSeconds: Double, samplingIntervalSeconds: Double = 3600,
                fidelity: Fidelity = .fluid, facility: FacilitySpec, coolingSystem: CoolingSystemBlock,
                thermalManagement: ThermalManagementBlock = .init(), plant: PlantSpec = .init(),
                weather: WeatherSource, load: LoadSpec, startHour: Int = 0) {
        self.startHour = startHour
        self.name = name
        self.seed = seed
        self.horizonSeconds = horizonSeconds
        self.samplingIntervalSeconds = samplingIntervalSeconds
        self.fidelity = fidelity
        self.facility = facility
        self.coolingSystem = coolingSystem
        self.thermalManagement = thermalManagement
        self.plant = plant
        self.weather = weather
        self.load = load
    }
}

/// The IT hall.
public struct FacilitySpec: Sendable {
    /// Accelerator catalogue name, e.g. `H100-SXM`.
    public var accelerator: String
    /// Number of GPUs.
    public var gpus: Int
    /// GPUs per server (8 for HGX/DGX boards).
    public var gpusPerServer: Int
    /// Fraction of GPUs on the primary cooling technology; the rest are on the secondary one.
    public var primaryShare: Double
    /// GPUs sharing one immersion tank.
    public var gpusPerTank: Int
    /// GPUs per rack (cold-plate or air-cooled).
    public var gpusPerRack: Int

    public init(accelerator: String, gpus: Int, gpusPerServer: Int = 8, primaryShare: Double = 1,
                gpusPerTank: Int = 32, gpusPerRack: Int = 32) {
        self.accelerator = accelerator
        self.gpus = gpus
        self.gpusPerServer = gpusPerServer
        self.primaryShare = primaryShare
        self.gpusPerTank = gpusPerTank
        self.gpusPerRack = gpusPerRack
    }
}
