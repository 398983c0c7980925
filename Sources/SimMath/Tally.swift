/// A running tally of observations: count, mean, variance (Welford's algorithm), min and max,
/// in O(1) memory. The unit is that of the observations.
///
/// Welford (1962), "Note on a method for calculating corrected sums of squares and products",
/// Technometrics 4(3): numerically stable single-pass update.
public struct Tally: Sendable, Hashable, Codable {
    /// Number of observations added.
    public private(set) var count: Int = 0
    /// Running mean; NaN before the first observation.
    public private(set) var mean: Double = .nan
    /// Sum of squared deviations from the running mean (M₂).
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// Smallest observation; +∞ before the first.
    public private(set) var min: Double = .infinity
    /// Largest observation; −∞ before the first.
    public private(set) var max: Double = -.infinity

    /// An empty tally.
    public init() {}

    /// Adds one observation.
    /// - Complexity: O(1).
    public mutating func add(_ x: Double) {
        count += 1
        if count == 1 {
            mean = x
        } else {
            let delta = x - mean
            mean += delta / Double(count)
            sumOfSquaredDeviations += delta * (x - mean)
        }
        if x < min { min = x }
        if x > max { max = x }
    }

    /// Merges another tally (Chan, Golub & LeVeque 1979 parallel update), as if its observations
    /// had been added to this one.
    public mutating func merge(_ other: Tally) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let n = Double(count), m = Double(other.count), total = n + m
        let delta = other.mean - mean
        mean += delta * m / total
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * n * m / total
        count += other.count
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
    }

    /// The unbiased sample variance M₂ / (n − 1); 0 for fewer than two observations.
    public var variance: Double {
        count < 2 ? 0 : sumOfSquaredDeviations / Double(count - 1)
    }

    /// The sample standard deviation √variance.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The Student-t confidence interval for the mean (half-width +∞ for fewer than two observations).
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
        guard count >= 2 else { return ConfidenceInterval(mean: mean, halfWidth: .infinity, level: level) }
        let t = Statistics.studentTQuantile((1 + level) / 2, degreesOfFreedom: Double(count - 1))
        return ConfidenceInterval(mean: mean, halfWidth: t * standardDeviation / Double(count).squareRoot(),
                                  level: level)
    }
}
