/// The M/M/c queue on the engine: Poisson arrivals, exponential services, c servers, one FIFO line.
///
/// It is the engine's reference workload — the same code is checked against Erlang C by the tests
/// and timed by `factory-twin bench engine`. It runs on ``Simulation`` and ``ServerPool`` like any
/// model would; the random draws come from the caller (EventEngine has no random numbers of its own),
/// typically one SimMath stream for interarrival times and one for service times.
public struct MMCQueueModel: Sendable, Hashable {
    /// The two events of the model.
    public enum Event: Sendable, Hashable {
        /// A customer arrives.
        case arrival
        /// A server finishes a service.
        case departure
    }

    /// Number of servers c.
    public let servers: Int
    /// Arrival rate λ (customers per s).
    public let arrivalRatePerSecond: Double
    /// Service rate μ of one server (customers per s).
    public let serviceRatePerSecond: Double

    /// An M/M/c queue with c = `servers`, λ = `arrivalRatePerSecond` and μ = `serviceRatePerSecond`.
    /// - Throws: ``EventEngineError/invalidQueueParameters(_:)`` unless c ≥ 1 and both rates are finite
    ///   and positive (an unstable queue, λ ≥ cμ, may still be simulated).
    public init(servers: Int, arrivalRatePerSecond: Double, serviceRatePerSecond: Double) throws {
        guard servers >= 1 else { throw EventEngineError.invalidQueueParameters("servers must be ≥ 1, got \(servers)") }
        guard arrivalRatePerSecond > 0, arrivalRatePerSecond.isFinite,
              serviceRatePerSecond > 0, serviceRatePerSecond.isFinite else {
            throw EventEngineError.invalidQueueParameters(
                "rates must be finite and positive, got λ = \(arrivalRatePerSecond), μ = \(serviceRatePerSecond)")
        }
        self.servers = servers
        self.arrivalRatePerSecond = arrivalRatePerSecond
        self.serviceRatePerSecond = serviceRatePerSecond
    }

    /// Server utilisation ρ = λ / (cμ).
    public var utilisation: Double { arrivalRatePerSecond / (Double(servers) * serviceRatePerSecond) }

    /// The Erlang-C steady-state mean wait in queue (s); see ``ErlangC``.
    /// - Throws: ``EventEngineError/invalidQueueParameters(_:)`` if the queue is unstable (ρ ≥ 1).
    public func erlangCMeanWait() throws -> Double {
        try ErlangC.meanWaitInQueue(servers: servers, arrivalRatePerSecond: arrivalRatePerSecond,
                                    serviceRatePerSecond: serviceRatePerSecond)
    }

    /// Simulates `customers` customers from an empty system until the last one has left.
    ///
    /// - Parameters:
    ///   - customers: number of arrivals (≥ 1).
    ///   - warmUpCustomers: the pool's time-weighted monitors restart when customer number
    ///     `warmUpCustomers` (0-based) arrives; waits are returned for every customer regardless.
    ///   - interarrivalTime: draws the next interarrival time (s), Exp(mean 1/λ) for an M/M/c queue.
    ///   - serviceTime: draws a service time (s), Exp(mean 1/μ) for an M/M/c queue.
    ///   - observe: called with every event as it fires (e.g. to record a trajectory); pass `{ _ in }`.
    /// - Throws: ``EventEngineError/invalidQueueParameters(_:)`` for `customers` < 1 or a warm-up outside
    ///   0..<customers; ``EventEngineError/invalidDelay(_:)`` if a draw is negative or not finite.
    /// - Complexity: O(customers · log c) time, O(customers) memory for the waits.
    @inlinable
    public func run(customers: Int, warmUpCustomers: Int,
                    interarrivalTime: () -> Double, serviceTime: () -> Double,
                    observe: (CalendarEntry<Event>) -> Void) throws -> MMCQueueRun {
        guard customers >= 1 else { throw EventEngineError.invalidQueueParameters("customers must be ≥ 1, got \(customers)") }
        guard warmUpCustomers >= 0, warmUpCustomers < customers else {
            throw EventEngineError.invalidQueueParameters(
                "warm-up must be in 0..<\(customers) customers, got \(warmUpCustomers)")
        }
        let sim = try Simulation<Event>(expectedPendingEvents: servers + 2)
        var pool = try ServerPool<Double>(servers: servers)
        var waits = [Double]()
        waits.reserveCapacity(customers)
        var arrived = 0
        var measurementStart = 0.0
        try sim.schedule(.arrival, after: interarrivalTime())
        while let entry = sim.next() {
            observe(entry)
            let now = entry.time
            switch entry.payload {
            case .arrival:
                if arrived == warmUpCustomers {
                    try pool.resetStatistics(at: now)
                    measurementStart = now
                }
                arrived &+= 1
                if arrived < customers { try sim.schedule(.arrival, after: interarrivalTime()) }
                if try pool.request(now, at: now) {
                    waits.append(0)
                    try sim.schedule(.departure, after: serviceTime())
                }
            case .departure:
                if let arrivalTime = try pool.release(at: now) {
                    waits.append(now - arrivalTime)
                    try sim.schedule(.departure, after: serviceTime())
                }
            }
        }
        let end = sim.now
        return MMCQueueRun(waits: waits, warmUpCustomers: warmUpCustomers, eventsFired: sim.firedCount,
                           endTime: end, measurementStartTime: measurementStart,
                           meanQueueLength: pool.queueMonitor.average(until: end),
                           meanBusyServers: pool.busyMonitor.average(until: end))
    }
}

/// What one ``MMCQueueModel`` run produced.
public struct MMCQueueRun: Sendable, Hashable {
    /// Wait in queue (s) of every customer in arrival order (FIFO: also the order service starts).
    public var waits: [Double]
    /// Number of leading customers that form the warm-up.
    public var warmUpCustomers: Int
    /// Events fired: one arrival and one departure per customer.
    public var eventsFired: Int
    /// Time (s) the last customer left.
    public var endTime: Double
    /// Arrival time (s) of the first customer after the warm-up, where the monitors restarted.
    public var measurementStartTime: Double
    /// Time-average number waiting (customers) over [measurementStartTime, endTime].
    public var meanQueueLength: Double
    /// Time-average number of busy servers over [measurementStartTime, endTime].
    public var meanBusyServers: Double

    /// Creates a run record (see the properties).
    @inlinable
    public init(waits: [Double], warmUpCustomers: Int, eventsFired: Int, endTime: Double,
                measurementStartTime: Double, meanQueueLength: Double, meanBusyServers: Double) {
        self.waits = waits
        self.warmUpCustomers = warmUpCustomers
        self.eventsFired = eventsFired
        self.endTime = endTime
        self.measurementStartTime = measurementStartTime
        self.meanQueueLength = meanQueueLength
        self.meanBusyServers = meanBusyServers
    }

    /// Waits (s) of the customers after the warm-up, in arrival order.
    public var measuredWaits: ArraySlice<Double> { waits[warmUpCustomers...] }
}
