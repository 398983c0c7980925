/// How busy the GPUs are over time, as a utilisation in [0, 1] (fluid fidelity).
public enum LoadSpec: Sendable, Equatable {
    /// The same utilisation all the time.
    case constant(utilisation: Double)
    /// `mean + amplitude·cos(2π(h − peakHour)/24)`, h the local hour of day: the diurnal swing of
    /// interactive inference traffic.
    case diurnal(mean: Double, amplitude: Double, peakHour: Double)
    /// Hourly utilisation values (repeated when the horizon is longer than the series).
    case hourly(values: [Double], source: String)

    /// Utilisation at simulated time `t` (s from the start, which is 00:00 local time on day 1).
    /// The diurnal profile is evaluated at the middle of each hour and held for the hour, so the
    /// load is piecewise constant between hourly events.
    public func utilisation(atHourIndex hour: Int) -> Double {
        switch self {
        case .constant(let u):
            return u
        case .diurnal(let mean, let amplitude, let peakHour):
            let h = Double(hour % 24) + 0.5
            let u = mean + amplitude * cos(2 * Double.pi * (h - peakHour) / 24)
            return min(1, max(0, u))
        case .hourly(let values, _):
            return values[hour % values.count]
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
