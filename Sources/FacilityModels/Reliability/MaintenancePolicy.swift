import Foundation

/// Predictive (condition-based) maintenance of repairable units: the source document's
/// `predictive_maintenance: ai_based`, as a policy on the units' hazard.
///
/// At planned windows (every `windowSeconds` from `firstWindowSeconds`) each unit that is up and whose current
/// hazard h(age) is at least `hazardRatio` × its mean failure rate 1/MTBF is replaced (renewed, as good as new)
/// during a planned downtime — a standby unit simply goes out for it; a running unit hands its load to an up
/// standby unit first (make before break, no capacity gap); with no standby unit up, the replacement is
/// deferred to the next window. Run-to-failure is the absence of a policy.
///
/// The policy uses the same failure law as the failures: under an exponential law the hazard is 1/MTBF at every
/// age, so a ratio above 1 never triggers — a memoryless unit gains nothing from early replacement, which is the
/// honest answer for constant-hazard components (and for GPUs, whose Arrhenius hazard depends on temperature, not
/// age, in this model). Under a Weibull law with shape > 1 (wear-out) old units are replaced before they fail.
public struct MaintenancePolicy: Sendable, Hashable, Codable {
    /// Interval between planned maintenance windows, s.
    public var windowSeconds: Double
    /// Time of the first window, s.
    public var firstWindowSeconds: Double
    /// Out-of-service time of a planned replacement, s.
    public var plannedDowntimeSeconds: Double
    /// Replace when h(age) ≥ hazardRatio / MTBF.
    public var hazardRatio: Double

    /// Weekly windows, 4 h planned downtime, replace at 1.5× the mean rate (Assumptions: a common maintenance
    /// cadence, not a sourced optimum).
    public init(windowSeconds: Double = 168 * 3600, firstWindowSeconds: Double? = nil, plannedDowntimeSeconds: Double = 4 * 3600,
                hazardRatio: Double = 1.5) throws {
        self.windowSeconds = windowSeconds
        self.firstWindowSeconds = firstWindowSeconds ?? windowSeconds
        self.plannedDowntimeSeconds = plannedDowntimeSeconds
        self.hazardRatio = hazardRatio
        try ReliabilityError.requirePositive(windowSeconds, "maintenance window interval (s)")
        try ReliabilityError.requireNonNegative(self.firstWindowSeconds, "first maintenance window (s)")
        try ReliabilityError.requirePositive(plannedDowntimeSeconds, "planned downtime (s)")
        try ReliabilityError.requirePositive(hazardRatio, "hazard ratio")
    }

    /// Hazard of a unit of `component` at `ageSeconds` since renewal, per second: 1/MTBF for the exponential law,
    /// (k/λ)(t/λ)^(k−1) with λ = MTBF/Γ(1 + 1/k) for Weibull.
    public static func hazardPerSecond(_ component: ComponentReliability, ageSeconds: Double) -> Double {
        let mean = component.mtbfHours * ComponentReliability.secondsPerHour
        switch component.failureLaw {
        case .exponential:
            return 1 / mean
        case let .weibull(k):
            let scale = mean / tgamma(1 + 1 / k)
            return k / scale * pow(max(ageSeconds, 0) / scale, k - 1)
        }
    }

    /// Whether a unit of `component` aged `ageSeconds` is due for replacement.
    public func isDue(_ component: ComponentReliability, ageSeconds: Double) -> Bool {
        Self.hazardPerSecond(component, ageSeconds: ageSeconds) * component.mtbfHours * ComponentReliability.secondsPerHour
            >= hazardRatio
    }
}
