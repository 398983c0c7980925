import Foundation
import SimMath

/// When requests arrive: homogeneous Poisson, or a non-homogeneous Poisson with a daily cycle.
public enum ArrivalProcess: Sendable, Equatable {
    /// Poisson arrivals at a constant rate, requests/s.
    case poisson(ratePerSecond: Double)
    /// Non-homogeneous Poisson with rate λ(t) = mean · (1 + amplitude · cos(2π (t − peak) / period)).
    case diurnal(DiurnalRate)

    /// A sinusoidal daily arrival rate.
    public struct DiurnalRate: Sendable, Equatable {
        /// Mean rate over a period, requests/s.
        public var meanPerSecond: Double
        /// Relative amplitude in [0, 1]: the rate swings between mean·(1 ∓ amplitude).
        public var amplitude: Double
        /// Time of the maximum rate from the run's start (modulo the period), s.
        public var peakSeconds: Double
        /// Length of the cycle, s (86,400 for a day).
        public var periodSeconds: Double

        /// Creates a rate.
        public init(meanPerSecond: Double, amplitude: Double, peakSeconds: Double, periodSeconds: Double = 86_400) {
            self.meanPerSecond = meanPerSecond
            self.amplitude = amplitude
            self.peakSeconds = peakSeconds
            self.periodSeconds = periodSeconds
        }
    }

    /// Checks the parameters.
    /// - Throws: `ServingError.invalidConfiguration` for a non-positive rate or period, or amplitude outside [0, 1].
    public func validate() throws {
        switch self {
        case let .poisson(rate):
            guard rate > 0, rate.isFinite else {
                throw ServingError.invalidConfiguration(field: "arrivals.rate", reason: "\(rate) /s must be positive")
            }
        case let .diurnal(d):
            guard d.meanPerSecond > 0, d.meanPerSecond.isFinite else {
                throw ServingError.invalidConfiguration(field: "arrivals.mean", reason: "\(d.meanPerSecond) /s must be positive")
            }
            guard d.amplitude >= 0, d.amplitude <= 1 else {
                throw ServingError.invalidConfiguration(field: "arrivals.amplitude", reason: "\(d.amplitude) must be in [0, 1]")
            }
            guard d.periodSeconds > 0, d.periodSeconds.isFinite, d.peakSeconds.isFinite else {
                throw ServingError.invalidConfiguration(field: "arrivals.period", reason: "\(d.periodSeconds) s must be positive")
            }
        }
    }

    /// The instantaneous rate at time `t`, requests/s.
    public func rate(atSeconds t: Double) -> Double {
        switch self {
        case let .poisson(rate): return rate
        case let .diurnal(d):
            return d.meanPerSecond * (1 + d.amplitude * cos(2 * .pi * (t - d.peakSeconds) / d.periodSeconds))
        }
    }

    /// The largest rate, requests/s: the thinning envelope.
    public var maximumRate: Double {
        switch self {
        case let .poisson(rate): return rate
        case let .diurnal(d): return d.meanPerSecond * (1 + d.amplitude)
        }
    }

    /// Expected arrivals in [0, T]: Λ(T) = ∫₀ᵀ λ(t) dt, in closed form.
    public func expectedArrivals(untilSeconds T: Double) -> Double {
        switch self {
        case let .poisson(rate): return rate * T
        case let .diurnal(d):
            let w = 2 * Double.pi / d.periodSeconds
            return d.meanPerSecond * (T + d.amplitude / w * (sin(w * (T - d.peakSeconds)) - sin(w * (-d.peakSeconds))))
        }
    }

    /// Arrival times in [0, horizon), increasing.
    ///
    /// Poisson: exponential gaps of mean 1/λ. Diurnal: Lewis–Shedler thinning (Lewis & Shedler 1979,
    /// Naval Research Logistics Quarterly 26(3)): candidates from a Poisson process at λ_max, each kept
    /// with probability λ(t)/λ_max.
    /// - Throws: `ServingError.invalidConfiguration` for invalid parameters or a negative horizon.
    /// - Complexity: O(λ_max · horizon) draws.
    public func arrivalTimes(untilSeconds horizon: Double, stream: RandomStream) throws -> [Double] {
        try validate()
        guard horizon >= 0, horizon.isFinite else {
            throw ServingError.invalidConfiguration(field: "horizon", reason: "\(horizon) s must be non-negative")
        }
        let envelope = maximumRate
        var times: [Double] = []
        times.reserveCapacity(Int(min(envelope * horizon * 1.1, 1e8)) + 16)
        var t = 0.0
        while true {
            t += stream.exponential(mean: 1 / envelope)
            if t >= horizon { break }
            if case .poisson = self {
                times.append(t)
            } else if stream.uniform() * envelope < rate(atSeconds: t) {
                times.append(t)
            }
        }
        return times
    }
}
