import EventEngine
import FacilityModels
import Foundation
import Operations
import Serving

/// The state of one request-fidelity run (issue 5) and its named steps; see `FacilitySimulation.runRequestFidelity`
/// for the model. Event handling and the replicas' iterations are in `RequestRun+Events.swift`.
///
/// A reference type: the steps share and mutate the state (calendar, replicas, cohorts, accounts); one instance lives
/// for one run and is not shared between threads.
final class RequestRun {
    typealias Event = FacilitySimulation.RequestEvent

    let simulation: FacilitySimulation
    let spec: ScenarioSpec
    let plant: FacilityPlant
    let controller: ThrottleController
    let horizon: Double
    /// The GPU temperature limit, °C.
    let limit: Double
    let accelerator: AcceleratorSpec
    let clockCount: Int
    /// GPUs per replica (tensor parallelism).
    let tp: Int
    let timings: [ClockedTiming]
    /// Batching by the aggregate scheduler (no chunked prefill) or the general one.
    let aggregate: Bool
    let sim: Simulation<FacilitySimulation.RequestEvent>
    let saturatedRequestRate: Double
    let hourlyRequestRates: [Double]
    /// `IterationPower.decodeUtilisation` tabulated by batch size (the same function, evaluated once per size).
    let decodeUtilisation: [Double]

    var cohorts: [Cohort]
    var replicas: [FacilitySimulation.Replica] = []
    var cohortReplicas: [[Int]]
    var source: RequestSource
    var balancer: LoadBalancer
    var outstanding: [Int]
    /// Σ over each cohort's GPUs of their utilisation.
    var busyUtilisation: [Double]
    var itWatts: [Double]
    var latencies = LatencyRecorder()
    var arrived = 0, completed = 0, iterations = 0
    var tokens = 0.0
    var series: TimeSeries
    var accounts = EnergyAccounts()
    var powers = SubsystemPowers()
    var supplyCelsius = 0.0, maxSupply = -Double.infinity
    var hourIndex: Int
    var weather: WeatherConditions
    var economiser = Economiser()
    var hourStartEconomiser = Economiser()
    /// The offered load of the hour (its request rate over the hall's saturated rate, ≤ 1): the rest of the server
    /// (CPU, memory, NICs) and the plant's quasi-steady operating point follow it, as in fluid fidelity.
    var offeredLoad: Double
    var now = 0.0, advancedTo = 0.0, secondsAbove = 0.0, peakFacilityWatts = 0.0, chillerSeconds = 0.0
    var nextInputChange = 0.0
    var lastProgress = -1.0
    var pendingArrival: Request?
    var nextLiveSample: Double
    /// Every cohort at full clock (request fidelity models no failures), s.
    var availableSeconds = 0.0
    /// Time at or above the committed capacity (issue 15); request fidelity models no cooling failures.
    lazy var service = ServiceAvailabilityTally(committedCapacity: spec.serviceLevel.committedCapacity)
    var union: [ClosedRange<Double>] = []

    init(simulation s: FacilitySimulation, setup: ServingSetup, rate: ServingRate) throws {
        simulation = s
        spec = s.spec
        plant = s.plant
        controller = s.controller
        horizon = s.spec.horizonSeconds
        limit = s.spec.thermalManagement.gpuTemperatureThresholdCelsius
        accelerator = s.plant.accelerator
        clockCount = accelerator.clockStates.count
        tp = setup.tensorParallel
        cohorts = s.cohorts
        let clockStates = accelerator.clockStates
        timings = try cohorts.map { _ in try ClockedTiming(model: setup.timing, clockStates: clockStates) }
        aggregate = !setup.scheduler.chunkedPrefill
        cohortReplicas = cohorts.map { _ in [] }
        for (i, c) in cohorts.enumerated() {
            for _ in 0..<(c.gpus / tp) {
                cohortReplicas[i].append(replicas.count)
                replicas.append(aggregate
                    ? FacilitySimulation.Replica(fast: AggregateBatchScheduler(configuration: setup.scheduler, timing: setup.timing), cohort: i)
                    : FacilitySimulation.Replica(general: ContinuousBatchScheduler(configuration: setup.scheduler, timing: timings[i]), cohort: i))
            }
        }
        guard !replicas.isEmpty else {
            throw ServingError.invalidConfiguration(field: "tensor_parallel", reason: "no cohort has \(tp) GPUs for one replica")
        }
        let servingGPUs = Double(replicas.count * tp)
        source = try s.makeRequestSource(setup: setup, rate: rate, servingGPUs: servingGPUs)
        balancer = LoadBalancer(policy: setup.spec.loadBalancer == .roundRobin ? .roundRobin : .leastOutstandingTokens)
        outstanding = [Int](repeating: 0, count: replicas.count)
        busyUtilisation = [Double](repeating: 0, count: cohorts.count)
        itWatts = [Double](repeating: 0, count: cohorts.count)
        sim = try Simulation<Event>(expectedPendingEvents: replicas.count + 16)
        series = TimeSeries(columns: FacilitySimulation.columns(cohorts))
        series.reserve(rows: Int(horizon / spec.samplingIntervalSeconds) + 2)
        hourIndex = spec.startHour
        weather = s.plant.weather(atHour: hourIndex)
        saturatedRequestRate = rate.requestsPerGPUSecond * servingGPUs
        guard saturatedRequestRate > 0, saturatedRequestRate.isFinite else {
            throw ServingError.invalidConfiguration(field: "serving", reason: "the saturated request rate is \(saturatedRequestRate) /s")
        }
        hourlyRequestRates = try s.hourlyOfferedRates(setup: setup, saturatedRequestRate: saturatedRequestRate)
        offeredLoad = min(1, hourlyRequestRates[0] / saturatedRequestRate)
        let expectedRequests = hourlyRequestRates.reduce(0, +) * min(horizon, 3600)
        latencies.reserve(Int(min(expectedRequests * 1.05, 1e8)))
        let accelerator = self.accelerator
        decodeUtilisation = (0...setup.scheduler.maxBatchSize).map { IterationPower.decodeUtilisation(sequences: $0, accelerator: accelerator) }
        nextLiveSample = s.liveKernelSamples > 0 ? 0 : Double.infinity
        union.reserveCapacity(cohorts.count)
    }

    /// Warm start (the thermal steady state of the first hour's expected load, at the clock a controller would hold)
    /// and the first events.
    func start() throws {
        try sim.schedule(.hour(0), at: 0, priority: 0)
        try sim.schedule(.sample, at: 0, priority: 1)
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
        try scheduleNextArrival()
        switch controller {
        case .none: break
        case .reactive(let reactive): try sim.schedule(.tick, at: reactive.sensorPeriodSeconds, priority: 4)
        case .predictive: try sim.schedule(.forecast, at: 0, priority: 4)
        }
    }

    /// Runs the event loop to the horizon.
    func loop(progress: ((Double) -> Void)?) throws {
        while let entry = sim.next(until: horizon) {
            now = entry.time
            try handle(entry.payload, progress: progress)
        }
        advance(to: horizon)
        progress?(1)
    }

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
        let point = plant.operatingPoint(utilisation: offeredLoad, weather: weather, hour: hourIndex, cohorts: &cohorts, economiser: &e)
        economiser = e
        powers = point.powers
        supplyCelsius = point.supplyCelsius
        maxSupply = max(maxSupply, supplyCelsius)
        for i in cohorts.indices { setInputs(i) }
    }

    func scheduleNextArrival() throws {
        pendingArrival = source.next(before: horizon)
        if let r = pendingArrival { try sim.schedule(.arrival, at: r.arrivalSeconds, priority: 2) }
    }
}
