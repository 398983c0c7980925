/// A two-sided confidence interval `mean ± halfWidth` at confidence `level` (e.g. 0.95).
///
/// The unit of `mean` and `halfWidth` is that of the observations. A `halfWidth` of `+∞` means
/// "not enough data" (fewer than two observations or batches).
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The point estimate (sample mean).
    public var mean: Double
    /// Half the interval width; ≥ 0, `+∞` when it cannot be estimated.
    public var halfWidth: Double
    /// The confidence level in (0, 1), e.g. 0.95.
    public var level: Double

    /// Creates the interval `mean ± halfWidth` at confidence `level`.
    public init(mean: Double, halfWidth: Double, level: Double) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.level = level
    }

    /// The lower end, mean − halfWidth.
    public var lower: Double { mean - halfWidth }
    /// The upper end, mean + halfWidth.
    public var upper: Double { mean + halfWidth }
    /// The relative half-width, halfWidth / |mean| (∞ when the mean is 0).
    public var relativeHalfWidth: Double { halfWidth / abs(mean) }

    /// Whether `x` lies in [lower, upper].
    public func contains(_ x: Double) -> Bool {
        x >= lower && x <= upper
    }
}
