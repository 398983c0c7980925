import Operations

/// The source document's `thermal_management` block, plus the choice and tuning of the clock controller.
///
/// ```yaml
/// thermal_management:
///   gpu_temperature_threshold: 70°C
///   automatic_throttling: enabled
///   predictive_maintenance: ai_based
///   controller: predictive        # none | reactive | predictive (default: reactive when throttling is enabled)
///   sensor_period: 1 s            # reactive: interval between temperature readings
///   actuation_delay: 100 ms       # reactive: reading → new clock
///   hysteresis: 3 K               # reactive: steps up only below threshold − hysteresis
///   forecast_horizon: 60 s        # predictive: forecast window and re-check period
/// ```
public struct ThermalManagementBlock: Sendable, Equatable {
    /// Predictive-maintenance policy named by the document.
    public enum PredictiveMaintenance: String, Sendable, CaseIterable {
        case aiBased = "ai_based"
        case scheduled = "scheduled"
        case disabled = "disabled"
    }

    /// Which clock controller runs.
    public enum Controller: String, Sendable, CaseIterable {
        case none, reactive, predictive
    }

    /// GPU junction temperature the policy must not exceed, °C.
    public var gpuTemperatureThresholdCelsius: Double
    /// Whether the controllers may lower GPU clocks.
    public var automaticThrottling: Bool
    /// Maintenance policy.
    public var predictiveMaintenance: PredictiveMaintenance
    /// The clock controller; `.none` whenever `automaticThrottling` is false.
    public var controller: Controller
    /// Reactive sensor period, s.
    public var sensorPeriodSeconds: Double
    /// Reactive actuation delay, s (< sensor period).
    public var actuationDelaySeconds: Double
    /// Reactive hysteresis, K.
    public var hysteresisKelvin: Double
    /// Predictive forecast horizon and re-check period, s.
    public var forecastHorizonSeconds: Double

    /// `controller` nil means the default: reactive when throttling is enabled, none when disabled.
    public init(gpuTemperatureThresholdCelsius: Double = 70, automaticThrottling: Bool = true,
                predictiveMaintenance: PredictiveMaintenance = .disabled, controller: Controller? = nil,
                sensorPeriodSeconds: Double = ReactiveThrottle.defaultSensorPeriodSeconds,
                actuationDelaySeconds: Double = ReactiveThrottle.defaultActuationDelaySeconds,
                hysteresisKelvin: Double = ReactiveThrottle.defaultHysteresisKelvin,
                forecastHorizonSeconds: Double = PredictiveThrottle.defaultForecastHorizonSeconds) {
        self.gpuTemperatureThresholdCelsius = gpuTemperatureThresholdCelsius
        self.automaticThrottling = automaticThrottling
        self.predictiveMaintenance = predictiveMaintenance
        self.controller = automaticThrottling ? (controller ?? .reactive) : .none
        self.sensorPeriodSeconds = sensorPeriodSeconds
        self.actuationDelaySeconds = actuationDelaySeconds
        self.hysteresisKelvin = hysteresisKelvin
        self.forecastHorizonSeconds = forecastHorizonSeconds
    }

    /// The controller value this block describes.
    /// - Throws: `ThrottleConfigurationError` when a parameter is out of range.
    public func makeController() throws -> ThrottleController {
        switch controller {
        case .none:
            return .none
        case .reactive:
            return .reactive(try ReactiveThrottle(thresholdCelsius: gpuTemperatureThresholdCelsius, hysteresisKelvin: hysteresisKelvin,
                                                  sensorPeriodSeconds: sensorPeriodSeconds, actuationDelaySeconds: actuationDelaySeconds))
        case .predictive:
            return .predictive(try PredictiveThrottle(thresholdCelsius: gpuTemperatureThresholdCelsius,
                                                      forecastHorizonSeconds: forecastHorizonSeconds))
        }
    }
}
