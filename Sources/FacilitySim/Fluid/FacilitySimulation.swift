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
/// The run loop is one function with nested helpers sharing its state (the calendar, cohorts, accounts); it is the
/// next candidate for a state type of its own if it grows further.
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
        let horizon = spec.horizonSeconds
        let limit = spec.thermalManagement.gpuTemperatureThresholdCelsius
        let accelerator = plant.accelerator
        let clockCount = accelerator.clockStates.count
        let sim = try Simulation<Event>(expectedPendingEvents: 8 + cohorts.count)
        try sim.schedule(.hour(0), at: 0, priority: 0)
        try sim.schedule(.sample, at: 0, priority: 1)   // after the hour's inputs are set

        var series = TimeSeries(columns: FacilitySimulation.columns(cohorts))
        series.reserve(rows: Int(horizon / spec.samplingIntervalSeconds) + 2)
        var accounts = EnergyAccounts()
        var powers = SubsystemPowers()
        var supplyCelsius = 0.0
        var utilisation = 0.0
        var weather = plant.weather(atHour: spec.startHour)
        var hourIndex = spec.startHour
        var nextInputChange = 0.0
        var now = 0.0
        var secondsAbove = 0.0
        var peakFacilityWatts = 0.0
        var chillerSeconds = 0.0
        var maxSupply = -Double.infinity
        var pendingForecast: EventHandle?
        var capacity = coolingUnits.capacity(segment: 0)
        var availableSeconds = 0.0
        if let timeline = coolingUnits.timeline {
            for k in timeline.segments.indices.dropFirst() {
                try sim.schedule(.capacity(k), at: timeline.segments[k].startSeconds, priority: 0)
            }
        }
        if spec.aiGovernance != nil {
            for (k, s) in coolingUnits.switchovers.enumerated() where s.record.startSeconds < horizon {
                try sim.schedule(.switchover(k), at: s.record.startSeconds, priority: 1)
            }
        }
        let failureStreams = cohorts.map { RandomStream(seed: spec.seed, replication: spec.replication, name: "gpu-failures/\($0.name)") }
        let replacementStreams = cohorts.map {
            RandomStream(seed: spec.seed, replication: spec.replication, name: "gpu-replacements/\($0.name)")
        }
        if hazard != nil {
            for i in cohorts.indices { cohorts[i].failureBudget = failureStreams[i].exponential(mean: 1) }
        }
        let coolantFollowsHeat = spec.plant.chiller == .none
        var ledger = try makeLedger()   // governor (nil without an ai_governance block) and incidents (+Governance.swift)
        var trimRunning = false         // the trim chiller is on
        var trimTicket: Int?            // its start awaits approval
        var approvalTickets: [Int: Int] = [:]   // cohort → ticket of a clock change awaiting approval
        // Start from the thermal steady state of the first hour's conditions, at the clock a controller
        // would hold there: the highest state whose steady junction temperature is under the threshold
        // (full clock without a controller).
        var economiser = Economiser()
        var hourStartEconomiser = economiser
        let u0 = spec.load.utilisation(atHourIndex: hourIndex), w0 = plant.weather(atHour: hourIndex)
        for i in cohorts.indices {
            var probe = economiser
            for index in 0..<clockCount {
                cohorts[i].setClock(index, accelerator: accelerator)
                _ = plant.operatingPoint(utilisation: u0, weather: w0, hour: hourIndex, cohorts: &cohorts, economiser: &probe,
                                         capacity: capacity)
                if controller == .none || cohorts[i].chain.steadyState(cohorts[i].inputs).moduleCelsius <= limit { break }
            }
            cohorts[i].clockChanges = 0
        }
        var probe = economiser
        _ = plant.operatingPoint(utilisation: u0, weather: w0, hour: hourIndex, cohorts: &cohorts, economiser: &probe,
                                 capacity: capacity)
        for i in cohorts.indices { cohorts[i].state = cohorts[i].chain.steadyState(cohorts[i].inputs) }
        var lastProgress = -1.0

        /// Advances every cohort and every account from `now` to `t`.
        func advance(to t: Double) {
            let dt = t - now
            guard dt > 0 else { return }
            var union: [ClosedRange<Double>] = []
            if capacity.complete && cohorts.allSatisfy({ $0.clockIndex == 0 }) { availableSeconds += dt }
            for i in cohorts.indices {
                let above = cohorts[i].advance(by: dt, limit: limit, utilisation: utilisation, hazard: hazard)
                if let above { union.append(above) }
                ledger.advanced(cohort: i, from: now, dt: dt, above: above, stepMaxCelsius: cohorts[i].lastStepMaxCelsius,
                                endCelsius: cohorts[i].state.moduleCelsius)
            }
            secondsAbove += FacilitySimulation.unionLength(union)
            accounts.add(powers, for: dt)
            if powers[.chiller] > 0 { chillerSeconds += dt }
            now = t
        }

        /// Re-evaluates the plant for the current hour with the cohorts' clocks: inputs change only here,
        /// at events, so energy stays exact. The economiser decides from its state at the start of the hour.
        func evaluatePlant() throws {
            var e = hourStartEconomiser
            var effective = capacity
            if trimTicket != nil { effective.chiller = 0 }   // the trim chiller waits for its approval
            var point = plant.operatingPoint(utilisation: utilisation, weather: weather, hour: hourIndex, cohorts: &cohorts,
                                             economiser: &e, capacity: effective)
            // Starting the trim chiller is a governed medium-risk action (the state at t = 0 is taken as found).
            if point.trimHeatWatts > 0, !trimRunning, trimTicket == nil, now > 0, ledger.isGoverned {
                let decision = ledger.submitTrim(trimRequest(at: now, supplyCelsius: point.supplyCelsius, weather: weather,
                                                             trimHeatWatts: point.trimHeatWatts))!
                if decision.isAwaitingApproval {
                    trimTicket = decision.ticket
                    try sim.schedule(.trimApproved(ticket: decision.ticket), after: decision.delaySeconds, priority: 1)
                    e = hourStartEconomiser
                    effective.chiller = 0
                    point = plant.operatingPoint(utilisation: utilisation, weather: weather, hour: hourIndex, cohorts: &cohorts,
                                                 economiser: &e, capacity: effective)
                } else {
                    trimRunning = true
                }
            } else if trimTicket == nil {
                trimRunning = point.trimHeatWatts > 0
            }
            economiser = e
            powers = point.powers
            supplyCelsius = point.supplyCelsius
            maxSupply = max(maxSupply, supplyCelsius)
            peakFacilityWatts = max(peakFacilityWatts, powers.total)
            ledger.plantEvaluated(at: now, hourIndex: hourIndex, weather: weather, utilisation: utilisation, supplyCelsius: supplyCelsius)
        }

        /// Schedules cohort i's next reactive reading that changes its clock (exact, see `nextDecisionTime`).
        func scheduleReading(_ i: Int, _ reactive: ReactiveThrottle) throws {
            if let h = cohorts[i].pendingDecision { _ = sim.cancel(h); cohorts[i].pendingDecision = nil }
            guard !cohorts[i].actuationPending else { return }
            let trajectory = cohorts[i].chain.trajectory(from: cohorts[i].state, inputs: cohorts[i].inputs)
            let until = min(nextInputChange, horizon)
            if let t = reactive.nextDecisionTime(trajectory: trajectory, start: now, from: max(now, cohorts[i].nextReadingNotBefore),
                                                 until: until, canStepDown: cohorts[i].clockIndex < clockCount - 1,
                                                 canStepUp: cohorts[i].clockIndex > 0) {
                cohorts[i].pendingDecision = try sim.schedule(.reading(i), at: t, priority: 2)
            }
        }

        /// Predictive decision for every cohort; re-evaluates the plant if a clock changed.
        ///
        /// A candidate clock is forecast with the inputs the plant would give at that clock — including the
        /// coolant temperature, which floats with the heat when the dry coolers cannot hold the set-point —
        /// so the forecast is the trajectory the cohort will follow. Cohorts decide in turn, each seeing the
        /// clocks already chosen for the ones before it. Only without a chiller does the supply float (see
        /// `operatingPoint`); otherwise the coolant does not depend on the clocks and the candidate's inputs
        /// are computed directly (`FacilityPlant.inputs(for:utilisation:clock:)`, the same formulas).
        func forecastAndDecide() throws {
            let window = min(spec.thermalManagement.forecastHorizonSeconds, min(nextInputChange, horizon) - now)
            guard window > 0 else { return }
            var changed = false
            for i in cohorts.indices where !cohorts[i].actuationPending {
                let cohort = cohorts[i]
                let observation = ThrottleObservation(
                    timeSeconds: now, junctionCelsius: cohort.state.moduleCelsius, clockIndex: cohort.clockIndex,
                    clockStateCount: clockCount,
                    forecastPeakCelsius: { index in
                        let inputs: ThermalChain.Inputs
                        if coolantFollowsHeat {
                            var trial = self.cohorts
                            trial[i].setClock(index, accelerator: accelerator)
                            var e = hourStartEconomiser
                            _ = self.plant.operatingPoint(utilisation: utilisation, weather: weather, hour: hourIndex, cohorts: &trial,
                                                          economiser: &e, capacity: capacity)
                            inputs = trial[i].inputs
                        } else {
                            inputs = self.plant.inputs(for: cohort, utilisation: utilisation, clock: accelerator.clockStates[index])
                        }
                        return cohort.chain.trajectory(from: cohort.state, inputs: inputs).maximumModuleCelsius(until: window)
                    })
                let index = controller.decide(observation)
                if index != cohort.clockIndex {
                    let decision = ledger.submitClockChange(FacilitySimulation.predictiveRequest(
                        cohort, to: index, at: now, threshold: limit, windowSeconds: window,
                        forecast: observation.forecastPeakCelsius ?? { _ in .nan }, clockStates: accelerator.clockStates),
                        cohort: i, observed: TrailEntryKind.forecast)
                    if let decision, !decision.executesNow {   // waits for an approval
                        cohorts[i].actuationPending = true
                        approvalTickets[i] = decision.ticket
                        try sim.schedule(.actuate(cohort: i, clockIndex: index), at: now + decision.delaySeconds, priority: 3)
                    } else {
                        cohorts[i].setClock(index, accelerator: accelerator)
                        changed = true
                    }
                }
            }
            if changed {
                #if DEBUG
                let coolantBefore = cohorts.map(\.inputs.coolantCelsius)
                #endif
                try evaluatePlant()
                #if DEBUG
                // Without a floating supply the direct forecast inputs are exactly the plant's.
                if !coolantFollowsHeat {
                    for (i, c) in cohorts.enumerated() {
                        let direct = plant.inputs(for: c, utilisation: utilisation, clock: c.clockRatio)
                        assert(abs(direct.modulePowerWatts - c.inputs.modulePowerWatts) <= 1e-9 * max(1, c.inputs.modulePowerWatts)
                               && abs(direct.sinkPowerWatts - c.inputs.sinkPowerWatts) <= 1e-9 * max(1, c.inputs.sinkPowerWatts)
                               && c.inputs.coolantCelsius == coolantBefore[i], "direct forecast inputs differ from the plant's")
                    }
                }
                #endif
            }
            if let h = pendingForecast { _ = sim.cancel(h) }
            let next = now + spec.thermalManagement.forecastHorizonSeconds
            pendingForecast = next < horizon ? try sim.schedule(.forecast, at: next, priority: 2) : nil
        }

        /// Schedules each cohort's next GPU failure if it falls before the next input change (exact for the
        /// current trajectories; every input change calls this again).
        func scheduleFailures() throws {
            guard let hazard else { return }
            let until = min(nextInputChange, horizon) - now
            for i in cohorts.indices {
                if let h = cohorts[i].pendingFailure { _ = sim.cancel(h); cohorts[i].pendingFailure = nil }
                let trajectory = cohorts[i].chain.trajectory(from: cohorts[i].state, inputs: cohorts[i].inputs)
                if let t = hazard.failureTime(trajectory, gpus: cohorts[i].gpusInService, budget: cohorts[i].failureBudget,
                                              until: until) {
                    cohorts[i].pendingFailure = try sim.schedule(.gpuFailure(i), at: now + t, priority: 2)
                }
            }
        }

        /// After an input change: reschedule every controller decision and failure that depends on the trajectories.
        func inputsChanged() throws {
            switch controller {
            case .none: break
            case .reactive(let reactive): for i in cohorts.indices { try scheduleReading(i, reactive) }
            case .predictive: try forecastAndDecide()
            }
            try scheduleFailures()
        }

        while let entry = sim.next(until: horizon) {
            advance(to: entry.time)
            ledger.begin(at: now, events: sim.firedCount)
            switch entry.payload {
            case .hour(let k):
                hourIndex = spec.startHour + k
                hourStartEconomiser = economiser
                weather = plant.weather(atHour: hourIndex)
                utilisation = spec.load.utilisation(atHourIndex: hourIndex)
                nextInputChange = Double(k + 1) * 3600
                try evaluatePlant()
                if nextInputChange < horizon { try sim.schedule(.hour(k + 1), at: nextInputChange, priority: 0) }
                try inputsChanged()
                if let progress, now / horizon - lastProgress >= 0.01 {
                    lastProgress = now / horizon
                    progress(lastProgress)
                }
            case .sample:
                series.append(FacilitySimulation.row(time: now, utilisation: utilisation, weather: weather,
                                                     supply: supplyCelsius, powers: powers, cohorts: cohorts))
                let next = now + spec.samplingIntervalSeconds
                if next <= horizon { try sim.schedule(.sample, at: next, priority: 1) }
            case .reading(let i):
                guard case .reactive(let reactive) = controller else { break }
                cohorts[i].pendingDecision = nil
                cohorts[i].nextReadingNotBefore = now + reactive.sensorPeriodSeconds
                let observation = ThrottleObservation(timeSeconds: now, junctionCelsius: cohorts[i].state.moduleCelsius,
                                                      clockIndex: cohorts[i].clockIndex, clockStateCount: clockCount)
                let index = reactive.decide(observation)
                if index != cohorts[i].clockIndex {
                    let decision = ledger.submitClockChange(FacilitySimulation.reactiveRequest(
                        cohorts[i], to: index, at: now, reactive: reactive, clockStates: accelerator.clockStates),
                        cohort: i, observed: TrailEntryKind.reading)
                    if let decision, decision.isAwaitingApproval { approvalTickets[i] = decision.ticket }
                    cohorts[i].actuationPending = true
                    try sim.schedule(.actuate(cohort: i, clockIndex: index),
                                     at: now + (decision?.delaySeconds ?? 0) + reactive.actuationDelaySeconds, priority: 3)
                } else {
                    try scheduleReading(i, reactive)
                }
            case .actuate(let i, let index):
                if let ticket = approvalTickets.removeValue(forKey: i) {
                    try ledger.executeApproved(ticket: ticket, atSeconds: now, observations: FacilitySimulation.clockObservations(
                        cohorts[i], to: index, threshold: limit, clockStates: accelerator.clockStates))
                }
                cohorts[i].actuationPending = false
                cohorts[i].setClock(index, accelerator: accelerator)
                try evaluatePlant()
                try inputsChanged()
            case .forecast:
                pendingForecast = nil
                try forecastAndDecide()
                try scheduleFailures()
            case .capacity(let k):
                capacity = coolingUnits.capacity(segment: k)
                try evaluatePlant()
                capacityChanged(&ledger, segment: k, capacity: capacity, supplyCelsius: supplyCelsius)
                try inputsChanged()
            case .gpuFailure(let i):
                cohorts[i].pendingFailure = nil
                cohorts[i].failures += 1
                cohorts[i].gpusInService -= 1
                cohorts[i].failureBudget = failureStreams[i].exponential(mean: 1)
                if let hazard { try sim.schedule(.gpuReplaced(i), after: replacementStreams[i].sample(hazard.model.replacementTimeSeconds), priority: 2) }
                try evaluatePlant()
                try inputsChanged()
            case .switchover(let k):
                let s = coolingUnits.switchovers[k]
                let request = switchoverRequest(s, at: now, capacity: capacity)
                if let decision = ledger.submitSwitchover(request, group: request.target, presetApprovalDelaySeconds: s.record.approvalDelaySeconds),
                   decision.isAwaitingApproval {
                    try sim.schedule(.switchoverApproved(ticket: decision.ticket), after: s.record.approvalDelaySeconds, priority: 1)
                }
            case .switchoverApproved(let ticket):
                try ledger.executeApproved(ticket: ticket, atSeconds: now)
            case .trimApproved(let ticket):
                try ledger.executeApproved(ticket: ticket, atSeconds: now)
                trimTicket = nil
                trimRunning = true
                try evaluatePlant()
                try inputsChanged()
            case .gpuReplaced(let i):
                cohorts[i].gpusInService += 1
                try evaluatePlant()
                try inputsChanged()
            }
        }
        advance(to: horizon)
        progress?(1)

        let stored = cohorts.reduce(0) { $0 + $1.storedChangeJoules }
        var result = try makeResult(accounts: accounts, series: series, storedHeatChange: stored, secondsAbove: secondsAbove,
                                availableSeconds: availableSeconds,
                                peakFacilityWatts: peakFacilityWatts, chillerSeconds: chillerSeconds,
                                maxSupply: maxSupply, events: sim.firedCount,
                                wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
        finishLedger(&ledger, result: &result)
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
