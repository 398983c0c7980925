import FacilityModels
import Foundation

extension ThermalChainTrajectory {
    /// The first time in [`from`, `until`] (s from the start of the trajectory) at which the module is above
    /// `level` °C, or nil. Exact up to Brent's 1e-9 s tolerance: the module temperature is monotone on each
    /// side of its one interior extremum, so each monotone piece crosses `level` at most once.
    public func firstTime(moduleAbove level: Double, from: Double, until: Double) -> Double? {
        firstTime(from: from, until: until, level: level, sign: 1)
    }

    /// The first time in [`from`, `until`] (s from the start of the trajectory) at which the module is below
    /// `level` °C, or nil (see `firstTime(moduleAbove:from:until:)`).
    public func firstTime(moduleBelow level: Double, from: Double, until: Double) -> Double? {
        firstTime(from: from, until: until, level: level, sign: -1)
    }

    /// First time where sign·(T₁ − level) > 0 on [from, until].
    private func firstTime(from: Double, until: Double, level: Double, sign: Double) -> Double? {
        guard until >= from else { return nil }
        var knots = [from]
        if let s = moduleExtremumTime(before: until), s > from { knots.append(s) }
        knots.append(until)
        for i in 0..<(knots.count - 1) {
            let lo = knots[i], hi = knots[i + 1]
            let fLo = sign * (moduleCelsius(at: lo) - level)
            if fLo > 0 { return lo }
            let fHi = sign * (moduleCelsius(at: hi) - level)
            if fHi > 0 { return crossing(lo, hi, level) }
        }
        return nil
    }
}
