import EventEngine
import FacilityModels
import Foundation
import Operations
import SimMath

/// The state of one fluid-fidelity run and its named steps: starting from the thermal steady state, advancing every
/// cohort and account exactly between events, re-evaluating the plant at input changes, and scheduling what depends
/// on the trajectories (reactive readings, predictive decisions, GPU failures). Event handling is in
/// `FluidRun+Events.swift`, the controllers' steps in `FluidRun+Control.swift`.
///
/// A reference type: the steps mutate the shared state (calendar, cohorts, accounts) as the nested helpers of the
/// former single `run` function did; one instance lives for one run and is not shared between threads.
final class FluidRun {
    typealias Event = FacilitySimulation.Event

    let simulation: FacilitySimulation
    let spec: ScenarioSpec
    let plant: FacilityPlant
    let controller: ThrottleController
    let hazard: GPUHazard?
    let horizon: Double
    /// The GPU temperature limit, °C.
    let limit: Double
    let accelerator: AcceleratorSpec
    let clockCount: Int
    let sim: Simulation<FacilitySimulation.Event>
    /// Without a chiller the supply floats with the heat, so a forecast must evaluate the whole plant.
    let coolantFollowsHeat: Bool
    let failureStreams: [RandomStream]
    let replacementStreams: [RandomStream]

    var cohorts: [Cohort]
    var series: TimeSeries
    var accounts = EnergyAccounts()
    var powers = SubsystemPowers()
    var supplyCelsius = 0.0
    var utilisation = 0.0
    var weather: WeatherConditions
    var hourIndex: Int
    /// Time of the next hourly input change, s.
    var nextInputChange = 0.0
    var now = 0.0
    var secondsAbove = 0.0
    var peakFacilityWatts = 0.0
    var chillerSeconds = 0.0
    var maxSupply = -Double.infinity
    var pendingForecast: EventHandle?
    var capacity: CoolingCapacity
    var availableSeconds = 0.0
    /// Time at or above the committed capacity, and with the facility's cooling delivered (issue 15, SLA uptime).
    lazy var service = ServiceAvailabilityTally(committedCapacity: spec.serviceLevel.committedCapacity)
    /// The governor (nil without an ai_governance block) and incident detection (issue 17), +Governance.swift.
    var ledger: RunLedger
    /// The trim chiller is on / its start awaits approval (ticket).
    var trimRunning = false
    var trimTicket: Int?
    /// Cohort → ticket of a clock change awaiting approval.
    var approvalTickets: [Int: Int] = [:]
    var economiser = Economiser()
    /// The economiser as it was at the start of the hour (each re-evaluation decides from it).
    var hourStartEconomiser = Economiser()
    var lastProgress = -1.0

    init(simulation s: FacilitySimulation) throws {
        simulation = s
        spec = s.spec
        plant = s.plant
        controller = s.controller
        hazard = s.hazard
        horizon = s.spec.horizonSeconds
        limit = s.spec.thermalManagement.gpuTemperatureThresholdCelsius
        accelerator = s.plant.accelerator
        clockCount = accelerator.clockStates.count
        cohorts = s.cohorts
        sim = try Simulation<Event>(expectedPendingEvents: 8 + cohorts.count)
        series = TimeSeries(columns: FacilitySimulation.columns(cohorts))
        series.reserve(rows: Int(horizon / spec.samplingIntervalSeconds) + 2)
        weather = s.plant.weather(atHour: s.spec.startHour)
        hourIndex = s.spec.startHour
        capacity = s.coolingUnits.capacity(segment: 0)
        coolantFollowsHeat = s.spec.plant.chiller == .none
        let seed = s.spec.seed, replication = s.spec.replication
        failureStreams = cohorts.map { RandomStream(seed: seed, replication: replication, name: "gpu-failures/\($0.name)") }
        replacementStreams = cohorts.map { RandomStream(seed: seed, replication: replication, name: "gpu-replacements/\($0.name)") }
        ledger = try s.makeLedger()
    }

    /// Schedules the first events and starts from the thermal steady state of the first hour's conditions, at the
    /// clock a controller would hold there: the highest state whose steady junction temperature is under the
    /// threshold (full clock without a controller).
    func start() throws {
        try sim.schedule(.hour(0), at: 0, priority: 0)
        try sim.schedule(.sample, at: 0, priority: 1)   // after the hour's inputs are set
        if let timeline = simulation.coolingUnits.timeline {
            for k in timeline.segments.indices.dropFirst() {
                try sim.schedule(.capacity(k), at: timeline.segments[k].startSeconds, priority: 0)
            }
        }
        if spec.aiGovernance != nil {
            for (k, s) in simulation.coolingUnits.switchovers.enumerated() where s.record.startSeconds < horizon {
                try sim.schedule(.switchover(k), at: s.record.startSeconds, priority: 1)
            }
        }
        if hazard != nil {
            for i in cohorts.indices { cohorts[i].failureBudget = failureStreams[i].exponential(mean: 1) }
        }
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
    }

    /// Runs the event loop to the horizon.
    func loop(progress: ((Double) -> Void)?) throws {
        while let entry = sim.next(until: horizon) {
            advance(to: entry.time)
            ledger.begin(at: now, events: sim.firedCount)
            try handle(entry.payload, progress: progress)
        }
        advance(to: horizon)
        progress?(1)
    }

    /// Advances every cohort and every account from `now` to `t`.
    func advance(to t: Double) {
        let dt = t - now
        guard dt > 0 else { return }
        var union: [ClosedRange<Double>] = []
        if capacity.complete && cohorts.allSatisfy({ $0.clockIndex == 0 }) { availableSeconds += dt }
        service.add(durationSeconds: dt, deliveredCapacity: FacilitySimulation.deliveredCapacity(
            cohorts, installedGPUs: spec.facility.gpus, cooling: capacity), facilityDelivered: capacity.complete)
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
            let decision = ledger.submitTrim(simulation.trimRequest(at: now, supplyCelsius: point.supplyCelsius, weather: weather,
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

    /// After an input change: reschedule every controller decision and failure that depends on the trajectories.
    func inputsChanged() throws {
        switch controller {
        case .none: break
        case .reactive(let reactive): for i in cohorts.indices { try scheduleReading(i, reactive) }
        case .predictive: try forecastAndDecide()
        }
        try scheduleFailures()
    }
}
