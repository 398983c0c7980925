import XCTest
import SimMath
@testable import Serving

/// The continuous-batching state machine driven by a simple loop.
final class SchedulerTests: XCTestCase {
    /// Drives one server over requests sorted by arrival: admit everything that has arrived, run the
    /// next iteration, jump to the next arrival when idle. Returns the completions; `check` sees the
    /// scheduler after each planning step.
    static func drive(_ scheduler: inout ContinuousBatchScheduler, _ requests: [Request],
                      check: (ContinuousBatchScheduler, ContinuousBatchScheduler.Iteration) -> Void = { _, _ in })
        throws -> [CompletedRequest] {
        var done: [CompletedRequest] = []
        var next = 0
        var now = 0.0
        while true {
            while next < requests.count, requests[next].arrivalSeconds <= now {
                try scheduler.admit(requests[next])
                next += 1
            }
            if let it = try scheduler.nextIteration(atSeconds: now) {
                check(scheduler, it)
                done += try scheduler.complete()
                now = it.endSeconds
            } else if next < requests.count {
                now = requests[next].arrivalSeconds
            } else {
                return done
            }
        }
    }

    private func config(batch: Int, kvTokens: Int, chunked: Bool = false, budget: Int = 8192) throws -> SchedulerConfiguration {
        try SchedulerConfiguration(maxBatchSize: batch, maxBatchedTokens: budget, chunkedPrefill: chunked,
                                   kvCacheCapacityBytes: Double(kvTokens) * 100, kvBytesPerToken: 100)
    }

    /// M/D/1: one server, batch 1, every request one iteration (output 1 token, made by its prefill) of
    /// D = 1 s, Poisson arrivals λ = 0.7 /s, so ρ = 0.7. Pollaczek–Khinchine mean wait in queue
    /// W_q = ρ / (2μ(1 − ρ)) = 0.7 / (2 · 1 · 0.3) = 1.1667 s. 100,000 customers; the batch-means 95 %
    /// half-width is ≈ 2–3 %, so ±7 %.
    func testMD1MeanWaitMatchesPollaczekKhinchine() throws {
        var requests: [Request] = []
        let stream = RandomStream(seed: 3, replication: 0, name: "md1")
        var t = 0.0
        for i in 0..<100_000 {
            t += stream.exponential(mean: 1 / 0.7)
            requests.append(Request(id: i, arrivalSeconds: t, promptTokens: 4, outputTokens: 1))
        }
        var s = ContinuousBatchScheduler(configuration: try config(batch: 1, kvTokens: 1000),
                                         timing: try FixedIterationTime(secondsPerIteration: 1))
        let done = try Self.drive(&s, requests) { sched, it in
            XCTAssertEqual(it.batch.sequenceCount, 1)
            XCTAssertLessThanOrEqual(sched.runningCount, 1)
        }
        XCTAssertEqual(done.count, requests.count)
        let waits = done.map(\.waitSeconds)
        print(String(format: "M/D/1 rho 0.7: mean wait %.4f s vs Pollaczek-Khinchine %.4f s", Statistics.mean(waits), 0.7 / 0.6))
        XCTAssertEqual(Statistics.mean(waits), 0.7 / (2 * 0.3), accuracy: 0.07 * 0.7 / (2 * 0.3))
        // Service is exactly one iteration: time to first token = wait + 1 s.
        XCTAssertTrue(done.allSatisfy { abs($0.timeToFirstTokenSeconds - $0.waitSeconds - 1) < 1e-9 })
    }

    /// KV admission: capacity 2,000 tokens, requests of up to 400 + 400 tokens arriving faster than they
    /// are served. At every iteration the reserved KV (final contexts of admitted requests) and the KV in
    /// use stay ≤ 2,000 × 100 B, the batch ≤ 16, and in the end every request finishes with exactly its
    /// output tokens (one from prefill, the rest from decode steps).
    func testKVAdmissionNeverExceedsMemory() throws {
        let gen = try RequestGenerator(arrivals: .poisson(ratePerSecond: 50), promptTokens: .uniform(lower: 1, upper: 400),
                                       outputTokens: .uniform(lower: 1, upper: 400), maxTokens: 400)
        let requests = try gen.requests(untilSeconds: 20, arrivalStream: RandomStream(seed: 9, replication: 0, name: "a"),
                                        lengthStream: RandomStream(seed: 9, replication: 0, name: "l"))
        var s = ContinuousBatchScheduler(configuration: try config(batch: 16, kvTokens: 2000),
                                         timing: try FixedIterationTime(secondsPerIteration: 0.01))
        var decodeTokens: [Int: Int] = [:]
        var peakReserved = 0.0
        let done = try Self.drive(&s, requests) { sched, it in
            XCTAssertLessThanOrEqual(sched.reservedKVBytes, 2000 * 100)
            XCTAssertLessThanOrEqual(sched.usedKVBytes, sched.reservedKVBytes)
            XCTAssertLessThanOrEqual(it.batch.sequenceCount, 16)
            peakReserved = max(peakReserved, sched.reservedKVBytes)
            for e in it.batch.entries where e.phase == .decode { decodeTokens[e.requestID, default: 0] += 1 }
        }
        XCTAssertEqual(done.count, requests.count)
        XCTAssertGreaterThan(peakReserved, 0.8 * 2000 * 100, "the load should press against the KV limit")
        for c in done { XCTAssertEqual(decodeTokens[c.request.id, default: 0] + 1, c.request.outputTokens) }
        XCTAssertTrue(s.isIdle)
        XCTAssertEqual(s.reservedKVBytes, 0)
    }

    /// Chunked prefill with a 64-token budget: every iteration holds ≤ 64 tokens, decode steps are never
    /// starved (mixed iterations appear), and every prompt is prefilled exactly once in total.
    func testChunkedPrefillRespectsTokenBudget() throws {
        let requests = (0..<20).map { Request(id: $0, arrivalSeconds: Double($0) * 0.05, promptTokens: 150, outputTokens: 10) }
        var s = ContinuousBatchScheduler(configuration: try config(batch: 8, kvTokens: 100_000, chunked: true, budget: 64),
                                         timing: try FixedIterationTime(secondsPerIteration: 0.01))
        var prefilled: [Int: Int] = [:]
        var sawMixed = false
        let done = try Self.drive(&s, requests) { _, it in
            XCTAssertLessThanOrEqual(it.batch.tokenCount, 64)
            sawMixed = sawMixed || it.phase == .mixed
            for e in it.batch.entries where e.phase == .prefill { prefilled[e.requestID, default: 0] += e.tokens }
        }
        XCTAssertEqual(done.count, 20)
        XCTAssertTrue(sawMixed)
        XCTAssertTrue(prefilled.values.allSatisfy { $0 == 150 })
    }

    /// Driving the machine out of order, or a request larger than the KV cache, throws.
    func testMisuseAndOversizedRequestsThrow() throws {
        var s = ContinuousBatchScheduler(configuration: try config(batch: 4, kvTokens: 100),
                                         timing: try FixedIterationTime(secondsPerIteration: 1))
        XCTAssertThrowsError(try s.complete())
        XCTAssertThrowsError(try s.admit(Request(id: 1, arrivalSeconds: 0, promptTokens: 90, outputTokens: 20)))
        XCTAssertThrowsError(try s.admit(Request(id: 2, arrivalSeconds: 0, promptTokens: 0, outputTokens: 20)))
        try s.admit(Request(id: 3, arrivalSeconds: 0, promptTokens: 10, outputTokens: 2))
        XCTAssertNotNil(try s.nextIteration(atSeconds: 0))
        XCTAssertThrowsError(try s.nextIteration(atSeconds: 0))
        XCTAssertEqual(try s.complete().count, 0)
        XCTAssertEqual(try s.nextIteration(atSeconds: 1)?.phase, .decode)
        XCTAssertEqual(try s.complete().map(\.request.id), [3])
        XCTAssertNil(try s.nextIteration(atSeconds: 2))
    }

    /// Round robin cycles 0, 1, 2, 0; least outstanding tokens picks the minimum (first on ties); an
    /// empty pool throws.
    func testLoadBalancerPolicies() throws {
        var rr = LoadBalancer(policy: .roundRobin)
        XCTAssertEqual(try (0..<4).map { _ in try rr.route(outstandingTokens: [5, 0, 9]) }, [0, 1, 2, 0])
        var least = LoadBalancer(policy: .leastOutstandingTokens)
        XCTAssertEqual(try least.route(outstandingTokens: [5, 2, 9, 2]), 1)
        XCTAssertThrowsError(try least.route(outstandingTokens: []))
    }

    /// Least-outstanding-tokens routing of one Poisson stream over 4 servers with unequal request sizes
    /// gives a lower mean time to first token than round robin (it avoids queueing behind long prompts):
    /// a property of the policies, checked on identical arrivals (common random numbers).
    func testLeastOutstandingTokensBeatsRoundRobinOnTTFT() throws {
        let gen = try RequestGenerator(arrivals: .poisson(ratePerSecond: 30), promptTokens: .exponential(mean: 200),
                                       outputTokens: .exponential(mean: 50), maxTokens: 2000)
        let requests = try gen.requests(untilSeconds: 200, arrivalStream: RandomStream(seed: 4, replication: 0, name: "a"),
                                        lengthStream: RandomStream(seed: 4, replication: 0, name: "l"))
        struct Linear: IterationTiming {
            func seconds(for batch: IterationBatch) -> Double { 0.005 + 1e-4 * Double(batch.tokenCount) }
        }
        func meanTTFT(_ policy: LoadBalancer.Policy) throws -> Double {
            var servers = try (0..<4).map { _ in
                ContinuousBatchScheduler(configuration: try config(batch: 8, kvTokens: 100_000), timing: Linear())
            }
            var lb = LoadBalancer(policy: policy)
            var busyUntil = [Double](repeating: 0, count: 4)
            var done: [CompletedRequest] = []
            var next = 0
            var now = 0.0
            while next < requests.count || servers.contains(where: { !$0.isIdle }) {
                // Next event: an arrival or the earliest iteration end.
                let arrival = next < requests.count ? requests[next].arrivalSeconds : .infinity
                let busy = servers.indices.filter { servers[$0].isBusy }
                let end = busy.map { busyUntil[$0] }.min() ?? .infinity
                if arrival <= end {
                    now = arrival
                    let k = try lb.route(outstandingTokens: servers.map(\.outstandingTokens))
                    try servers[k].admit(requests[next])
                    next += 1
                } else {
                    now = end
                    for k in busy where busyUntil[k] == end { done += try servers[k].complete() }
                }
                for k in servers.indices where !servers[k].isBusy {
                    if let it = try servers[k].nextIteration(atSeconds: now) { busyUntil[k] = it.endSeconds }
                }
            }
            XCTAssertEqual(done.count, requests.count)
            return Statistics.mean(done.map(\.timeToFirstTokenSeconds))
        }
        let rr = try meanTTFT(.roundRobin)
        let least = try meanTTFT(.leastOutstandingTokens)
        XCTAssertLessThan(least, rr)
    }
}
