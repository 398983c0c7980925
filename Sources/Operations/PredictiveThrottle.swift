/// Predictive throttling: at each decision the controller forecasts each cohort's junction temperature over
/// the forecast window with the same exact thermal model and the known inputs, and runs at the highest
/// clock whose forecast peak stays at or under the threshold; when even the slowest state cannot, it runs
/// at the slowest (which cools fastest).
///
/// The simulator asks for a decision at every input change (the hourly weather and load step) and every
/// `forecastHorizonSeconds` in between, and forecasts up to the next decision, so the clock in force is
/// always one whose exact forecast was under the threshold.
public struct PredictiveThrottle: Sendable, Equatable {
    /// Default forecast horizon and re-check period, s. Assumption: 60 s, longer than the module's thermal
    /// time constant C₁·R₁₂ (600 J/K · 0.04 K/W = 24 s immersed, the catalogue defaults) so one decision covers the
    /// fast transient it causes, and short against the tank fluid's hours-long drift.
    public static let defaultForecastHorizonSeconds = 60.0

    /// Junction temperature the forecast peak must not exceed, °C.
    public var thresholdCelsius: Double
    /// Forecast window and interval between re-checks, s.
    public var forecastHorizonSeconds: Double

    /// - Throws: `ThrottleConfigurationError` for a non-positive or non-finite horizon.
    public init(thresholdCelsius: Double, forecastHorizonSeconds: Double = PredictiveThrottle.defaultForecastHorizonSeconds) throws {
        guard thresholdCelsius.isFinite else { throw ThrottleConfigurationError("threshold must be finite") }
        guard forecastHorizonSeconds > 0, forecastHorizonSeconds.isFinite else {
            throw ThrottleConfigurationError("forecast horizon must be positive, got \(forecastHorizonSeconds) s")
        }
        self.thresholdCelsius = thresholdCelsius
        self.forecastHorizonSeconds = forecastHorizonSeconds
    }

    /// The highest clock (lowest index) whose forecast peak is ≤ the threshold; the slowest state when
    /// none is; the current state when the observation carries no forecast.
    /// - Complexity: at most `clockStateCount` forecasts.
    public func decide(_ o: ThrottleObservation) -> Int {
        guard let forecast = o.forecastPeakCelsius, o.clockStateCount > 0 else { return o.clockIndex }
        for index in 0..<o.clockStateCount where forecast(index) <= thresholdCelsius { return index }
        return o.clockStateCount - 1
    }
}
