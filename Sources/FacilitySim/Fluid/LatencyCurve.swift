import FacilityModels
import Serving
import SimMath

/// Request latencies of one replica under Poisson arrivals at fixed loads: what fluid fidelity draws its
/// `ai_inference_latency` histogram from (issue 15 item 5), since it simulates load levels, not requests.
///
/// At each load of `loads` (fractions of the saturated request rate `ServingRate.requestsPerGPUSecond`), one
/// replica is driven exactly as request fidelity drives each of its replicas — the same scheduler, iteration-time
/// model and length distributions — under Poisson arrivals (streams `serving.latency.arrivals`,
/// `serving.latency.lengths`) with the iteration times of the clock in force, and the end-to-end latency, time to first token and time per output token of
/// `completions` requests after a warm-up of `warmup` requests are kept, sorted. Between two loads the latency distribution is
/// interpolated quantile by quantile (the i-th smallest latency moves linearly with load); outside [0.05, 0.9] the
/// nearest level is used (Simplification: above 0.9 a single replica's queue grows without bound as the load nears
/// saturation, which a balanced hall of many replicas does not show at the same mean load).
public struct LatencyCurve: Sendable, Equatable {
    /// Loads at which latencies are sampled.
    public static let loads: [Double] = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9]
    /// Requests kept per load after the warm-up. Assumption: 4,000 put about 40 samples above the 99th percentile,
    /// a sampling error of the p99 of a few per cent.
    public static let completions = 4000
    /// Requests discarded first. Assumption: as many as are kept: the batch fills over a few latencies' worth of
    /// arrivals (Little's law: concurrency = rate × latency, up to the batch limit of 256), and 4,000 arrivals are
    /// ≥ 15 times that concurrency, so the kept requests see the steady batch (500 were too few: the latencies came
    /// out 18 % low at load 0.8).
    public static let warmup = 4000

    /// Sorted end-to-end latencies, times to first token and times per output token at each load, s.
    public var endToEnd: [[Double]]
    public var timeToFirstToken: [[Double]]
    public var timePerOutputToken: [[Double]]

    /// Samples the latencies of `setup` at every load of `loads` (fractions of the full-clock saturated rate), with
    /// the iteration times of DVFS clock ratio `clock` (a throttled replica is slower at the same offered load).
    /// - Throws: `ServingError` from the scheduler or the clock.
    /// - Complexity: O(loads × (warm-up + completions) × mean output tokens / mean batch) iterations.
    /// `levels` restricts the sampling to the indices of `loads` a run needs (the brackets of its loads; the others are
    /// left empty): each level draws from its own fresh streams, so the sampled levels are the same either way.
    public init(setup: ServingSetup, rate: ServingRate, seed: UInt64, replication: Int, clock: Double = 1,
                levels: Set<Int>? = nil) throws {
        let timing = clock == 1 ? setup.timing : try setup.timing.atClock(clock)
        let generator = try setup.generator(arrivals: .poisson(ratePerSecond: 1))
        var e2e: [[Double]] = [], ttft: [[Double]] = [], tpot: [[Double]] = []
        for (index, load) in LatencyCurve.loads.enumerated() {
            guard levels?.contains(index) ?? true else {
                e2e.append([])
                ttft.append([])
                tpot.append([])
                continue
            }
            let arrivals = RandomStream(seed: seed, replication: replication, name: "serving.latency.arrivals")
            let lengths = RandomStream(seed: seed, replication: replication, name: "serving.latency.lengths")
            let perSecond = load * rate.requestsPerGPUSecond * Double(setup.tensorParallel)
            var replica = ReplicaDriver(setup: setup, timing: timing)
            var nextArrival = arrivals.exponential(mean: 1 / perSecond), nextID = 0
            var now = 0.0, completed = 0
            var a: [Double] = [], b: [Double] = [], c: [Double] = []
            let warmup = LatencyCurve.warmup, target = warmup + LatencyCurve.completions
            while completed < target {
                while nextArrival <= now {
                    var r = generator.offlineRequests(count: 1, lengthStream: lengths)[0]
                    (r.id, r.arrivalSeconds) = (nextID, nextArrival)
                    nextID += 1
                    try replica.admit(r)
                    nextArrival += arrivals.exponential(mean: 1 / perSecond)
                }
                guard let it = try replica.next(atSeconds: now) else {
                    now = nextArrival
                    continue
                }
                now += it.durationSeconds
                completed += try replica.complete { done in
                    guard done.request.id >= warmup else { return }
                    a.append(done.latencySeconds)
                    b.append(done.timeToFirstTokenSeconds)
                    if done.request.outputTokens > 1 { c.append(done.timePerOutputTokenSeconds) }
                }
            }
            e2e.append(a.sorted())
            ttft.append(b.sorted())
            tpot.append(c.sorted())
        }
        endToEnd = e2e
        timeToFirstToken = ttft
        timePerOutputToken = tpot
    }

    /// A curve from given sorted samples, one array per load of `loads` (tests).
    init(endToEnd: [[Double]], timeToFirstToken: [[Double]], timePerOutputToken: [[Double]]) {
        self.endToEnd = endToEnd
        self.timeToFirstToken = timeToFirstToken
        self.timePerOutputToken = timePerOutputToken
    }

    /// The levels `load`s bracket: what `init(…levels:)` must sample for them.
    static func levels(for loads: [Double]) -> Set<Int> {
        var out: Set<Int> = []
        for load in loads where load > 0 {
            let b = bracket(load)
            out.insert(b.lower)
            out.insert(b.upper)
        }
        return out
    }

    /// The neighbouring levels of `load` and the interpolation weight of the upper one.
    static func bracket(_ load: Double) -> (lower: Int, upper: Int, weight: Double) {
        let l = loads
        if load <= l[0] { return (0, 0, 0) }
        if load >= l[l.count - 1] { return (l.count - 1, l.count - 1, 0) }
        var i = 1
        while l[i] < load { i += 1 }
        return (i - 1, i, (load - l[i - 1]) / (l[i] - l[i - 1]))
    }

    /// The latency distribution at `load`: the quantile-by-quantile interpolation of two sorted samples (sampled at
    /// the same probabilities when their sizes differ), as `count` sorted values.
    static func interpolated(_ levels: [[Double]], load: Double, count: Int) -> [Double] {
        let (lo, hi, w) = bracket(load)
        let a = levels[lo], b = levels[hi]
        guard !a.isEmpty, !b.isEmpty, count > 0 else { return [] }
        return (0..<count).map { k in
            let p = (Double(k) + 0.5) / Double(count)
            let x = a[min(a.count - 1, Int(p * Double(a.count)))], y = b[min(b.count - 1, Int(p * Double(b.count)))]
            return x + w * (y - x)
        }
    }
}
