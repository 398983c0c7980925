/// What a throttling controller may observe at one decision instant.
///
/// Operations never sees the simulator: `FacilitySim` fills this value from one cohort's state. Clock
/// states are indices into the accelerator's `clockStates` (0 = full clock, higher = slower).
public struct ThrottleObservation {
    /// Simulated time of the decision, s.
    public var timeSeconds: Double
    /// Sensed GPU junction (module) temperature at the decision instant, °C.
    public var junctionCelsius: Double
    /// DVFS state in force, index into the accelerator's clock states.
    public var clockIndex: Int
    /// Number of DVFS states (the slowest is `clockStateCount − 1`).
    public var clockStateCount: Int
    /// For predictive control: the forecast peak junction temperature, °C, over the forecast window if the
    /// cohort ran at the given clock index from now on, computed with the same exact thermal model. nil for
    /// controllers that only react.
    public var forecastPeakCelsius: ((Int) -> Double)?

    public init(timeSeconds: Double, junctionCelsius: Double, clockIndex: Int, clockStateCount: Int,
                forecastPeakCelsius: ((Int) -> Double)? = nil) {
        self.timeSeconds = timeSeconds
        self.junctionCelsius = junctionCelsius
        self.clockIndex = clockIndex
        self.clockStateCount = clockStateCount
        self.forecastPeakCelsius = forecastPeakCelsius
    }
}
