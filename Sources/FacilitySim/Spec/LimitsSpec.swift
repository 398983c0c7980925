/// The scenario's `limits:` block: hard limits the CI gate (`factory-twin check`) enforces on a run, and the
/// regression tolerances against a baseline summary (issue 8). A nil limit is not checked.
public struct LimitsSpec: Sendable, Equatable {
    /// Highest GPU temperature allowed, °C.
    public var maxGpuTemperatureCelsius: Double?
    /// Longest time any GPU may spend above the scenario's GPU temperature limit, s.
    public var maxSecondsAboveGpuLimit: Double?
    /// Lowest availability allowed (0…1); a run that does not model availability fails this limit.
    public var minAvailability: Double?
    /// Highest annual PUE allowed.
    public var maxPue: Double?
    /// Highest share of throughput lost to throttling allowed (0…1).
    public var maxThroughputLostFraction: Double?
    /// Highest energy-balance relative error allowed (default 1e-9, the project's requirement).
    public var maxEnergyBalanceRelativeError: Double? = 1e-9
    /// Regression tolerances that replace the defaults of `RegressionMetric`, by metric.
    public var tolerances: [RegressionMetric: RegressionTolerance] = [:]

    public init() {}
}

/// How far a metric may drift from its baseline: it passes when |now − baseline| ≤ max(absolute, relative·|baseline|).
public struct RegressionTolerance: Sendable, Equatable {
    /// Relative tolerance (0.01 = 1 %).
    public var relative: Double
    /// Absolute tolerance, in the metric's unit.
    public var absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Whether `now` is within tolerance of `baseline`.
    public func accepts(now: Double, baseline: Double) -> Bool {
        abs(now - baseline) <= max(absolute, relative * abs(baseline))
    }
}
