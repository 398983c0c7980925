import XCTest
import FacilityModels
import SimMath
@testable import Serving

/// The O(1)-per-decode scheduler makes exactly the general scheduler's decisions (without chunked prefill).
final class AggregateSchedulerTests: XCTestCase {
    /// Both schedulers are driven by the same loop over the same 3,000 Poisson requests (λ = 40 /s, lognormal lengths
    /// with mean 200 and sd 300, capped at 1,023) on one H100 serving Llama-3.1-8B BF16 with a small KV cache (60,000
    /// tokens, so admission is KV-limited as well as batch-limited at 64 sequences) and a 2,048-token prefill budget.
    /// Every iteration must have the same start, duration (bit for bit: the aggregate decode cost is the same sum as
    /// `KernelAccounting.decodeStep`), phase and batch size, and every request the same first-scheduled, first-token
    /// and completion times; the reserved KV never exceeds the capacity.
    func testSameDecisionsAsContinuousBatchScheduler() throws {
        let model = TargetModel.llama31_8B
        let accelerator = try AcceleratorCatalogue.spec(named: "H100-SXM")
        let timing = try IterationTimeModel(model: model, accelerator: accelerator, parallelism: .single,
                                            efficiency: try EfficiencyProfile.publishedGPU(
                                                overheadSeconds: SourcedFigure(1e-4, .modelled, source: "test")))
        let config = try SchedulerConfiguration(maxBatchSize: 64, maxBatchedTokens: 2048, chunkedPrefill: false,
                                                kvCacheCapacityBytes: 60_000 * model.kvBytesPerToken, kvBytesPerToken: model.kvBytesPerToken)
        let gen = try RequestGenerator(arrivals: .poisson(ratePerSecond: 40), promptTokens: .lognormal(mean: 200, standardDeviation: 300),
                                       outputTokens: .lognormal(mean: 200, standardDeviation: 300), maxTokens: 1023)
        let requests = Array(try gen.requests(untilSeconds: 200, arrivalStream: RandomStream(seed: 5, replication: 0, name: "a"),
                                              lengthStream: RandomStream(seed: 5, replication: 0, name: "l")).prefix(3000))
        var general = ContinuousBatchScheduler(configuration: config, timing: timing)
        var fast = AggregateBatchScheduler(configuration: config, timing: timing)
        var a: [Int: CompletedRequest] = [:], b: [Int: CompletedRequest] = [:]
        var next = 0, now = 0.0, iterations = 0
        while true {
            while next < requests.count, requests[next].arrivalSeconds <= now {
                try general.admit(requests[next])
                try fast.admit(requests[next])
                next += 1
            }
            let g = try general.nextIteration(atSeconds: now), f = try fast.nextIteration(atSeconds: now)
            XCTAssertEqual(g == nil, f == nil)
            guard let g, let f else {
                if next < requests.count { now = requests[next].arrivalSeconds; continue } else { break }
            }
            iterations += 1
            XCTAssertEqual(g.durationSeconds, f.durationSeconds, "iteration \(iterations)")
            XCTAssertEqual(g.phase, f.phase)
            XCTAssertEqual(g.batch.sequenceCount, f.sequences)
            XCTAssertLessThanOrEqual(fast.reservedKVBytes, config.kvCacheCapacityBytes)
            XCTAssertEqual(fast.reservedKVBytes, general.reservedKVBytes)
            for c in try general.complete() { a[c.request.id] = c }
            try fast.complete { b[$0.request.id] = $0 }
            now = g.endSeconds
        }
        XCTAssertEqual(a.count, requests.count)
        XCTAssertEqual(a, b)
        XCTAssertGreaterThan(iterations, 10_000)
    }
}
