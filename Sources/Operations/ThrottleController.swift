/// A GPU clock controller, as a value: none, reactive (sensed temperature with hysteresis) or predictive
/// (exact forecast with the thermal model).
public enum ThrottleController: Sendable, Equatable {
    /// Clocks stay at full speed whatever the temperature.
    case none
    /// Steps one DVFS state per sensor period on the sensed temperature (see `ReactiveThrottle`).
    case reactive(ReactiveThrottle)
    /// Chooses the highest clock whose forecast peak stays under the threshold (see `PredictiveThrottle`).
    case predictive(PredictiveThrottle)

    /// Name used in results: `none`, `reactive`, `predictive`.
    public var name: String {
        switch self {
        case .none: return "none"
        case .reactive: return "reactive"
        case .predictive: return "predictive"
        }
    }

    /// The clock index to run at after observing `observation` (unchanged for `.none`).
    public func decide(_ observation: ThrottleObservation) -> Int {
        switch self {
        case .none: return observation.clockIndex
        case .reactive(let r): return r.decide(observation)
        case .predictive(let p): return p.decide(observation)
        }
    }
}

/// A controller parameter outside its meaningful range.
public struct ThrottleConfigurationError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
