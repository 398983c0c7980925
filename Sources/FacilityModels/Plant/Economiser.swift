/// The water-side economiser's mode: free cooling, partial mechanical, or full mechanical cooling — a
/// pure state machine with hysteresis and a minimum hold time.
///
/// After Modelica Buildings `Applications/DataCenters/ChillerCooled/Controls/CoolingMode.mo` (Stein,
/// "Waterside Economizing in Data Centers", ASHRAE Transactions 115(2), 2009): the temperature the
/// economiser alone can deliver, T_free (outdoor wet- or dry-bulb + tower/dry-cooler approach +
/// economiser heat-exchanger approach), is compared with the chilled-water set-point S and the return
/// temperature S + range:
///
/// - free → partial when T_free > S + δ (the economiser alone misses the set-point);
/// - partial → free when T_free < S − δ;
/// - partial → full mechanical when T_free > S + range + δ (the economiser no longer pre-cools the return);
/// - full mechanical → partial when T_free < S + range − δ;
///
/// and a mode, once entered, is held for at least 20 minutes (CoolingMode.mo's waiting time, "disabled for
/// at least 20 minutes"). Deadband δ: Assumption 1 K (Modelica's examples leave it a parameter). In
/// partial mode the chiller carries the share (T_free − S)/range of the load (the economiser pre-cools
/// the return from S + range to T_free).
public struct Economiser: Sendable, Equatable, Codable {
    /// The cooling mode.
    public enum Mode: String, Sendable, Codable, CaseIterable { case free, partial, mechanical }

    /// The next state and when it may change again.
    public struct Decision: Sendable, Equatable {
        /// The economiser after the decision.
        public var economiser: Economiser
        /// True when the mode changed at this decision.
        public var changed: Bool
        /// The mode the temperatures ask for (what it would switch to if the hold allowed).
        public var wantedMode: Mode
        /// The earliest time the mode may change again, s.
        public var earliestChangeSeconds: Double
    }

    public private(set) var mode: Mode
    /// Time of the last mode change, s.
    public private(set) var lastChangeSeconds: Double
    /// Deadband around each switching threshold, K. Assumption: 1 K.
    public var deadbandKelvin: Double = 1
    /// Minimum time between mode changes, s: 20 min (CoolingMode.mo).
    public var minimumHoldSeconds: Double = 1200

    public init(mode: Mode = .mechanical, at time: Double = -.infinity) {
        self.mode = mode
        self.lastChangeSeconds = time
    }

    /// The earliest time the mode may change, s.
    public var earliestChangeSeconds: Double { lastChangeSeconds + minimumHoldSeconds }

    /// The mode the temperatures ask for from the current mode (hysteresis only, no hold).
    public func wantedMode(freeCelsius free: Double, setpointCelsius setpoint: Double, rangeKelvin range: Double) -> Mode {
        let d = deadbandKelvin
        switch mode {
        case .free:
            return free > setpoint + d ? (free > setpoint + range + d ? .mechanical : .partial) : .free
        case .partial:
            return free < setpoint - d ? .free : (free > setpoint + range + d ? .mechanical : .partial)
        case .mechanical:
            return free < setpoint + range - d ? (free < setpoint - d ? .free : .partial) : .mechanical
        }
    }

    /// The decision at `time` s for free-cooling temperature `free` °C, set-point `setpoint` °C and
    /// chilled-water range `range` K. Pure: the receiver is not changed.
    public func next(freeCelsius free: Double, setpointCelsius setpoint: Double, rangeKelvin range: Double, time: Double) -> Decision {
        let wanted = wantedMode(freeCelsius: free, setpointCelsius: setpoint, rangeKelvin: range)
        var next = self
        let changed = wanted != mode && time >= earliestChangeSeconds
        if changed {
            next.mode = wanted
            next.lastChangeSeconds = time
        }
        return Decision(economiser: next, changed: changed, wantedMode: wanted, earliestChangeSeconds: next.earliestChangeSeconds)
    }

    /// The share of the load the chiller carries in `mode` (0…1).
    public static func mechanicalShare(mode: Mode, freeCelsius free: Double, setpointCelsius setpoint: Double, rangeKelvin range: Double) -> Double {
        switch mode {
        case .free: return 0
        case .partial: return min(1, max(0, (free - setpoint) / range))
        case .mechanical: return 1
        }
    }

    /// Applies `next` and returns the chiller's share of the load in the resulting mode (0…1).
    public mutating func update(freeCelsius free: Double, setpointCelsius setpoint: Double, rangeKelvin range: Double,
                                time: Double) -> Double {
        self = next(freeCelsius: free, setpointCelsius: setpoint, rangeKelvin: range, time: time).economiser
        return Economiser.mechanicalShare(mode: mode, freeCelsius: free, setpointCelsius: setpoint, rangeKelvin: range)
    }
}
