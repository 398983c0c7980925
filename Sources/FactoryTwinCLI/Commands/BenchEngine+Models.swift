import EventEngine
import SimMath

extension BenchEngine {
    /// The hold model: a calendar of constant size where every fired event schedules one more.
    enum HoldModel {
        /// Events kept pending throughout the measurement.
        static let pendingEvents = 100_000
        /// Mean increment (s) between an event and the one it schedules.
        static let meanIncrementSeconds = 1.0

        /// Fills the calendar with ``pendingEvents`` events, then times `events` hold operations.
        static func measure(events: Int, seed: UInt64) throws -> HoldResult {
            progress("hold model: \(pendingEvents) pending events, \(events) events")
            let stream = RandomStream(seed: seed, replication: 0, name: "bench.hold.increments")
            let sim = try Simulation<Int32>(expectedPendingEvents: pendingEvents)
            for index in 0..<pendingEvents {
                try sim.schedule(Int32(truncatingIfNeeded: index), after: stream.exponential(mean: meanIncrementSeconds))
            }
            let (fired, seconds) = try BenchEngine.seconds { try hold(sim, events: events, stream: stream) }
            guard fired == events else {
                throw Failure(message: "hold model fired \(fired) events instead of \(events)")
            }
            return HoldResult(pending: pendingEvents, events: events, eventsPerSecond: Double(events) / seconds)
        }

        /// Fires `events` events, each scheduling its successor at now + Exp(mean 1 s); returns the count.
        static func hold(_ sim: Simulation<Int32>, events: Int, stream: RandomStream) throws -> Int {
            var fired = 0
            while fired < events, let entry = sim.next() {
                try sim.schedule(entry.payload, after: stream.exponential(mean: meanIncrementSeconds))
                fired &+= 1
            }
            return fired
        }
    }

    /// The M/M/c benchmark: c = 8, λ = 6.4 /s, μ = 1 /s.
    enum MMCBenchmark {
        /// Number of servers c.
        static let servers = 8
        /// Arrival rate λ (customers per s); utilisation ρ = λ/(cμ) = 0.8.
        static let arrivalRatePerSecond = 6.4
        /// Service rate μ of one server (customers per s).
        static let serviceRatePerSecond = 1.0
        /// Batches of the batch-means confidence interval.
        static let batches = 20
        /// Fraction of the customers discarded as warm-up.
        static let warmUpFraction = 0.1

        /// Runs `customers` customers and times the whole run (arrivals + departures per second).
        static func measure(customers: Int, seed: UInt64) throws -> MMCResult {
            let model = try MMCQueueModel(servers: servers, arrivalRatePerSecond: arrivalRatePerSecond,
                                          serviceRatePerSecond: serviceRatePerSecond)
            let warmUp = Int(Double(customers) * warmUpFraction)
            progress("M/M/\(servers) queue: \(customers) customers, warm-up \(warmUp)")
            let arrivals = RandomStream(seed: seed, replication: 0, name: "bench.mmc.arrivals")
            let services = RandomStream(seed: seed, replication: 0, name: "bench.mmc.services")
            let meanInterarrival = 1 / arrivalRatePerSecond, meanService = 1 / serviceRatePerSecond
            let (run, seconds) = try BenchEngine.seconds {
                try model.run(customers: customers, warmUpCustomers: warmUp,
                              interarrivalTime: { arrivals.exponential(mean: meanInterarrival) },
                              serviceTime: { services.exponential(mean: meanService) },
                              observe: { _ in })
            }
            let interval = Statistics.batchMeans(Array(run.measuredWaits), batches: batches, level: 0.95)
            let erlang = try model.erlangCMeanWait()
            return MMCResult(servers: servers, customers: customers,
                             eventsPerSecond: Double(run.eventsFired) / seconds,
                             meanWait: interval.mean, meanWaitHalfWidth: interval.halfWidth,
                             erlangCMeanWait: erlang, relativeError: (interval.mean - erlang) / erlang)
        }
    }
}
