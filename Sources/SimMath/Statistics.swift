import CGSL

/// Sample statistics of output data: means, variances, Student-t confidence intervals, batch means,
/// quantiles. Figures are in the unit of the data.
public enum Statistics {
    /// The arithmetic mean (`gsl_stats_mean`); NaN for an empty array.
    /// - Complexity: O(n).
    public static func mean(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        return xs.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The unbiased sample variance Σ(x − x̄)² / (n − 1) (two-pass, `gsl_stats_variance_m`);
    /// 0 for fewer than two values.
    /// - Complexity: O(n).
    public static func variance(_ xs: [Double]) -> Double {
        guard xs.count >= 2 else { return 0 }
        return xs.withUnsafeBufferPointer { buffer in
            let m = gsl_stats_mean(buffer.baseAddress, 1, buffer.count)
            return gsl_stats_variance_m(buffer.baseAddress, 1, buffer.count, m)
        }
    }

    /// The sample standard deviation √variance.
    public static func standardDeviation(_ xs: [Double]) -> Double {
        variance(xs).squareRoot()
    }

    /// The p-quantile of Student's t with ν degrees of freedom (`gsl_cdf_tdist_Pinv`),
    /// e.g. t(0.975, 9) = 2.262157.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        GSLRuntime.prepare()
        return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }

    /// The two-sided Student-t confidence interval for the mean of iid observations:
    /// x̄ ± t((1 + level)/2, n − 1) · s/√n. Half-width +∞ for fewer than two observations.
    /// - Complexity: O(n).
    public static func confidenceInterval(_ xs: [Double], level: Double = 0.95) -> ConfidenceInterval {
        let m = mean(xs)
        guard xs.count >= 2 else { return ConfidenceInterval(mean: m, halfWidth: .infinity, level: level) }
        let n = Double(xs.count)
        let t = studentTQuantile((1 + level) / 2, degreesOfFreedom: n - 1)
        let s = xs.withUnsafeBufferPointer { gsl_stats_sd_m($0.baseAddress, 1, $0.count, m) }
        return ConfidenceInterval(mean: m, halfWidth: t * s / n.squareRoot(), level: level)
    }

    /// The batch-means confidence interval for the mean of a steady-state (autocorrelated) output series.
    ///
    /// The series is cut into `batches` contiguous batches of ⌊n / batches⌋ observations (the n mod batches
    /// oldest observations are dropped, being closest to the warm-up); the batch means are treated as iid
    /// and given a Student-t interval with batches − 1 degrees of freedom (Law, *Simulation Modeling and
    /// Analysis*, 5th ed., §9.5.3). `batches` is clamped to [2, n]. Remove the warm-up before calling.
    /// - Complexity: O(n).
    public static func batchMeans(_ xs: [Double], batches: Int = 20, level: Double = 0.95) -> ConfidenceInterval {
        guard xs.count >= 2 else {
            return ConfidenceInterval(mean: mean(xs), halfWidth: .infinity, level: level)
        }
        let batchCount = Swift.min(Swift.max(batches, 2), xs.count)
        let size = xs.count / batchCount
        let start = xs.count - size * batchCount
        var means = [Double]()
        means.reserveCapacity(batchCount)
        xs.withUnsafeBufferPointer { buffer in
            for b in 0..<batchCount {
                means.append(gsl_stats_mean(buffer.baseAddress! + start + b * size, 1, size))
            }
        }
        return confidenceInterval(means, level: level)
    }

    /// The p-quantile (p ∈ [0, 1], clamped) of a sorted copy of `xs`, by GSL's linear interpolation
    /// between order statistics (`gsl_stats_quantile_from_sorted_data`: position (n − 1)·p).
    /// NaN for an empty array or NaN p.
    /// - Complexity: O(n log n) for the sort.
    public static func quantile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty, !p.isNaN else { return .nan }
        return quantileOfSorted(xs.sorted(), p)
    }

    /// The p-quantile of data already sorted ascending (no copy); see ``quantile(_:_:)``.
    /// - Complexity: O(1).
    public static func quantileOfSorted(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty, !p.isNaN else { return .nan }
        let clamped = Swift.min(Swift.max(p, 0), 1)
        return sorted.withUnsafeBufferPointer {
            gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, clamped)
        }
    }

    /// Several quantiles at once from one sort, e.g. `[0.5, 0.9, 0.99]` for latency reports.
    /// - Complexity: O(n log n + k).
    public static func quantiles(_ xs: [Double], _ ps: [Double]) -> [Double] {
        let sorted = xs.sorted()
        return ps.map { quantileOfSorted(sorted, $0) }
    }
}
