import Serving
import SimMath

/// Collects the latencies of completed requests and summarises them (mean, p50, p90, p99; the end-to-end
/// histogram with the source document's buckets [0.1, 0.5, 1, 2, 5] s, cumulative as Prometheus counts them).
struct LatencyRecorder {
    /// Upper bounds of the end-to-end histogram buckets, s.
    static let bucketsSeconds = [0.1, 0.5, 1, 2, 5]

    private(set) var timeToFirstToken: [Double] = []
    private(set) var timePerOutputToken: [Double] = []
    private(set) var endToEnd: [Double] = []

    /// Records one completed request.
    mutating func record(_ c: CompletedRequest) {
        timeToFirstToken.append(c.timeToFirstTokenSeconds)
        if c.request.outputTokens > 1 { timePerOutputToken.append(c.timePerOutputTokenSeconds) }
        endToEnd.append(c.latencySeconds)
    }

    var count: Int { endToEnd.count }

    /// Reserves room for `n` requests (avoids regrowing three arrays of millions of entries).
    mutating func reserve(_ n: Int) {
        let n = max(0, min(n, 100_000_000))
        timeToFirstToken.reserveCapacity(n)
        timePerOutputToken.reserveCapacity(n)
        endToEnd.reserveCapacity(n)
    }

    /// The summary, or nil when no request completed.
    /// - Complexity: O(n) on average (quantiles by selection, `QuantileSelection`).
    func summary() -> LatencySummary? {
        guard !endToEnd.isEmpty else { return nil }
        func stats(_ xs: [Double]) -> LatencyStatistics {
            guard !xs.isEmpty else { return LatencyStatistics(mean: 0, p50: 0, p90: 0, p99: 0) }
            var copy = xs
            let q = QuantileSelection.quantiles(&copy, ascending: [0.5, 0.9, 0.99])
            return LatencyStatistics(mean: Statistics.mean(xs), p50: q[0], p90: q[1], p99: q[2])
        }
        var counts = LatencyRecorder.bucketsSeconds.map { bound in endToEnd.reduce(0) { $0 + ($1 <= bound ? 1 : 0) } }
        counts.append(endToEnd.count)
        return LatencySummary(timeToFirstToken: stats(timeToFirstToken), timePerOutputToken: stats(timePerOutputToken),
                              endToEnd: stats(endToEnd), histogramBucketsSeconds: LatencyRecorder.bucketsSeconds,
                              histogramCumulativeCounts: counts, histogramSumSeconds: endToEnd.reduce(0, +))
    }
}
