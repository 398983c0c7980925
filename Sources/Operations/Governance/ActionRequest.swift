/// A control action the operations software wants to take, with what it saw: the input of `Governor.submit`.
public struct ActionRequest: Sendable, Equatable {
    public var action: ControlAction
    /// What the action acts on: a cohort (`liquid_immersion`), a unit (`pump-2`), a tank (`tank-7`) …
    public var target: String
    /// Simulated time of the request, s.
    public var timeSeconds: Double
    /// The observations that drove it, SI units in the key (`junction_c`, `threshold_c`, `clock_ratio` …).
    public var observations: [String: Double]
    /// The rule that produced the action, evaluated on the observations (e.g. "junction 70.4 °C > threshold 70 °C:
    /// step down one DVFS state").
    public var rule: String
    /// The latest time the action must take effect to be of use, s (e.g. the exact instant a junction would
    /// reach its shutdown limit); nil when it can wait. An approval due after the deadline is a boundary violation.
    public var deadlineSeconds: Double?

    public init(action: ControlAction, target: String, timeSeconds: Double, observations: [String: Double] = [:],
                rule: String, deadlineSeconds: Double? = nil) {
        self.action = action
        self.target = target
        self.timeSeconds = timeSeconds
        self.observations = observations
        self.rule = rule
        self.deadlineSeconds = deadlineSeconds
    }
}
