import EventEngine
import FacilityModels
import Foundation
import Operations
import Serving

extension FacilitySimulation {
    /// Events of a request-fidelity run.
    enum RequestEvent {
        /// The k-th hourly step (weather, load level, plant operating point).
        case hour(Int)
        case sample
        /// The next request arrives.
        case arrival
        /// Replica r's iteration ends.
        case iterationEnd(Int)
        /// A reactive sensor reading of every cohort.
        case tick
        /// Cohort i's decided clock state takes effect.
        case actuate(cohort: Int, clockIndex: Int)
        /// A predictive decision for every cohort.
        case forecast
    }

    /// One model replica (tensor-parallel GPUs of one server) and the iteration it is running. Without chunked prefill
    /// it batches with the O(1)-per-decode `AggregateBatchScheduler`, with it by the general `ContinuousBatchScheduler`
    /// (same decisions; the aggregate one is checked against it in the Serving tests).
    struct Replica {
        var fast: AggregateBatchScheduler?
        var general: ContinuousBatchScheduler?
        /// The cohort its GPUs belong to.
        let cohort: Int
        /// Power-model utilisation of its GPUs now (0 when idle).
        var utilisation = 0.0
        var busy = false
        /// Output tokens the running iteration produces, and prompt + output tokens it retires from the
        /// replica's outstanding work.
        var producing = 0
        var retiring = 0
    }

    /// Simulates every request and batch iteration (issue 5) on the cohorts' thermal chains.
    ///
    /// - Each replica (`tensor_parallel` GPUs of a server) runs a `ContinuousBatchScheduler`; an arrival is routed by
    ///   the load balancer, an iteration's end is an event, and the next iteration starts at once if there is work.
    /// - GPU power follows each replica's phase (`IterationPower`: prefill/mixed at u = 1, decode by batch size, idle 0)
    ///   at the cohort's clock. A cohort's GPUs share one thermal chain driven by their mean power (P is linear in
    ///   u at a given clock, so the mean GPU's power is exact); inputs change only at events, so the chain advances
    ///   exactly under piecewise-constant power, and only when its power changes (a run of equal decode batches
    ///   costs no thermal work). Simplification: a busy GPU's module is as warm as its cohort's mean.
    /// - The plant is quasi-steady per hour, as in fluid fidelity: non-IT powers are evaluated at each hour (and clock
    ///   change) at the hour's offered load (offered request rate over the hall's saturated rate); the rest of the
    ///   server (CPU, memory, NICs) follows the same offered load; GPU power, and so IT power, is exact at every instant.
    /// - Throttling: reactive readings every sensor period, predictive decisions every forecast horizon with the
    ///   cohort's present power; a clock change slows every iteration planned after it (`ClockedTiming`).
    func runRequestFidelity(setup: ServingSetup, rate: ServingRate, progress: ((Double) -> Void)?) throws -> RunResult {
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let horizon = spec.horizonSeconds
        let limit = spec.thermalManagement.gpuTemperatureThresholdCelsius
        let accelerator = plant.accelerator
        let clockCount = accelerator.clockStates.count
        let tp = setup.tensorParallel
        let timings = try cohorts.map { _ in try ClockedTiming(model: setup.timing, clockStates: accelerator.clockStates) }
        let aggregate = !setup.scheduler.chunkedPrefill
        var replicas: [Replica] = []
        var cohortReplicas: [[Int]] = cohorts.map { _ in [] }
        for (i, c) in cohorts.enumerated() {
            for _ in 0..<(c.gpus / tp) {
                cohortReplicas[i].append(replicas.count)
                replicas.append(aggregate
                    ? Replica(fast: AggregateBatchScheduler(configuration: setup.scheduler, timing: setup.timing), cohort: i)
                    : Replica(general: ContinuousBatchScheduler(configuration: setup.scheduler, timing: timings[i]), cohort: i))
            }
        }
        guard !replicas.isEmpty else {
            throw ServingError.invalidConfiguration(field: "tensor_parallel",
                                                    reason: "no cohort has \(tp) GPUs for one replica")
        }
        let servingGPUs = Double(replicas.count * tp)
        var source = try makeRequestSource(setup: setup, rate: rate, servingGPUs: servingGPUs)
        var balancer = LoadBalancer(policy: setup.spec.loadBalancer == .roundRobin ? .roundRobin : .leastOutstandingTokens)
        var outstanding = [Int](repeating: 0, count: replicas.count)
        var busyUtilisation = [Double](repeating: 0, count: cohorts.count)   // Σ over the cohort's GPUs of u
        var itWatts = [Double](repeating: 0, count: cohorts.count)
        var latencies = LatencyRecorder()
        var arrived = 0, completed = 0, iterations = 0
        var tokens = 0.0

        let sim = try Simulation<RequestEvent>(expectedPendingEvents: replicas.count + 16)
        try sim.schedule(.hour(0), at: 0, priority: 0)
        try sim.schedule(.sample, at: 0, priority: 1)
        var series = TimeSeries(columns: FacilitySimulation.columns(cohorts))
        series.reserve(rows: Int(horizon / spec.samplingIntervalSeconds) + 2)
        var accounts = EnergyAccounts()
        var powers = SubsystemPowers()
        var supplyCelsius = 0.0, maxSupply = -Double.infinity
        var hourIndex = spec.startHour
        var weather = plant.weather(atHour: hourIndex)
        var economiser = Economiser()
        var hourStartEconomiser = economiser
        // The offered load of the hour (its request rate over the hall's saturated rate, ≤ 1): the rest of the server
        // (CPU, memory, NICs) and the plant's quasi-steady operating point follow it, as in fluid fidelity.
        let saturatedRequestRate = rate.requestsPerGPUSecond * servingGPUs
        guard saturatedRequestRate > 0, saturatedRequestRate.isFinite else {
            throw ServingError.invalidConfiguration(field: "serving", reason: "the saturated request rate is \(saturatedRequestRate) /s")
        }
        let hourlyRequestRates = try hourlyOfferedRates(setup: setup, saturatedRequestRate: saturatedRequestRate)
        var offeredLoad = min(1, hourlyRequestRates[0] / saturatedRequestRate)
        let expectedRequests = hourlyRequestRates.reduce(0, +) * min(horizon, 3600)
        latencies.reserve(Int(min(expectedRequests * 1.05, 1e8)))
        var now = 0.0, advancedTo = 0.0, secondsAbove = 0.0, peakFacilityWatts = 0.0, chillerSeconds = 0.0
        var nextInputChange = 0.0
        var lastProgress = -1.0
        var pendingArrival: Request?
        // `IterationPower.decodeUtilisation` tabulated by batch size (the same function, evaluated once per size).
        let decodeUtilisation = (0...setup.scheduler.maxBatchSize).map { IterationPower.decodeUtilisation(sequences: $0, accelerator: accelerator) }
        var nextLiveSample = liveKernelSamples > 0 ? 0 : Double.infinity

        // Warm start: the thermal steady state of the first hour's expected load, at the clock a controller would hold.
        for i in cohorts.indices {
            var probe = economiser
            for index in 0..<clockCount {
                cohorts[i].setClock(index, accelerator: accelerator)
                _ = plant.operatingPoint(utilisation: offeredLoad, weather: weather, hour: hourIndex, cohorts: &cohorts, economiser: &probe)
                if controller == .none || cohorts[i].chain.steadyState(cohorts[i].inputs).moduleCelsius <= limit { break }
            }
            cohorts[i].clockChanges = 0
            timings[i].clockIndex = cohorts[i].clockIndex
            for r in cohortReplicas[i] { replicas[r].fast?.timing = timings[i].models[cohorts[i].clockIndex] }
        }
        var probe = economiser
        _ = plant.operatingPoint(utilisation: offeredLoad, weather: weather, hour: hourIndex, cohorts: &cohorts, economiser: &probe)
        for i in cohorts.indices { cohorts[i].state = cohorts[i].chain.steadyState(cohorts[i].inputs) }
        var availableSeconds = 0.0   // every cohort at full clock (request fidelity models no failures)
        var service = ServiceAvailabilityTally(committedCapacity: spec.serviceLevel.committedCapacity)

        /// Sets cohort i's inputs from its GPUs' mean utilisation at its clock; keeps the IT power current.
        func setInputs(_ i: Int) {
            let c = cohorts[i]
            let u = busyUtilisation[i] / Double(c.gpus)
            let gpuWatts = accelerator.powerWatts(utilisation: u, clock: c.clockRatio)
            let heat = plant.cohortHeat(technology: c.technology, utilisation: offeredLoad, gpuWatts: gpuWatts)
            cohorts[i].inputs.modulePowerWatts = gpuWatts
            cohorts[i].inputs.sinkPowerWatts = heat.sinkWattsPerGPU * Double(c.chain.modulesPerSink)
            cohorts[i].heatToAirWatts = Double(c.gpus) * heat.airWattsPerGPU
            itWatts[i] = Double(c.gpus) * heat.serverWatts
            powers.it = itWatts.reduce(0, +)
            peakFacilityWatts = max(peakFacilityWatts, powers.total)
        }

        /// Advances every cohort and account from where they are to `t` under the present (constant) inputs.
        var union: [ClosedRange<Double>] = []
        union.reserveCapacity(cohorts.count)
        func advance(to t: Double) {
            let dt = t - advancedTo
            guard dt > 0 else { return }
            union.removeAll(keepingCapacity: true)
            if cohorts.allSatisfy({ $0.clockIndex == 0 }) { availableSeconds += dt }
            service.add(durationSeconds: dt, deliveredCapacity: FacilitySimulation.deliveredCapacity(
                cohorts, installedGPUs: spec.facility.gpus, cooling: CoolingCapacity()), facilityDelivered: true)
            for i in cohorts.indices {
                if let above = cohorts[i].advance(by: dt, limit: limit, utilisation: offeredLoad) { union.append(above) }
            }
            if !union.isEmpty { secondsAbove += FacilitySimulation.unionLength(union) }
            accounts.add(powers, for: dt)
            if powers[.chiller] > 0 { chillerSeconds += dt }
            advancedTo = t
        }

        /// The plant's quasi-steady non-IT powers and coolant temperature; IT power and cohort inputs stay actual.
        func evaluatePlant() {
            var e = hourStartEconomiser
            let point = plant.operatingPoint(utilisation: offeredLoad, weather: weather, hour: hourIndex, cohorts: &cohorts,
                                             economiser: &e)
            economiser = e
            powers = point.powers
            supplyCelsius = point.supplyCelsius
            maxSupply = max(maxSupply, supplyCelsius)
            for i in cohorts.indices { setInputs(i) }
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
            if let planned, r == 0, planned.phase == .decode, let probe = liveKernelProbe, now >= nextLiveSample {
                try probe(planned.sequences, planned.context, planned.end - now)
                nextLiveSample += horizon / Double(max(liveKernelSamples, 1))
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

        func scheduleNextArrival() throws {
            pendingArrival = source.next(before: horizon)
            if let r = pendingArrival { try sim.schedule(.arrival, at: r.arrivalSeconds, priority: 2) }
        }
        try scheduleNextArrival()
        switch controller {
        case .none: break
        case .reactive(let reactive): try sim.schedule(.tick, at: reactive.sensorPeriodSeconds, priority: 4)
        case .predictive: try sim.schedule(.forecast, at: 0, priority: 4)
        }

        while let entry = sim.next(until: horizon) {
            now = entry.time
            switch entry.payload {
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
                advance(to: entry.time)
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
                advance(to: entry.time)
                series.append(FacilitySimulation.row(time: now, utilisation: offeredLoad, weather: weather,
                                                     supply: supplyCelsius, powers: powers, cohorts: cohorts))
                let next = now + spec.samplingIntervalSeconds
                if next <= horizon { try sim.schedule(.sample, at: next, priority: 1) }
            case .tick:
                guard case .reactive(let reactive) = controller else { break }
                advance(to: entry.time)
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
            case .actuate(let i, let index):
                advance(to: entry.time)
                cohorts[i].actuationPending = false
                applyClock(i, index)
            case .forecast:
                advance(to: entry.time)
                let window = min(spec.thermalManagement.forecastHorizonSeconds, horizon - now)
                for i in cohorts.indices where window > 0 {
                    let cohort = cohorts[i]
                    let gpuWatts = { (clock: Double) in
                        accelerator.powerWatts(utilisation: busyUtilisation[i] / Double(cohort.gpus), clock: clock) }
                    let o = ThrottleObservation(
                        timeSeconds: now, junctionCelsius: cohort.state.moduleCelsius, clockIndex: cohort.clockIndex,
                        clockStateCount: clockCount,
                        forecastPeakCelsius: { index in
                            let clock = accelerator.clockStates[index], watts = gpuWatts(clock)
                            let heat = self.plant.cohortHeat(technology: cohort.technology, utilisation: offeredLoad, gpuWatts: watts)
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
        advance(to: horizon)
        progress?(1)
        batchIterations = iterations

        let stored = cohorts.reduce(0) { $0 + $1.storedChangeJoules }
        var result = try makeResult(accounts: accounts, series: series, storedHeatChange: stored, secondsAbove: secondsAbove,
                                availableSeconds: availableSeconds, service: service,
                                peakFacilityWatts: peakFacilityWatts, chillerSeconds: chillerSeconds, maxSupply: maxSupply,
                                events: sim.firedCount, wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
        let gpuJoules = cohorts.reduce(0) { $0 + $1.electricalJoules }
        var s = result.summary
        s.tokensGenerated = tokens
        s.tokensPerSecond = tokens / horizon
        s.tokensPerJouleGpu = gpuJoules > 0 ? tokens / gpuJoules : 0
        s.tokensPerJouleIt = s.itEnergyJoules > 0 ? tokens / s.itEnergyJoules : 0
        s.tokensPerJouleFacility = s.facilityEnergyJoules > 0 ? tokens / s.facilityEnergyJoules : 0
        s.requests = RequestCounts(arrived: arrived, completed: completed, inFlight: arrived - completed)
        s.latencySeconds = latencies.summary()
        s.latencySource = s.latencySeconds == nil ? nil : "request fidelity: every completed request"
        // Priced again now that the run's tokens and requests are known (issue 8).
        s.economics = try economicsSummary(for: s, series: result.timeSeries)
        result.summary = s
        return result
    }
}
