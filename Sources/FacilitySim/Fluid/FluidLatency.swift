import SimMath

/// The fluid-fidelity latency summary: the mixture, over the run's sampling intervals, of the latency distribution
/// `LatencyCurve` gives at each interval's load, each interval weighted by the requests it serves (load × interval ×
/// installed GPUs × saturated requests per GPU-second), with the document's histogram buckets.
///
/// Intervals are grouped by their bracket of curve loads and their interpolation weight rounded to 1/20, so a year
/// of hourly samples costs at most 8 × 21 interpolated distributions per clock in force. Histogram counts are the modelled requests
/// (weights rounded to whole requests). Each cohort's requests are drawn from the curve of its clock in the interval.
enum FluidLatency {
    /// Groups of equal interpolated distribution: (clock, lower level, upper level, weight in twentieths).
    struct Key: Hashable, Comparable {
        var clock: Double, lower: Int, upper: Int, twentieths: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.clock, a.lower, a.upper, a.twentieths) < (b.clock, b.lower, b.upper, b.twentieths)
        }
    }

    /// The summary for intervals of (load, requests served) at one clock; nil when no request was served.
    static func summary(curve: LatencyCurve, intervals: [(load: Double, requests: Double)]) -> LatencySummary? {
        summary(curves: [1: curve], intervals: [1: intervals])
    }

    /// The summary for intervals of (load, requests served) by clock ratio, each clock with its curve.
    static func summary(curves: [Double: LatencyCurve], intervals: [Double: [(load: Double, requests: Double)]]) -> LatencySummary? {
        var groups: [Key: Double] = [:]
        for clock in intervals.keys.sorted() where curves[clock] != nil {
            for (load, requests) in intervals[clock]! where requests > 0 && load > 0 {
                let (lo, hi, w) = LatencyCurve.bracket(load)
                groups[Key(clock: clock, lower: lo, upper: hi, twentieths: Int((w * 20).rounded())), default: 0] += requests
            }
        }
        // Sums in key order: a dictionary's order changes from process to process, and results must be bit-identical.
        let total = groups.keys.sorted().reduce(0) { $0 + groups[$1]! }
        guard total > 0 else { return nil }
        func mixture(_ levels: (LatencyCurve) -> [[Double]]) -> [(x: Double, w: Double)] {
            var out: [(x: Double, w: Double)] = []
            for key in groups.keys.sorted() {
                let load = LatencyCurve.loads[key.lower]
                    + Double(key.twentieths) / 20 * (LatencyCurve.loads[key.upper] - LatencyCurve.loads[key.lower])
                let values = LatencyCurve.interpolated(levels(curves[key.clock]!), load: load, count: 400)
                let weight = groups[key]! / Double(values.count)
                out += values.map { ($0, weight) }
            }
            return out.sorted { $0.x < $1.x }
        }
        func stats(_ m: [(x: Double, w: Double)]) -> LatencyStatistics {
            guard !m.isEmpty else { return LatencyStatistics(mean: 0, p50: 0, p90: 0, p99: 0) }
            let sum = m.reduce(0) { $0 + $1.w }
            func quantile(_ p: Double) -> Double {
                var acc = 0.0
                for e in m {
                    acc += e.w
                    if acc >= p * sum { return e.x }
                }
                return m[m.count - 1].x
            }
            return LatencyStatistics(mean: m.reduce(0) { $0 + $1.x * $1.w } / sum, p50: quantile(0.5), p90: quantile(0.9),
                                     p99: quantile(0.99))
        }
        let e2e = mixture(\.endToEnd)
        var counts = LatencyRecorder.bucketsSeconds.map { bound in Int(e2e.reduce(0) { $0 + ($1.x <= bound ? $1.w : 0) }.rounded()) }
        counts.append(Int(total.rounded()))
        return LatencySummary(timeToFirstToken: stats(mixture(\.timeToFirstToken)),
                              timePerOutputToken: stats(mixture(\.timePerOutputToken)), endToEnd: stats(e2e),
                              histogramBucketsSeconds: LatencyRecorder.bucketsSeconds, histogramCumulativeCounts: counts,
                              histogramSumSeconds: e2e.reduce(0) { $0 + $1.x * $1.w })
    }
}
