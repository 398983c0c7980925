import EventEngine
import FacilityModels
import Foundation
import Operations

extension FluidRun {
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

    /// The chain and inputs cohort i would have at clock state `index`, the other cohorts as they are.
    ///
    /// Without a chiller the supply floats with the heat, so the whole plant is evaluated on a copy; otherwise the
    /// coolant does not depend on the clocks and only the heat and the loops' flow (which sets the chain's
    /// conductance) are recomputed (`FacilityPlant.setCohortInputs`, `loopFlow`, `chain`: the same formulas).
    func candidate(_ i: Int, clockIndex index: Int) -> (ThermalChain, ThermalChain.Inputs) {
        var trial = cohorts
        trial[i].setClock(index, accelerator: accelerator)
        if coolantFollowsHeat {
            var e = hourStartEconomiser
            _ = plant.operatingPoint(utilisation: utilisation, weather: weather, hour: hourIndex, cohorts: &trial, economiser: &e,
                                     capacity: capacity)
            return (trial[i].chain, trial[i].inputs)
        }
        var it = 0.0
        let heat = plant.setCohortInputs(utilisation: utilisation, cohorts: &trial, itWatts: &it)
        let flow = plant.loopFlow(heat: heat, capacity: capacity)
        let chain = trial[i].technology == .air ? trial[i].chain : plant.chain(for: trial[i].technology, flowRatio: flow.ratio)
        var inputs = trial[i].inputs
        inputs.coolantCelsius = cohorts[i].inputs.coolantCelsius
        return (chain, inputs)
    }

    /// Predictive decision for every cohort; re-evaluates the plant if a clock changed.
    ///
    /// A candidate clock is forecast with the chain and inputs the plant would give at that clock (`candidate`), so
    /// the forecast is the trajectory the cohort will follow. Cohorts decide in turn, each seeing the clocks already
    /// chosen for the ones before it.
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
                    let (chain, inputs) = self.candidate(i, clockIndex: index)
                    return chain.trajectory(from: cohort.state, inputs: inputs).maximumModuleCelsius(until: window)
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
        if changed { try evaluateAfterForecast() }
        if let h = pendingForecast { _ = sim.cancel(h) }
        let next = now + spec.thermalManagement.forecastHorizonSeconds
        pendingForecast = next < horizon ? try sim.schedule(.forecast, at: next, priority: 2) : nil
    }

    /// Re-evaluates the plant after predictive clock changes; in debug builds checks that, without a floating
    /// supply, the candidate chain and inputs the forecast used are exactly the plant's.
    private func evaluateAfterForecast() throws {
        #if DEBUG
        let expected = coolantFollowsHeat ? [] : cohorts.indices.map { candidate($0, clockIndex: cohorts[$0].clockIndex) }
        #endif
        try evaluatePlant()
        #if DEBUG
        for (i, (chain, direct)) in expected.enumerated() {
            let c = cohorts[i]
            assert(abs(direct.modulePowerWatts - c.inputs.modulePowerWatts) <= 1e-9 * max(1, c.inputs.modulePowerWatts)
                   && abs(direct.sinkPowerWatts - c.inputs.sinkPowerWatts) <= 1e-9 * max(1, c.inputs.sinkPowerWatts)
                   && direct.coolantCelsius == c.inputs.coolantCelsius && chain == c.chain,
                   "direct forecast inputs differ from the plant's")
        }
        #endif
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
}
