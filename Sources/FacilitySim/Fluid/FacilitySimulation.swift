import EventEngine
import FacilityModels
import Foundation
import Operations
import SimMath

/// Runs a scenario at fluid fidelity: GPUs driven by load levels, weather stepped hourly, thermal
/// state advanced exactly between events, energy integrated exactly for piecewise-constant power.
///
/// Events: an hourly step (weather and load change, the plant finds its new operating point) and
/// the sampling instants of the time series. Between two events every input is constant, so each
/// cohort's `ThermalChain` is advanced in closed form, its peak temperature and the time it spends
/// above the limit are solved for, and each subsystem's energy is power × duration.
///
/// Clock control (issue 6): each cohort has a DVFS state. A reactive controller's readings are events only
/// when they change the clock — the reading instant is solved from the exact trajectory
/// (`ReactiveThrottle.nextDecisionTime`) — and the change takes effect one actuation delay later; a
/// predictive controller decides at every hourly step and every forecast horizon. A clock change is an
/// event at which the plant is re-evaluated, so inputs stay piecewise constant and energy exact.
///
/// Failures (issue 6): each change of the cooling units' capacity (`CoolingUnitHistory`, drawn before the run) is an
/// event that re-evaluates the plant; a cohort's next GPU failure is solved from its cumulative Arrhenius hazard
/// along the current trajectory (`GPUHazard`) and rescheduled at every input change, like a reactive reading.
/// Governance: clock changes, switchovers and trim-chiller starts go through the run's `Governor`; an action that
/// waits for approval takes effect at an approval event.
///
/// The run's state (calendar, cohorts, accounts) and its named steps live in `FluidRun`; `run` starts it, loops over
/// its events and turns what it accumulated into the `RunResult`.
public final class FacilitySimulation {
    enum Event {
        /// The k-th hourly step of the run (weather hour `startHour + k`).
        case hour(Int)
        case sample
        /// A reactive sensor reading of cohort i that changes its clock.
        case reading(Int)
        /// Cohort i's decided clock state takes effect.
        case actuate(cohort: Int, clockIndex: Int)
        /// A predictive decision for every cohort.
        case forecast
        /// Segment k of the cooling units' capacity timeline begins (a unit failed, switched over or was repaired).
        case capacity(Int)
        /// A GPU of cohort i fails / a failed GPU of cohort i is replaced.
        case gpuFailure(Int)
        case gpuReplaced(Int)
        /// Switchover k of `coolingUnits.switchovers` starts (a governed, medium-risk action); its approval arrives.
        case switchover(Int)
        case switchoverApproved(ticket: Int)
        /// The approval to start the trim chiller arrives.
        case trimApproved(ticket: Int)
    }

    public let spec: ScenarioSpec
    let plant: FacilityPlant
    var cohorts: [Cohort]
    let controller: ThrottleController
    /// Up/down history of the cooling units (drawn before the run; empty without reliability groups).
    let coolingUnits: CoolingUnitHistory
    /// GPU failure hazard; nil when GPU failures are off.
    let hazard: GPUHazard?

    /// The serving set-up and its saturated rate (issue 5); nil without a `serving:` block.
    public let servingSetup: ServingSetup?
    public let servingRate: ServingRate?
    /// Output tokens per GPU-second of full-clock work at saturating load (tokens = this × GPU work delivered).
    public var tokensPerGPUSecond: Double? { servingRate?.tokensPerGPUSecond }
    /// Batch iterations the last request-fidelity run simulated (0 at fluid fidelity).
    public internal(set) var batchIterations = 0
    /// `run --live-kernel`: at request fidelity, called with (sequences, total context, profile-based seconds) for the
    /// first decode iteration of replica 0 after each of `liveKernelSamples` equally spaced instants of the horizon.
    public var liveKernelProbe: ((Int, Int, Double) throws -> Void)?
    public var liveKernelSamples = 0

    /// The plant parameters of this simulation (defaults with the scenario's overrides); after `run`, `usedEntries` is
    /// what the run read. Sensitivity studies iterate `entries` and set `PlantSpec.parameterOverrides`.
    public var parameterCatalogue: ParameterCatalogue { plant.parameters }

    /// - Throws: for an unknown accelerator, unreadable weather or controller parameters out of range.
    public init(spec: ScenarioSpec) throws {
        self.spec = spec
        var plant = try FacilityPlant(spec: spec)
        (servingSetup, servingRate) = try FacilitySimulation.serving(spec, accelerator: plant.accelerator)
        plant.servingRate = servingRate
        self.plant = plant
        self.cohorts = plant.makeCohorts()
        self.controller = try spec.thermalManagement.makeController()
        self.coolingUnits = try CoolingUnitHistory(spec: spec)
        self.hazard = spec.reliability.gpu.map(GPUHazard.init)
    }

    /// Simulates the horizon; `progress` receives the simulated fraction (0…1) now and then.
    public func run(progress: ((Double) -> Void)? = nil) throws -> RunResult {
        if spec.fidelity == .request, let setup = servingSetup, let rate = servingRate {
            return try runRequestFidelity(setup: setup, rate: rate, progress: progress)
        }
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let state = try FluidRun(simulation: self)
        try state.start()
        try state.loop(progress: progress)
        cohorts = state.cohorts
        let stored = cohorts.reduce(0) { $0 + $1.storedChangeJoules }
        var result = try makeResult(accounts: state.accounts, series: state.series, storedHeatChange: stored,
                                    secondsAbove: state.secondsAbove, availableSeconds: state.availableSeconds, service: state.service,
                                    peakFacilityWatts: state.peakFacilityWatts, chillerSeconds: state.chillerSeconds,
                                    maxSupply: state.maxSupply, events: state.sim.firedCount,
                                    wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
        finishLedger(&state.ledger, result: &result)
        result.summary.parameters = plant.parameters.usedEntries.map(ParameterUse.init)
        return result
    }

    /// Total length of a union of intervals, s.
    static func unionLength(_ intervals: [ClosedRange<Double>]) -> Double {
        guard intervals.count > 1 else { return intervals.first.map { $0.upperBound - $0.lowerBound } ?? 0 }
        let sorted = intervals.sorted { $0.lowerBound < $1.lowerBound }
        var total = 0.0
        var current = sorted[0]
        for r in sorted.dropFirst() {
            if r.lowerBound <= current.upperBound {
                current = current.lowerBound...max(current.upperBound, r.upperBound)
            } else {
                total += current.upperBound - current.lowerBound
                current = r
            }
        }
        return total + current.upperBound - current.lowerBound
    }
}
