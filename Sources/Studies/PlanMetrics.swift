import FacilitySim
import SimMath

/// The figures of one design that a capacity plan judges: summary metrics by name, and their 95 % confidence
/// intervals when the design was run more than once.
public struct PlanMetrics: Sendable, Hashable {
    /// Metric values (the mean over replications), keyed as `summary.json` spells them (`pue`,
    /// `max_gpu_temperature_celsius`, nested fields dotted: `economics.cost_per_million_tokens_usd`).
    public var values: [String: Double]
    /// 95 % confidence intervals of the metrics that have one (replications > 1, or a run's own `…_ci95`).
    public var confidence: [String: ConfidenceInterval]

    public init(values: [String: Double], confidence: [String: ConfidenceInterval] = [:]) {
        self.values = values
        self.confidence = confidence
    }

    /// The key under which `name` is stored: the name itself, or the one key whose last dotted component is `name`
    /// (so `cost_per_million_tokens_usd` finds `economics.cost_per_million_tokens_usd`).
    public func key(for name: String) -> String? {
        if values[name] != nil { return name }
        let matches = values.keys.filter { $0.hasSuffix(".\(name)") }
        return matches.count == 1 ? matches.first : nil
    }

    /// The metric's value (mean), or nil when the run does not report it.
    public func value(_ name: String) -> Double? { key(for: name).flatMap { values[$0] } }

    /// The value a condition is checked on: the pessimistic end of the 95 % interval when there is one
    /// (the lower bound for `>=`, the upper bound for `<=`), else the value itself.
    public func conservativeValue(for condition: PlanCondition) -> Double? {
        guard let key = key(for: condition.metric), let value = values[key] else { return nil }
        guard let interval = confidence[key], interval.halfWidth.isFinite else { return value }
        return condition.relation == .atLeast ? interval.lower : interval.upper
    }
}
