import Foundation

/// The capital recovery factor: the constant annual payment, per dollar invested, that repays an investment with
/// interest over its life, `CRF = r(1+r)^n / ((1+r)^n − 1)` (`1/n` when r = 0).
public enum CapitalRecovery {
    /// Capital recovery factor for a rate `rate` per year over `years` years (years > 0, rate > −1), 1/year.
    public static func factor(rate: Double, years: Double) -> Double {
        precondition(years > 0 && rate > -1, "capital recovery needs years > 0 and rate > −1")
        if abs(rate) < 1e-12 { return 1 / years }
        let growth = pow(1 + rate, years)
        return rate * growth / (growth - 1)
    }
}
