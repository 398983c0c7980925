import Foundation
import SimMath

/// The exact trajectory of a `ThermalChain` under constant inputs, from time 0 of the interval:
/// Tᵢ(t) = Tᵢ∞ + kᵢ₁·e^(λ₁t) + kᵢ₂·e^(λ₂t).
public struct ThermalChainTrajectory: Sendable {
    public let steady: ThermalChain.State
    /// Eigenvalues, 1/s (both negative; λ₁ the slow one).
    public let lambda1: Double, lambda2: Double
    let module1: Double, module2: Double
    let sink1: Double, sink2: Double
    let coolantCelsius: Double
    let chain: ThermalChain
    let inputs: ThermalChain.Inputs

    /// State at time `t` s after the start of the interval.
    public func state(at t: Double) -> ThermalChain.State {
        let e1 = exp(lambda1 * t), e2 = exp(lambda2 * t)
        return ThermalChain.State(moduleCelsius: steady.moduleCelsius + module1 * e1 + module2 * e2,
                                  sinkCelsius: steady.sinkCelsius + sink1 * e1 + sink2 * e2)
    }

    /// Module temperature at `t`, °C.
    public func moduleCelsius(at t: Double) -> Double {
        steady.moduleCelsius + module1 * exp(lambda1 * t) + module2 * exp(lambda2 * t)
    }

    /// ∫₀ᵗ T₂ dt, K·s, exact (expm1 keeps short intervals accurate).
    public func sinkIntegral(until t: Double) -> Double {
        steady.sinkCelsius * t + sink1 * expm1(lambda1 * t) / lambda1 + sink2 * expm1(lambda2 * t) / lambda2
    }

    /// Heat from one node 2 to the coolant over [0, t], J: G₂·∫(T₂ − T_in) dt.
    public func heatToCoolantJoules(until t: Double) -> Double {
        chain.sinkConductanceWattsPerKelvin * (sinkIntegral(until: t) - coolantCelsius * t)
    }

    /// The time in (0, t) where the module temperature has its one interior extremum, if any.
    public func moduleExtremumTime(before t: Double) -> Double? {
        // d/dt: k₁λ₁e^(λ₁s) + k₂λ₂e^(λ₂s) = 0  ⇒  s = ln(−k₂λ₂ / (k₁λ₁)) / (λ₁ − λ₂).
        let num = -module2 * lambda2, den = module1 * lambda1
        guard den != 0, num / den > 0 else { return nil }
        let s = log(num / den) / (lambda1 - lambda2)
        return s > 0 && s < t ? s : nil
    }

    /// Highest module temperature over [0, t], °C (ends and the interior extremum).
    public func maximumModuleCelsius(until t: Double) -> Double {
        var best = max(moduleCelsius(at: 0), moduleCelsius(at: t))
        if let s = moduleExtremumTime(before: t) { best = max(best, moduleCelsius(at: s)) }
        return best
    }

    /// The sub-interval of [0, t] during which the module is above `limit` °C, or nil.
    ///
    /// T₁ is monotone on each side of its one extremum, so each side crosses the limit at most once;
    /// a crossing is located by Brent's method on the exact solution to 1e-9 s (never by time-stepping).
    public func intervalAbove(_ limit: Double, until t: Double) -> ClosedRange<Double>? {
        // Knots 0, the extremum (if any), t — visited without building an array (this runs at every event).
        var start: Double?, end: Double?
        func visit(_ lo: Double, _ hi: Double) {
            let fLo = moduleCelsius(at: lo) - limit, fHi = moduleCelsius(at: hi) - limit
            if fLo > 0 && start == nil { start = lo }
            if fLo > 0 || fHi > 0 {
                if fLo <= 0 && fHi > 0 { start = start ?? crossing(lo, hi, limit) }
                if fLo > 0 && fHi <= 0 { end = crossing(lo, hi, limit) }
                if fHi > 0 { end = hi }
            }
        }
        if let s = moduleExtremumTime(before: t) {
            visit(0, s)
            visit(s, t)
        } else {
            visit(0, t)
        }
        guard let s = start, let e = end, e > s else { return nil }
        return s...e
    }

    /// The root of T₁(s) = limit in [lo, hi], where T₁ is monotone and changes side: Brent's method
    /// (GSL, through SimMath) on the exact solution, to 1e-9 s.
    public func crossing(_ lo: Double, _ hi: Double, _ limit: Double) -> Double {
        (try? RootFinding.brent(lower: lo, upper: hi, absoluteTolerance: 1e-9, relativeTolerance: 0) {
            moduleCelsius(at: $0) - limit
        }) ?? 0.5 * (lo + hi)
    }
}
