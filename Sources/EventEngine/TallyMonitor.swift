/// A running tally of observations (e.g. waiting times in s): count, mean, variance, extremes.
///
/// Welford's one-pass update (Welford 1962; Knuth, TAOCP vol. 2, §4.2.2), numerically stable for long
/// runs. Local to EventEngine so the engine depends on nothing of ours (SimMath has `Tally`).
public struct TallyMonitor: Sendable, Hashable {
    /// Number of observations.
    @usableFromInline var n: Int
    /// Running mean.
    @usableFromInline var runningMean: Double
    /// Σ (x − mean)², maintained by Welford's update.
    @usableFromInline var sumOfSquaredDeviations: Double
    /// Smallest observation so far.
    @usableFromInline var low: Double
    /// Largest observation so far.
    @usableFromInline var high: Double

    /// An empty tally.
    public init() {
        n = 0
        runningMean = 0
        sumOfSquaredDeviations = 0
        low = .infinity
        high = -.infinity
    }

    /// Adds one observation.
    /// - Complexity: O(1).
    @inlinable
    public mutating func add(_ x: Double) {
        n += 1
        let delta = x - runningMean
        runningMean += delta / Double(n)
        sumOfSquaredDeviations += delta * (x - runningMean)
        if x < low { low = x }
        if x > high { high = x }
    }

    /// Number of observations.
    public var count: Int { n }
    /// Sample mean (unit of the observations); 0 before the first observation.
    public var mean: Double { runningMean }
    /// Smallest observation (+∞ before the first).
    public var minimum: Double { low }
    /// Largest observation (−∞ before the first).
    public var maximum: Double { high }
    /// Unbiased sample variance Σ(x − x̄)²/(n − 1) (unit²); 0 for fewer than two observations.
    public var variance: Double { n > 1 ? sumOfSquaredDeviations / Double(n - 1) : 0 }
    /// Sample standard deviation (unit of the observations).
    public var standardDeviation: Double { variance.squareRoot() }
    /// Sum of the observations.
    public var sum: Double { runningMean * Double(n) }

    /// Forgets every observation.
    public mutating func reset() { self = TallyMonitor() }
}
