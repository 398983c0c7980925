import FacilityModels
import Foundation

extension ReactiveThrottle {
    /// The first sensor reading in [`from`, `until`] (absolute times, s) at which the controller would change
    /// the clock, given the exact module trajectory that starts at absolute time `start` and holds until
    /// `until`; nil when no reading in the window triggers.
    ///
    /// Why this is exact rather than sampled: between input changes the module temperature is the closed-form
    /// `ThermalChainTrajectory`, and a reading triggers only if the temperature at a tick k·period is above the
    /// threshold (when a slower state exists) or below threshold − hysteresis (when a faster state exists).
    /// The first time the trajectory enters either region is solved for (Brent on the exact solution), the
    /// reading is the first tick at or after it, and that tick is checked on the exact solution (a peak that
    /// only grazes the threshold between two ticks is not seen, as a sampling sensor would not see it).
    /// A year of 1 s readings (31.5 M) thus costs only as many events as there are clock changes.
    /// - Complexity: O(1) root solves per call: the module temperature has at most one interior extremum,
    ///   so each region is entered at most twice in the window.
    public func nextDecisionTime(trajectory: ThermalChainTrajectory, start: Double, from: Double, until: Double,
                                 canStepDown: Bool, canStepUp: Bool) -> Double? {
        let period = sensorPeriodSeconds
        let low = thresholdCelsius - hysteresisKelvin
        var cursor = (from / period).rounded(.up) * period
        while cursor <= until {
            var entry: Double?
            if canStepDown, let s = trajectory.firstTime(moduleAbove: thresholdCelsius, from: cursor - start, until: until - start) {
                entry = s
            }
            if canStepUp, let s = trajectory.firstTime(moduleBelow: low, from: cursor - start, until: until - start) {
                entry = min(entry ?? s, s)
            }
            guard let entry else { return nil }
            let tick = max(cursor, ((entry + start) / period).rounded(.up) * period)
            guard tick <= until else { return nil }
            let sensed = trajectory.moduleCelsius(at: tick - start)
            if (canStepDown && sensed > thresholdCelsius) || (canStepUp && sensed < low) { return tick }
            cursor = tick + period
        }
        return nil
    }
}
