/// Steady-state formulas of the M/M/c queue (Erlang C), the analytic reference for the engine's
/// server pool.
///
/// With offered load a = λ/μ (Erlang) and c servers (a < c), the probability that an arrival waits is
/// C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a))), where the Erlang-B blocking probability follows the
/// stable recursion B(0, a) = 1, B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a)) (Kleinrock, *Queueing
/// Systems* vol. 1, §3.5; Gross & Harris, *Fundamentals of Queueing Theory*, §2.3). The mean wait in
/// queue is W_q = C(c, a) / (cμ − λ) and, by Little's law, the mean queue length is L_q = λ·W_q.
/// Example: c = 8, λ = 6.4 /s, μ = 1 /s gives C = 0.457645 and W_q = 0.457645 / 1.6 = 0.286028 s.
public enum ErlangC {
    /// The Erlang-B blocking probability B(c, a) for `servers` = c and offered load a (Erlang).
    /// - Throws: ``EventEngineError/invalidQueueParameters(_:)`` unless c ≥ 1 and a ≥ 0 is finite.
    /// - Complexity: O(c).
    public static func blockingProbability(servers: Int, offeredLoad: Double) throws -> Double {
        guard servers >= 1 else { throw EventEngineError.invalidQueueParameters("servers must be ≥ 1, got \(servers)") }
        guard offeredLoad >= 0, offeredLoad.isFinite else {
            throw EventEngineError.invalidQueueParameters("offered load must be finite and ≥ 0, got \(offeredLoad)")
        }
        var b = 1.0
        for k in 1...servers {
            b = offeredLoad * b / (Double(k) + offeredLoad * b)
        }
        return b
    }

    /// The probability C(c, a) that an arriving customer has to wait, for c = `servers` and
    /// a = `offeredLoad` (Erlang), a < c.
    /// - Throws: ``EventEngineError/invalidQueueParameters(_:)`` if a ≥ c (no steady state) or on bad input.
    public static func probabilityOfWaiting(servers: Int, offeredLoad: Double) throws -> Double {
        let b = try blockingProbability(servers: servers, offeredLoad: offeredLoad)
        let c = Double(servers)
        guard offeredLoad < c else {
            throw EventEngineError.invalidQueueParameters("offered load \(offeredLoad) must be below the \(servers) servers")
        }
        return c * b / (c - offeredLoad * (1 - b))
    }

    /// The steady-state mean wait in queue W_q (s) of an M/M/c queue with arrival rate λ (1/s) and
    /// per-server service rate μ (1/s).
    /// - Throws: ``EventEngineError/invalidQueueParameters(_:)`` unless λ, μ > 0 and λ < cμ.
    public static func meanWaitInQueue(servers: Int, arrivalRatePerSecond: Double, serviceRatePerSecond: Double) throws -> Double {
        guard arrivalRatePerSecond > 0, arrivalRatePerSecond.isFinite,
              serviceRatePerSecond > 0, serviceRatePerSecond.isFinite else {
            throw EventEngineError.invalidQueueParameters(
                "rates must be finite and positive, got λ = \(arrivalRatePerSecond), μ = \(serviceRatePerSecond)")
        }
        let offeredLoad = arrivalRatePerSecond / serviceRatePerSecond
        let waiting = try probabilityOfWaiting(servers: servers, offeredLoad: offeredLoad)
        return waiting / (Double(servers) * serviceRatePerSecond - arrivalRatePerSecond)
    }

    /// The steady-state mean number waiting L_q = λ·W_q (customers).
    /// - Throws: see ``meanWaitInQueue(servers:arrivalRatePerSecond:serviceRatePerSecond:)``.
    public static func meanQueueLength(servers: Int, arrivalRatePerSecond: Double, serviceRatePerSecond: Double) throws -> Double {
        arrivalRatePerSecond * (try meanWaitInQueue(servers: servers, arrivalRatePerSecond: arrivalRatePerSecond,
                                                    serviceRatePerSecond: serviceRatePerSecond))
    }
}
