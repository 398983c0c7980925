/// The scenario's `limits:` block: hard limits the CI gate (`factory-twin check`) enforces on a run, and the
/// regression tolerances against a baseline summary (issue 8). A nil limit is not checked — except the scenario's own
/// thermal threshold and the energy balance, which the gate always judges (issue 15 item 7; see `CheckGate`).
public struct LimitsSpec: Sendable, Equatable {
    /// How far the exact peak GPU temperature may exceed `thermal_management.gpu_temperature_threshold`, K.
    /// Default 0.05 K: the report's GPU-temperature benchmark row uses the same tolerance (assumption: the resolution
    /// a temperature sensor reading would round to, not a measured figure).
    public static let defaultThresholdToleranceKelvin = 0.05
    /// The threshold tolerance of this scenario, K (`limits: threshold_tolerance:`).
    public var thresholdToleranceKelvin: Double = LimitsSpec.defaultThresholdToleranceKelvin
    /// Highest GPU temperature allowed, °C.
    public var maxGpuTemperatureCelsius: Double?
    /// Longest time any GPU may spend above the scenario's GPU temperature limit, s (nil: the gate allows 0 s).
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
