import Foundation

/// Reactive throttling: every sensor period the controller reads the junction temperature; above the
/// threshold it steps the clock down one DVFS state, below threshold − hysteresis it steps up one state,
/// in between it holds. The new clock takes effect one actuation delay after the reading.
///
/// The hysteresis band keeps the controller from chattering between two states at the threshold.
public struct ReactiveThrottle: Sendable, Equatable {
    /// Default sensor period, s. Assumption: 1 s, the default sampling of the tools an operator's control
    /// loop reads GPU temperatures through (`nvidia-smi --loop=1`, `dcgmi dmon` default delay 1,000 ms);
    /// on-die firmware protection is faster but acts only at the hardware slowdown temperature (≈ 89 °C).
    public static let defaultSensorPeriodSeconds = 1.0
    /// Default actuation delay, s. Assumption: 0.1 s between the reading and the new clock taking effect
    /// (an NVML locked-clock call plus the DVFS transition; tens of milliseconds each).
    public static let defaultActuationDelaySeconds = 0.1
    /// Default hysteresis, K. Assumption: 3 K, a few times the sensor's 1 K resolution, so sensing noise and
    /// the step of one DVFS state (≈ 2–4 K on an immersed H100 at 0.06 K/W) do not make it chatter.
    public static let defaultHysteresisKelvin = 3.0

    /// Junction temperature above which the controller steps down, °C.
    public var thresholdCelsius: Double
    /// The controller steps up only below `thresholdCelsius − hysteresisKelvin`, K.
    public var hysteresisKelvin: Double
    /// Interval between temperature readings, s; readings happen at k·period from the start of the run.
    public var sensorPeriodSeconds: Double
    /// Delay between a reading and the clock change it causes, s (shorter than the sensor period).
    public var actuationDelaySeconds: Double

    /// - Throws: `ThrottleConfigurationError` when a parameter is out of range (period ≤ 0, negative
    ///   hysteresis, delay outside [0, period)).
    public init(thresholdCelsius: Double, hysteresisKelvin: Double = ReactiveThrottle.defaultHysteresisKelvin,
                sensorPeriodSeconds: Double = ReactiveThrottle.defaultSensorPeriodSeconds,
                actuationDelaySeconds: Double = ReactiveThrottle.defaultActuationDelaySeconds) throws {
        guard thresholdCelsius.isFinite else { throw ThrottleConfigurationError("threshold must be finite") }
        guard sensorPeriodSeconds > 0, sensorPeriodSeconds.isFinite else {
            throw ThrottleConfigurationError("sensor period must be positive, got \(sensorPeriodSeconds) s")
        }
        guard hysteresisKelvin >= 0, hysteresisKelvin.isFinite else {
            throw ThrottleConfigurationError("hysteresis must be ≥ 0 K, got \(hysteresisKelvin) K")
        }
        guard actuationDelaySeconds >= 0, actuationDelaySeconds < sensorPeriodSeconds else {
            throw ThrottleConfigurationError("actuation delay must lie in [0, sensor period), got \(actuationDelaySeconds) s")
        }
        self.thresholdCelsius = thresholdCelsius
        self.hysteresisKelvin = hysteresisKelvin
        self.sensorPeriodSeconds = sensorPeriodSeconds
        self.actuationDelaySeconds = actuationDelaySeconds
    }

    /// The clock index after one reading: one state slower above the threshold, one faster below
    /// threshold − hysteresis, unchanged in the band (and at either end of the clock table).
    public func decide(_ o: ThrottleObservation) -> Int {
        if o.junctionCelsius > thresholdCelsius { return min(o.clockIndex + 1, o.clockStateCount - 1) }
        if o.junctionCelsius < thresholdCelsius - hysteresisKelvin { return max(o.clockIndex - 1, 0) }
        return o.clockIndex
    }
}
