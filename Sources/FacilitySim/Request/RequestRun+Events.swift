import EventEngine
import FacilityModels
import Foundation
import Operations
import Serving

extension RequestRun {
    /// Handles one event at `now`.
    func handle(_ event: Event, progress: ((Double) -> Void)?) throws {
        switch event {
        case .iterationEnd(let r):
            iterations += 1
            if aggregate {
                completed += try replicas[r].fast?.complete { latencies.record($0) } ?? 0
            } else if let done = try replicas[r].general?.complete() {
                completed += done.count
                for c in done { latencies.record(c) }
            }
            tokens += Double(replicas[r].producing)
            outstanding[r] -= replicas[r].retiring
            try startIteration(r)
        case .arrival:
            guard let request = pendingArrival else { break }
            arrived += 1
            let r = try balancer.route(outstandingTokens: outstanding)
            outstanding[r] += request.promptTokens + request.outputTokens
            if aggregate { try replicas[r].fast?.admit(request) } else { try replicas[r].general?.admit(request) }
            if !replicas[r].busy { try startIteration(r) }
            try scheduleNextArrival()
        case .hour(let k):
            advance(to: now)
            offeredLoad = min(1, hourlyRequestRates[min(k, hourlyRequestRates.count - 1)] / saturatedRequestRate)
            hourIndex = spec.startHour + k
            hourStartEconomiser = economiser
            weather = plant.weather(atHour: hourIndex)
            nextInputChange = Double(k + 1) * 3600
            evaluatePlant()
            if nextInputChange < horizon { try sim.schedule(.hour(k + 1), at: nextInputChange, priority: 0) }
            if let progress, now / horizon - lastProgress >= 0.01 {
                lastProgress = now / horizon
                progress(lastProgress)
            }
        case .sample:
            advance(to: now)
            series.append(FacilitySimulation.row(time: now, utilisation: offeredLoad, weather: weather,
                                                 supply: supplyCelsius, powers: powers, cohorts: cohorts))
            let next = now + spec.samplingIntervalSeconds
            if next <= horizon { try sim.schedule(.sample, at: next, priority: 1) }
        case .tick:
            try reactiveTick()
        case .actuate(let i, let index):
            advance(to: now)
            cohorts[i].actuationPending = false
            applyClock(i, index)
        case .forecast:
            try forecastAndDecide()
        }
    }

    /// Plans replica r's next iteration at `now` and moves its GPUs' power to the new phase.
    func startIteration(_ r: Int) throws {
        let old = replicas[r].utilisation
        var planned: (end: Double, phase: IterationPhase, sequences: Int, context: Int)?
        if aggregate {
            if let it = try replicas[r].fast?.nextIteration(atSeconds: now) {
                // Every prefill entry is a whole prompt and produces its first token; a decode entry one token.
                replicas[r].producing = it.sequences
                replicas[r].retiring = it.phase == .decode ? it.sequences : it.tokens + it.sequences
                planned = (it.endSeconds, it.phase, it.sequences, it.totalContext)
            }
        } else if let it = try replicas[r].general?.nextIteration(atSeconds: now) {
            var producing = 0, retiring = 0, context = 0
            for e in it.batch.entries {
                if e.producesToken { producing += 1 }
                retiring += e.phase == .decode ? 1 : e.tokens + (e.producesToken ? 1 : 0)
                if e.phase == .decode { context += e.priorContext + 1 }
            }
            replicas[r].producing = producing
            replicas[r].retiring = retiring
            planned = (it.endSeconds, it.phase, it.batch.sequenceCount, context)
        }
        if let planned, r == 0, planned.phase == .decode, let probe = simulation.liveKernelProbe, now >= nextLiveSample {
            try probe(planned.sequences, planned.context, planned.end - now)
            nextLiveSample += horizon / Double(max(simulation.liveKernelSamples, 1))
        }
        if let planned {
            replicas[r].busy = true
            replicas[r].utilisation = planned.phase != .decode ? 1
                : planned.sequences < decodeUtilisation.count ? decodeUtilisation[planned.sequences]
                : IterationPower.decodeUtilisation(sequences: planned.sequences, accelerator: accelerator)
            try sim.schedule(.iterationEnd(r), at: planned.end, priority: 3)
        } else {
            replicas[r].busy = false
            replicas[r].utilisation = 0
        }
        let new = replicas[r].utilisation
        if new != old {
            let c = replicas[r].cohort
            advance(to: now)
            busyUtilisation[c] += (new - old) * Double(tp)
            if abs(busyUtilisation[c]) < 1e-9 { busyUtilisation[c] = 0 }
            setInputs(c)
        }
    }

    /// A clock change of cohort i: inputs, iteration speed and the plant follow.
    func applyClock(_ i: Int, _ index: Int) {
        advance(to: now)
        cohorts[i].setClock(index, accelerator: accelerator)
        timings[i].clockIndex = index
        for r in cohortReplicas[i] { replicas[r].fast?.timing = timings[i].models[index] }
        evaluatePlant()
    }

    /// A reactive sensor reading of every cohort; a decided change takes effect one actuation delay later.
    func reactiveTick() throws {
        guard case .reactive(let reactive) = controller else { return }
        advance(to: now)
        for i in cohorts.indices where !cohorts[i].actuationPending {
            let o = ThrottleObservation(timeSeconds: now, junctionCelsius: cohorts[i].state.moduleCelsius,
                                        clockIndex: cohorts[i].clockIndex, clockStateCount: clockCount)
            let index = reactive.decide(o)
            if index != cohorts[i].clockIndex {
                cohorts[i].actuationPending = true
                try sim.schedule(.actuate(cohort: i, clockIndex: index), at: now + reactive.actuationDelaySeconds, priority: 4)
            }
        }
        let next = now + reactive.sensorPeriodSeconds
        if next < horizon { try sim.schedule(.tick, at: next, priority: 4) }
    }

    /// A predictive decision for every cohort with its present power (the chain in force: the loops' flow follows the
    /// hour's offered load).
    func forecastAndDecide() throws {
        advance(to: now)
        let window = min(spec.thermalManagement.forecastHorizonSeconds, horizon - now)
        for i in cohorts.indices where window > 0 {
            let cohort = cohorts[i]
            let busy = busyUtilisation[i] / Double(cohort.gpus)
            let o = ThrottleObservation(
                timeSeconds: now, junctionCelsius: cohort.state.moduleCelsius, clockIndex: cohort.clockIndex,
                clockStateCount: clockCount,
                forecastPeakCelsius: { index in
                    let watts = self.accelerator.powerWatts(utilisation: busy, clock: self.accelerator.clockStates[index])
                    let heat = self.plant.cohortHeat(technology: cohort.technology, utilisation: self.offeredLoad, gpuWatts: watts)
                    let inputs = ThermalChain.Inputs(modulePowerWatts: watts,
                                                     sinkPowerWatts: heat.sinkWattsPerGPU * Double(cohort.chain.modulesPerSink),
                                                     coolantCelsius: cohort.inputs.coolantCelsius)
                    return cohort.chain.trajectory(from: cohort.state, inputs: inputs).maximumModuleCelsius(until: window)
                })
            let index = controller.decide(o)
            if index != cohort.clockIndex { applyClock(i, index) }
        }
        let next = now + spec.thermalManagement.forecastHorizonSeconds
        if next < horizon { try sim.schedule(.forecast, at: next, priority: 4) }
    }
}
