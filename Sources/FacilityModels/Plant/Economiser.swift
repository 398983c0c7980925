/// The water-side economiser's mode: free cooling, partial mechanical, or full mechanical cooling.
///
/// Switching follows Modelica Buildings' `ChillerCooled/Controls/CoolingMode.mo` (after Stein, ASHRAE
/// 2009): the free-cooling water temperature available from the tower or dry cooler, T_free, is compared
/// with the chilled-water set-point S; a mode is entered only past a deadband and held for a minimum
/// time (20 min) so that the plant does not chatter. In partial mode the chiller carries the share
/// (T_free − S)/range of the load.
public struct Economiser: Sendable, Equatable {
    public enum Mode: String, Sendable { case free, partial, mechanical }

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

    /// Updates the mode at `time` for free-cooling temperature `free` °C, set-point `setpoint` °C and the
    /// chilled-water range `range` K; returns the share of the load the chiller must carry (0…1).
    public mutating func update(freeCelsius free: Double, setpointCelsius setpoint: Double, rangeKelvin range: Double,
                                time: Double) -> Double {
        let target: Mode
        switch mode {
        case .free:
            target = free > setpoint + deadbandKelvin ? (free >= setpoint + range + deadbandKelvin ? .mechanical : .partial) : .free
        case .partial:
            target = free < setpoint - deadbandKelvin ? .free : (free > setpoint + range + deadbandKelvin ? .mechanical : .partial)
        case .mechanical:
            target = free < setpoint + range - deadbandKelvin ? (free < setpoint - deadbandKelvin ? .free : .partial) : .mechanical
        }
        if target != mode, time - lastChangeSeconds >= minimumHoldSeconds {
            mode = target
            lastChangeSeconds = time
        }
        switch mode {
        case .free: return 0
        case .partial: return min(1, max(0, (free - setpoint) / range))
        case .mechanical: return 1
        }
    }
}
