import EventEngine
import FacilityModels
import Foundation
import Operations

extension FluidRun {
    /// Handles one event at `now` (the cohorts and accounts have been advanced to it).
    func handle(_ event: Event, progress: ((Double) -> Void)?) throws {
        switch event {
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
                                                 supply: supplyCelsius, powers: powers, cohorts: cohorts, units: capacity))
            let next = now + spec.samplingIntervalSeconds
            if next <= horizon { try sim.schedule(.sample, at: next, priority: 1) }
        case .reading(let i):
            try reactiveReading(i)
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
            capacity = simulation.coolingUnits.capacity(segment: k)
            try evaluatePlant()
            simulation.capacityChanged(&ledger, segment: k, capacity: capacity, supplyCelsius: supplyCelsius)
            try inputsChanged()
        case .gpuFailure(let i):
            cohorts[i].pendingFailure = nil
            cohorts[i].failures += 1
            cohorts[i].gpusInService -= 1
            cohorts[i].failureBudget = failureStreams[i].exponential(mean: 1)
            if let hazard {
                try sim.schedule(.gpuReplaced(i), after: replacementStreams[i].sample(hazard.model.replacementTimeSeconds), priority: 2)
            }
            try evaluatePlant()
            try inputsChanged()
        case .switchover(let k):
            let s = simulation.coolingUnits.switchovers[k]
            let request = simulation.switchoverRequest(s, at: now, capacity: capacity)
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

    /// A reactive sensor reading of cohort i: decides, and schedules the actuation (after any approval and the
    /// actuation delay) or the next reading that would change the clock.
    func reactiveReading(_ i: Int) throws {
        guard case .reactive(let reactive) = controller else { return }
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
    }
}
