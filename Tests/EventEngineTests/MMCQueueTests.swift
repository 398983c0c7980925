import SimMath
import XCTest
@testable import EventEngine

/// The M/M/c queue on the engine against queueing theory: Erlang C, Little's law, reproducibility.
final class MMCQueueTests: XCTestCase {
    /// c = 8 servers, λ = 6.4 /s, μ = 1 /s (ρ = 0.8), the reference configuration of `bench engine`.
    static let model = Result { try MMCQueueModel(servers: 8, arrivalRatePerSecond: 6.4, serviceRatePerSecond: 1) }

    /// One 200 000-customer run (first 20 000 = warm-up) with seed 7, shared by the statistical tests.
    static let longRun = Result { try simulate(customers: 200_000, warmUp: 20_000, seed: 7, observe: { _ in }) }

    /// Runs the reference model with one SimMath stream for interarrival times and one for services.
    static func simulate(customers: Int, warmUp: Int, seed: UInt64,
                         observe: (CalendarEntry<MMCQueueModel.Event>) -> Void) throws -> MMCQueueRun {
        let model = try model.get()
        let arrivals = RandomStream(seed: seed, replication: 0, name: "mmc.arrivals")
        let services = RandomStream(seed: seed, replication: 0, name: "mmc.services")
        return try model.run(customers: customers, warmUpCustomers: warmUp,
                             interarrivalTime: { arrivals.exponential(mean: 1 / 6.4) },
                             serviceTime: { services.exponential(mean: 1) },
                             observe: observe)
    }

    /// Erlang C by hand. M/M/1 (c = 1, λ = 0.5, μ = 1): W_q = ρ/(μ − λ) = 0.5/0.5 = 1 s.
    /// c = 2, λ = μ = 1 (a = 1): B(2, 1) = (1/2)/(1 + 1 + 1/2) = 0.2, C = 2·0.2/(2 − 0.8) = 1/3,
    /// W_q = (1/3)/(2 − 1) = 1/3 s. c = 8, a = 6.4, by the textbook sum
    /// C = [a⁸/8! · 8/(8 − a)] / [Σₖ₌₀⁷ aᵏ/k! + a⁸/8! · 8/(8 − a)] = 0.457645, W_q = C/(8 − 6.4) = 0.28603 s
    /// (the figure quoted for this queue). Tolerances 1e-12 (exact cases), 1e-12 relative against the sum
    /// evaluated here, 5e-6 against the 5-digit figure. An unstable queue (λ = cμ) throws.
    func testErlangCMatchesHandCalculations() throws {
        XCTAssertEqual(try ErlangC.meanWaitInQueue(servers: 1, arrivalRatePerSecond: 0.5, serviceRatePerSecond: 1), 1, accuracy: 1e-12)
        XCTAssertEqual(try ErlangC.meanWaitInQueue(servers: 2, arrivalRatePerSecond: 1, serviceRatePerSecond: 1), 1.0 / 3, accuracy: 1e-12)
        let a = 6.4
        var term = 1.0, sum = 0.0
        for k in 0..<8 {
            sum += term
            term *= a / Double(k + 1)
        }
        let tail = term * 8 / (8 - a)            // term = a⁸/8! here
        let waitingProbability = tail / (sum + tail)
        XCTAssertEqual(try ErlangC.probabilityOfWaiting(servers: 8, offeredLoad: a), waitingProbability, accuracy: 1e-12)
        let wait = try Self.model.get().erlangCMeanWait()
        XCTAssertEqual(wait, waitingProbability / 1.6, accuracy: 1e-12)
        XCTAssertEqual(wait, 0.28603, accuracy: 5e-6)
        XCTAssertThrowsError(try ErlangC.meanWaitInQueue(servers: 2, arrivalRatePerSecond: 2, serviceRatePerSecond: 1))
    }

    /// 200 000 customers of the reference queue, the first 20 000 (10 %) discarded as warm-up (the queue
    /// relaxes in tens of seconds, ≈ 10² customers; 20 000 is two orders more). The mean wait of the
    /// remaining 180 000 has a 95 % batch-means interval (20 batches of 9 000 ≫ the wait's correlation
    /// length) that must contain Erlang C's 0.28603 s. Its half-width must stay under 15 % of it, so that
    /// containment is not trivial: the 1 000 000-customer bench run gives ±4 %, hence ≈ ±4 %·√5 ≈ ±9 % for
    /// 5 times fewer customers, and the batch standard deviation with 19 degrees of freedom scatters by
    /// ≈ 1/√38 ≈ 16 %, so 15 % lies more than three such deviations above the expected 9 % (9 %·1.48 = 13 %).
    /// Every customer produced one arrival and one departure
    /// (400 000 events) and the pool used ρ·c = 6.4 servers on average (±3 %: the time average over
    /// ≈ 28 000 s has a standard deviation below 1 %).
    func testMeanWaitConfidenceIntervalContainsErlangC() throws {
        let run = try Self.longRun.get()
        let erlang = try Self.model.get().erlangCMeanWait()
        XCTAssertEqual(run.waits.count, 200_000)
        XCTAssertEqual(run.eventsFired, 400_000)
        let interval = Statistics.batchMeans(Array(run.measuredWaits), batches: 20)
        XCTAssertTrue(interval.contains(erlang), "95 % CI \(interval.lower)…\(interval.upper) misses \(erlang)")
        XCTAssertLessThan(interval.halfWidth, 0.15 * erlang)
        XCTAssertEqual(run.meanBusyServers, 6.4, accuracy: 0.03 * 6.4)
    }

    /// Little's law L_q = λ·W_q on the same run, two ways. (1) Sample path: over the window
    /// [t_w, T] from the first measured arrival to the last departure, ∫ queue dt equals the sum of the
    /// measured customers' waits, up to the few warm-up customers still waiting at t_w (≈ L_q·W_q ≈ 0.5
    /// customer·s out of ≈ 5·10⁴): L_q·(T − t_w) = Σ W_i within 1e-3 relative. (2) With the model's
    /// λ = 6.4 /s: L_q/λ must lie in the 95 % batch-means interval of W_q (the observed arrival rate
    /// differs from λ by ≈ 1/√180 000 ≈ 0.2 %, far inside the interval's ≈ ±9 %).
    func testLittlesLawHoldsWithinTheInterval() throws {
        let run = try Self.longRun.get()
        let measured = run.measuredWaits
        let totalWait = measured.reduce(0, +)
        let queueArea = run.meanQueueLength * (run.endTime - run.measurementStartTime)
        XCTAssertEqual(queueArea, totalWait, accuracy: 1e-3 * totalWait)
        let interval = Statistics.batchMeans(Array(measured), batches: 20)
        XCTAssertTrue(interval.contains(run.meanQueueLength / 6.4),
                      "L_q/λ = \(run.meanQueueLength / 6.4) outside \(interval.lower)…\(interval.upper)")
    }

    /// Same seed ⇒ the same event trajectory, bit for bit: two runs of 2 000 customers with seed 42
    /// record identical (time, kind, sequence) lists of 4 000 events. A different seed (43) must give a
    /// different trajectory (otherwise the comparison could not fail).
    func testSameSeedGivesIdenticalTrajectory() throws {
        func trajectory(seed: UInt64) throws -> [String] {
            var events = [String]()
            _ = try Self.simulate(customers: 2_000, warmUp: 0, seed: seed) { entry in
                events.append("\(entry.time.bitPattern) \(entry.payload) \(entry.sequence)")
            }
            return events
        }
        let first = try trajectory(seed: 42)
        let second = try trajectory(seed: 42)
        XCTAssertEqual(first.count, 4_000)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, try trajectory(seed: 43))
    }

    /// Bad arguments throw: 0 customers, a warm-up as long as the run, 0 servers, a negative rate, and a
    /// negative service time drawn by the caller (→ invalidDelay from the engine).
    func testBadArgumentsThrow() throws {
        let model = try Self.model.get()
        XCTAssertThrowsError(try model.run(customers: 0, warmUpCustomers: 0, interarrivalTime: { 1 }, serviceTime: { 1 }, observe: { _ in }))
        XCTAssertThrowsError(try model.run(customers: 5, warmUpCustomers: 5, interarrivalTime: { 1 }, serviceTime: { 1 }, observe: { _ in }))
        XCTAssertThrowsError(try MMCQueueModel(servers: 0, arrivalRatePerSecond: 1, serviceRatePerSecond: 1))
        XCTAssertThrowsError(try MMCQueueModel(servers: 1, arrivalRatePerSecond: -1, serviceRatePerSecond: 1))
        XCTAssertThrowsError(try model.run(customers: 5, warmUpCustomers: 0, interarrivalTime: { 1 }, serviceTime: { -1 }, observe: { _ in })) { error in
            XCTAssertEqual(error as? EventEngineError, .invalidDelay(-1))
        }
    }
}
